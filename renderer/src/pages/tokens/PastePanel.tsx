/**
 * Paste any JWT and verify it: against the token's own Orgbench issuer, a chosen
 * issuer, a pasted JWKS or a discovery URL. Field errors land beside their field.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { inspectToken, type TokenInspection } from '../../api/tokens-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { InspectionView } from './InspectionView';
import {
  EMPTY_PASTE_DRAFT,
  KEY_SOURCE_OPTIONS,
  pasteErrorsFrom,
  toKeySource,
  type PasteDraft,
  type PasteErrors,
  type PasteField,
} from './key-source';

interface Checked {
  inspection: TokenInspection;
  /** The draft the result belongs to, to tell the reader when it is out of date. */
  draft: PasteDraft;
}

export function PastePanel() {
  const client = useAppStore((s) => s.client);
  const issuers = useAppStore((s) => s.info?.issuers ?? []);
  const draft = useAppStore((s) => s.pasteDraft);
  const setDraft = useAppStore((s) => s.setPasteDraft);
  const [errors, setErrors] = useState<PasteErrors>({});
  const [checked, setChecked] = useState<Checked>();
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);
  const ids = useId();

  const firstIssuer = issuers[0]?.issuer ?? '';
  useEffect(() => {
    if (draft.keyKind === 'issuer' && !draft.issuer && firstIssuer) setDraft({ issuer: firstIssuer });
  }, [draft.keyKind, draft.issuer, firstIssuer, setDraft]);

  const update = (patch: Partial<PasteDraft>, field?: PasteField) => {
    setDraft(patch);
    if (field) setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const verify = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!client) return;
    const run = ++generation.current;
    const submitted = { ...draft };
    setBusy(true);
    setErrors({});
    try {
      const inspection = await inspectToken(client, submitted.token, toKeySource(submitted));
      if (run === generation.current) setChecked({ inspection, draft: submitted });
    } catch (error) {
      if (run !== generation.current) return;
      setChecked(undefined);
      if (error instanceof ApiError && error.fields.length > 0) setErrors(pasteErrorsFrom(error.fields));
      else setErrors({ form: (error as Error).message });
    } finally {
      if (run === generation.current) setBusy(false);
    }
  };

  const clear = () => {
    generation.current += 1;
    setDraft({ ...EMPTY_PASTE_DRAFT, keyKind: draft.keyKind, issuer: draft.issuer });
    setErrors({});
    setChecked(undefined);
    setBusy(false);
  };

  const stale = checked !== undefined && JSON.stringify(checked.draft) !== JSON.stringify(draft);

  const field = (name: PasteField) => ({
    id: `${ids}-${name}`,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${ids}-${name}-note`,
  });
  const note = (name: PasteField, hint: string) =>
    errors[name] ? (
      <p className="field-error" id={`${ids}-${name}-note`} data-testid={`paste-error-${name}`}>
        {errors[name]}
      </p>
    ) : (
      <p className="field-hint" id={`${ids}-${name}-note`}>
        {hint}
      </p>
    );

  return (
    <div className="tk-paste-layout">
      <form
        className="form tk-paste-form tk-tokens-card"
        onSubmit={(event) => void verify(event)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void verify(event);
        }}
        noValidate
        data-testid="paste-form"
      >
        <div className="field">
          <label htmlFor={`${ids}-token`}>Token</label>
          <textarea
            {...field('token')}
            data-testid="token-paste-input"
            className="tk-token-input"
            rows={7}
            spellCheck={false}
            placeholder="eyJhbGciOi…"
            value={draft.token}
            onChange={(e) => update({ token: e.target.value }, 'token')}
          />
          {note(
            'token',
            'A JWT (ID token, access token, logout token…). It is sent only to the local Orgbench server.',
          )}
        </div>

        <fieldset className="tk-key-sources">
          <legend>Verify the signature with</legend>
          <div className="tk-key-source-grid">
            {KEY_SOURCE_OPTIONS.map((option) => (
              <label
                key={option.kind}
                className={`choice tk-key-source${draft.keyKind === option.kind ? ' checked' : ''}`}
              >
                <input
                  type="radio"
                  name={`${ids}-key-kind`}
                  value={option.kind}
                  data-testid={`key-source-${option.kind}`}
                  checked={draft.keyKind === option.kind}
                  onChange={() => update({ keyKind: option.kind }, 'form')}
                />
                <span>
                  <strong>{option.label}</strong>
                  <span className="muted small">{option.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {draft.keyKind === 'issuer' && (
          <div className="field">
            <label htmlFor={`${ids}-issuer`}>Issuer</label>
            <select
              {...field('issuer')}
              data-testid="token-key-issuer"
              value={draft.issuer}
              onChange={(e) => update({ issuer: e.target.value }, 'issuer')}
            >
              {issuers.map((issuer) => (
                <option key={issuer.issuer} value={issuer.issuer}>
                  {issuer.issuer}
                </option>
              ))}
            </select>
            {note('issuer', 'Orgbench checks with that issuer’s current and previous keys, without any network call.')}
          </div>
        )}
        {draft.keyKind === 'jwks' && (
          <div className="field">
            <label htmlFor={`${ids}-jwks`}>JWKS</label>
            <textarea
              {...field('jwks')}
              data-testid="token-key-jwks"
              rows={5}
              spellCheck={false}
              placeholder={'{ "keys": [ { "kty": "EC", "crv": "P-256", "x": "…", "y": "…" } ] }'}
              value={draft.jwks}
              onChange={(e) => update({ jwks: e.target.value }, 'jwks')}
            />
            {note('jwks', 'A JSON Web Key Set ({"keys": […]}) or a single public JWK.')}
          </div>
        )}
        {draft.keyKind === 'discovery' && (
          <div className="field">
            <label htmlFor={`${ids}-url`}>Discovery URL</label>
            <input
              {...field('url')}
              data-testid="token-key-url"
              type="url"
              placeholder="https://idp.example.com/.well-known/openid-configuration"
              value={draft.url}
              onChange={(e) => update({ url: e.target.value }, 'url')}
            />
            {note('url', 'Orgbench fetches the document, then its jwks_uri (10 s timeout).')}
          </div>
        )}

        {errors.form && (
          <p className="form-error" role="alert" data-testid="paste-error-form">
            {errors.form}
          </p>
        )}

        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="token-verify" disabled={busy}>
            <Icon name="shield-check" size={16} /> {busy ? 'Verifying…' : 'Decode and verify'}
          </button>
          <button type="button" className="button" data-testid="token-paste-clear" onClick={clear}>
            Clear
          </button>
          <span className="muted small hide-narrow">Ctrl+Enter</span>
        </div>
      </form>

      <div className="detail-panel tk-paste-result" data-testid="paste-result" aria-live="polite">
        {checked ? (
          <>
            {stale && (
              <p className="tk-stale-note" data-testid="paste-stale">
                <Icon name="warning" size={15} /> The token or keys changed since this check: verify again to update it.
              </p>
            )}
            <InspectionView inspection={checked.inspection} value={checked.draft.token.trim()} />
          </>
        ) : (
          <div className="detail-empty muted">
            <div className="tk-empty-hint">
              <Icon name="key" size={36} />
              <p>Paste a token and choose the keys: the decoded header, claims and signature verdict appear here.</p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
