/** The outbox, newest first: channel, recipient, what it says, whose it is and when. */
import type { OutboxMessage } from '../../../../../server/model/notification';
import { RELAY_LABELS, summaryOf, timeOf } from './outbox-format';

export function OutboxList({
  messages,
  selectedId,
  orgName,
  kindLabel,
  onSelect,
}: {
  messages: OutboxMessage[];
  selectedId: string | undefined;
  orgName(id: string | null): string;
  kindLabel(kind: OutboxMessage['kind']): string;
  onSelect(id: string): void;
}) {
  return (
    <ul className="ntf-outbox-list" aria-label="Messages" data-testid="ntf-outbox-list">
      {messages.map((message) => (
        <li key={message.id}>
          <button
            type="button"
            className={`row-button ntf-outbox-row${message.id === selectedId ? ' selected' : ''}`}
            aria-current={message.id === selectedId}
            onClick={() => onSelect(message.id)}
            data-testid={`ntf-outbox-row-${message.id}`}
          >
            <span className={`ntf-channel ntf-channel-${message.channel}`}>{message.channel}</span>
            <span className="ntf-row-main">
              <span className="ntf-row-to">{message.to}</span>
              <span className="ntf-row-summary">{summaryOf(message)}</span>
              <span className="ntf-row-meta muted small">
                {kindLabel(message.kind)} · {orgName(message.orgId)} · {message.locale.toUpperCase()}
                {message.relayStatus !== 'not_configured' && ` · ${RELAY_LABELS[message.relayStatus]}`}
              </span>
            </span>
            <time className="ntf-row-time muted small" dateTime={message.createdAt}>
              {timeOf(message.createdAt)}
            </time>
          </button>
        </li>
      ))}
    </ul>
  );
}
