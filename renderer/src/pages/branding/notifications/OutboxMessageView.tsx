/**
 * One outbox message as its recipient would get it: an email rendered in a sandboxed frame
 * (links open a new window) with its plain-text part a click away; an SMS or a voice script
 * as text with a play button. Every link found in it is listed, ready to follow.
 */
import { useState } from 'react';
import type { OutboxMessage } from '../../../../../server/model/notification';
import { EmailPreviewFrame } from './EmailPreviewFrame';
import { RELAY_LABELS, timeOf } from './outbox-format';
import { SpeakButton } from './SpeakButton';

export function OutboxMessageView({
  message,
  orgName,
  kindLabel,
}: {
  message: OutboxMessage;
  orgName: string;
  kindLabel: string;
}) {
  const [part, setPart] = useState<'html' | 'text'>('html');
  const email = message.channel === 'email';
  return (
    <article className="ntf-card ntf-message" aria-labelledby="ntf-message-title" data-testid="ntf-message">
      <header className="ntf-message-head">
        <h2 id="ntf-message-title" data-testid="ntf-message-title">
          {message.subject ?? `${kindLabel} (${message.channel === 'sms' ? 'SMS' : 'voice call'})`}
        </h2>
        <dl className="ntf-facts">
          <dt>To</dt>
          <dd data-testid="ntf-message-to">{message.to}</dd>
          <dt>Organization</dt>
          <dd>{orgName}</dd>
          <dt>Kind</dt>
          <dd>
            {kindLabel} · {message.locale.toUpperCase()}
          </dd>
          <dt>Created</dt>
          <dd>{timeOf(message.createdAt)}</dd>
          {email && (
            <>
              <dt>SMTP</dt>
              <dd data-testid="ntf-message-relay">
                {RELAY_LABELS[message.relayStatus]}
                {message.relayError && <span className="field-error"> — {message.relayError}</span>}
              </dd>
            </>
          )}
        </dl>
      </header>

      {message.links.length > 0 && (
        <div className="ntf-links">
          <h3>Links</h3>
          <ul data-testid="ntf-message-links">
            {message.links.map((link) => (
              <li key={link}>
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {email ? (
        <>
          <div className="segmented" role="group" aria-label="Part">
            {(['html', 'text'] as const).map((id) => (
              <button
                key={id}
                type="button"
                className={`tab${part === id ? ' selected' : ''}`}
                aria-pressed={part === id}
                onClick={() => setPart(id)}
                data-testid={`ntf-message-part-${id}`}
              >
                {id === 'html' ? 'HTML' : 'Plain text'}
              </button>
            ))}
          </div>
          {part === 'html' ? (
            <EmailPreviewFrame html={message.html ?? ''} title={`Email to ${message.to}`} testId="ntf-message-frame" />
          ) : (
            <pre className="ntf-plain" data-testid="ntf-message-text">
              {message.text}
            </pre>
          )}
        </>
      ) : (
        <>
          <p className="ntf-bubble" data-testid="ntf-message-text">
            {message.text}
          </p>
          <SpeakButton text={message.text} locale={message.locale} testId="ntf-message-play" />
        </>
      )}
    </article>
  );
}
