/**
 * The live preview of the draft, rendered by the server exactly as `send` would (with the
 * catalog's example values). Asks again a moment after the draft stops changing; a draft
 * the server refuses keeps the last good preview, marked as out of date.
 */
import { useEffect, useState } from 'react';
import type { TemplateContent, TemplatePreview } from '../../../../../server/model/notification';
import { ApiError } from '../../../api/client';
import { previewTemplate, type TemplateSlot } from '../../../api/notifications-api';
import { useApiClient } from '../../org-detail/use-api';
import { EmailPreviewFrame } from './EmailPreviewFrame';
import { SpeakButton } from './SpeakButton';

const DEBOUNCE_MS = 250;

export function TemplatePreviewPane({
  scope,
  slot,
  draft,
  onProblems,
}: {
  scope: string;
  slot: TemplateSlot;
  draft: TemplateContent;
  /** What the server found wrong with the draft (empty when it rendered). */
  onProblems(issues: { path: string; message: string }[]): void;
}) {
  const client = useApiClient();
  const [preview, setPreview] = useState<TemplatePreview>();
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<string>();
  const key = JSON.stringify([scope, slot, draft]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      previewTemplate(client, scope, slot, draft).then(
        (rendered) => {
          if (!current) return;
          setPreview(rendered);
          setStale(false);
          setError(undefined);
          onProblems([]);
        },
        (failure: unknown) => {
          if (!current) return;
          setStale(true);
          if (failure instanceof ApiError && failure.fields.length) onProblems(failure.fields);
          else setError((failure as Error).message);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for scope, slot and draft (compared by value, not identity).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);

  return (
    <section className="ntf-card ntf-preview" aria-labelledby="ntf-preview-title" data-testid="ntf-preview">
      <div className="ntf-card-head">
        <h3 id="ntf-preview-title">Preview</h3>
        {stale && (
          <span className="badge ntf-badge-warn" data-testid="ntf-preview-stale">
            out of date: fix the errors
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!preview ? (
        <p className="muted">Rendering…</p>
      ) : slot.channel === 'email' ? (
        <>
          <p className="ntf-subject" data-testid="ntf-preview-subject">
            <span className="muted">Subject</span> {preview.subject}
          </p>
          <EmailPreviewFrame html={preview.html ?? ''} title="Email preview" testId="ntf-preview-frame" />
        </>
      ) : (
        <>
          <p className="ntf-bubble" data-testid="ntf-preview-text">
            {preview.text}
          </p>
          <div className="ntf-preview-meta">
            {preview.sms && (
              <span className="muted small" data-testid="ntf-preview-sms-length">
                {preview.sms.characters} characters · {preview.sms.segments} segment
                {preview.sms.segments === 1 ? '' : 's'} · {preview.sms.encoding}
              </span>
            )}
            <SpeakButton text={preview.text} locale={slot.locale} testId="ntf-preview-play" />
          </div>
        </>
      )}
    </section>
  );
}
