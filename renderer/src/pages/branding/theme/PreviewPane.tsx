/**
 * The live preview: the server renders the real hosted page with the draft theme (there is
 * no second implementation of the pages here). A new preview is asked for 300 ms after the
 * last edit; an invalid draft keeps the last good preview and reports its field errors.
 */
import { useEffect, useState } from 'react';
import {
  PREVIEW_PAGE_LABELS,
  PREVIEW_PAGES,
  type PreviewPage,
  type ThemeOverrides,
  type ThemeScope,
} from '../../../../../server/model/theme';
import { ApiError, type FieldIssue } from '../../../api/client';
import { createPreview } from '../../../api/themes-api';
import { useApiClient } from '../../org-detail/use-api';

const DEBOUNCE_MS = 300;
/** Previews live 10 minutes on the server; renew well before. */
const RENEW_AFTER_MS = 8 * 60 * 1000;

export function PreviewPane(props: {
  scope: ThemeScope;
  draft: ThemeOverrides;
  /** Field errors of the draft (empty when it renders); keep it stable (useCallback). */
  onErrors: (fields: FieldIssue[]) => void;
}) {
  const client = useApiClient();
  const [page, setPage] = useState<PreviewPage>('identifier');
  const [scheme, setScheme] = useState<'light' | 'dark'>('light');
  const [preview, setPreview] = useState<{ url: string; at: number }>();
  const [failure, setFailure] = useState<string>();
  const [tick, setTick] = useState(0);
  const { scope, draft, onErrors } = props;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      createPreview(client, { scope, draft }).then(
        (created) => {
          if (!current) return;
          setPreview({ url: created.url, at: Date.now() });
          setFailure(undefined);
          onErrors([]);
        },
        (error: unknown) => {
          if (!current) return;
          if (error instanceof ApiError && error.fields.length > 0) onErrors(error.fields);
          else setFailure((error as Error).message);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, scope, draft, tick, onErrors]);

  const choose = (next: () => void) => {
    next();
    if (preview && Date.now() - preview.at > RENEW_AFTER_MS) setTick((value) => value + 1);
  };
  const src = preview ? `${preview.url}${page}?scheme=${scheme}` : undefined;

  return (
    <section className="theme-preview" aria-label="Live preview" data-testid="theme-preview">
      <div className="theme-preview-bar">
        <label className="visually-hidden" htmlFor="theme-preview-page">
          Page to preview
        </label>
        <select
          id="theme-preview-page"
          value={page}
          onChange={(event) => choose(() => setPage(event.target.value as PreviewPage))}
          data-testid="theme-preview-page"
        >
          {PREVIEW_PAGES.map((name) => (
            <option key={name} value={name}>
              {PREVIEW_PAGE_LABELS[name]}
            </option>
          ))}
        </select>
        <div className="segmented" role="group" aria-label="Colour scheme">
          {(['light', 'dark'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className={`tab${scheme === value ? ' selected' : ''}`}
              aria-pressed={scheme === value}
              onClick={() => choose(() => setScheme(value))}
              data-testid={`theme-preview-${value}`}
            >
              {value === 'light' ? 'Light' : 'Dark'}
            </button>
          ))}
        </div>
        {src && (
          <a
            className="link theme-preview-open"
            href={src}
            target="_blank"
            rel="noreferrer"
            title="Open the preview in a new tab"
          >
            Open ↗
          </a>
        )}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {src ? (
        <iframe
          key={preview?.url}
          className="theme-preview-frame"
          title="Preview of the hosted page with this theme"
          src={src}
          data-testid="theme-preview-frame"
          data-preview-page={page}
          data-preview-scheme={scheme}
        />
      ) : (
        <div className="theme-preview-frame theme-preview-loading">Rendering the preview…</div>
      )}
    </section>
  );
}
