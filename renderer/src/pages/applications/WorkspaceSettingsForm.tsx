/** A workspace's token settings: organization claims, refresh rotation, lifetimes. */
import { useId, useState, type FormEvent } from 'react';
import { updateWorkspaceSettings, type WorkspaceDetail } from '../../api/apps-api';
import { ApiError } from '../../api/client';
import { useAppStore } from '../../store/app-store';
import { DURATION_UNITS, humanDuration, type DurationUnit } from '../../store/apps-selectors';
import { Field, fieldProps } from './Field';
import {
  CLAIM_FIELDS,
  TTL_FIELDS,
  draftFromSettings,
  draftSeconds,
  toSettings,
  validateWorkspaceDraft,
  workspaceErrorsFrom,
  type WorkspaceDraft,
  type WorkspaceErrors,
} from './workspace-form';

export function WorkspaceSettingsForm({
  workspace,
  onSaved,
}: {
  workspace: WorkspaceDetail;
  onSaved: () => Promise<void>;
}) {
  const client = useAppStore((s) => s.client);
  const notify = useAppStore((s) => s.notify);
  const loadWorkspaces = useAppStore((s) => s.loadWorkspaces);
  const [draft, setDraft] = useState<WorkspaceDraft>(() => draftFromSettings(workspace.settings));
  const [errors, setErrors] = useState<WorkspaceErrors>({});
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftFromSettings(workspace.settings));

  const change = (key: string, next: (current: WorkspaceDraft) => WorkspaceDraft) => {
    setDraft(next);
    setErrors((current) => ({ ...current, [key]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateWorkspaceDraft(draft);
    setErrors(found);
    if (!client || Object.values(found).some(Boolean)) return;
    setSaving(true);
    try {
      await updateWorkspaceSettings(client, workspace.tenantId, workspace.id, toSettings(draft));
      notify('success', `Saved the settings of “${workspace.name}”.`);
      await Promise.all([onSaved(), loadWorkspaces()]);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) setErrors(workspaceErrorsFrom(error.fields, draft));
      else setErrors({ form: (error as Error).message });
      setSaving(false);
    }
  };

  return (
    <section className="apps-card" aria-labelledby={`${ids}-title`} data-testid="ws-settings">
      <h3 id={`${ids}-title`}>Token settings</h3>
      <form className="ws-form" onSubmit={submit} noValidate>
        <div className="ws-group">
          <label className="check-field switch-field" htmlFor={`${ids}-org-claims`}>
            <input
              id={`${ids}-org-claims`}
              type="checkbox"
              role="switch"
              data-testid="ws-org-claims"
              checked={draft.orgClaims}
              onChange={(e) => change('orgClaims', (d) => ({ ...d, orgClaims: e.target.checked }))}
            />
            <span>
              <strong>Organization claims</strong>
              <span className="muted small">
                Put the organization a user signed in for (ID, name, roles, attributes) into ID and access tokens.
              </span>
            </span>
          </label>

          <fieldset className="ws-claims" disabled={!draft.orgClaims}>
            <legend className="visually-hidden">Claim names</legend>
            {CLAIM_FIELDS.map(({ key, label }) => {
              const errorKey = `claimNames.${key}`;
              return (
                <Field
                  key={key}
                  id={`${ids}-claim-${key}`}
                  label={label}
                  error={errors[errorKey]}
                  errorTestId={`ws-error-claim-${key}`}
                >
                  <input
                    {...fieldProps(`${ids}-claim-${key}`, errors[errorKey])}
                    className="mono-input"
                    data-testid={`ws-claim-${key}`}
                    spellCheck={false}
                    value={draft.claimNames[key]}
                    onChange={(e) =>
                      change(errorKey, (d) => ({ ...d, claimNames: { ...d.claimNames, [key]: e.target.value } }))
                    }
                  />
                </Field>
              );
            })}
            <div className="ws-claims-wide">
              <Field
                id={`${ids}-attributes`}
                label="Attribute claims"
                optional
                error={errors.attributeClaims}
                errorTestId="ws-error-attributeClaims"
                hint="Organization attributes copied into tokens as claims of the same name, e.g. plan, region."
              >
                <input
                  {...fieldProps(`${ids}-attributes`, errors.attributeClaims)}
                  className="mono-input"
                  data-testid="ws-attribute-claims"
                  spellCheck={false}
                  placeholder="plan, seats"
                  value={draft.attributeClaims}
                  onChange={(e) => change('attributeClaims', (d) => ({ ...d, attributeClaims: e.target.value }))}
                />
              </Field>
            </div>
          </fieldset>
        </div>

        <div className="ws-group">
          <label className="check-field switch-field" htmlFor={`${ids}-rotate`}>
            <input
              id={`${ids}-rotate`}
              type="checkbox"
              role="switch"
              data-testid="ws-rotate-refresh"
              checked={draft.rotateRefreshTokens}
              onChange={(e) => change('rotateRefreshTokens', (d) => ({ ...d, rotateRefreshTokens: e.target.checked }))}
            />
            <span>
              <strong>Rotate refresh tokens</strong>
              <span className="muted small">
                Each use of a refresh token returns a new one and retires the old, so a stolen token is caught.
              </span>
            </span>
          </label>
        </div>

        <fieldset className="ws-group ws-ttls">
          <legend>Lifetimes</legend>
          {TTL_FIELDS.map(({ key, label, hint }) => {
            const errorKey = `ttl.${key}`;
            const seconds = draftSeconds(draft.ttl[key]);
            const setTtl = (part: Partial<WorkspaceDraft['ttl'][typeof key]>) =>
              change(errorKey, (d) => ({ ...d, ttl: { ...d.ttl, [key]: { ...d.ttl[key], ...part } } }));
            return (
              <Field
                key={key}
                id={`${ids}-ttl-${key}`}
                label={label}
                error={errors[errorKey]}
                errorTestId={`ws-error-ttl-${key}`}
                hint={hint}
                aside={
                  Number.isFinite(seconds) &&
                  seconds > 0 && (
                    <span className="ttl-seconds" data-testid={`ws-ttl-${key}-seconds`}>
                      {seconds.toLocaleString('en')} s
                    </span>
                  )
                }
              >
                <div className="duration">
                  <input
                    {...fieldProps(`${ids}-ttl-${key}`, errors[errorKey])}
                    type="number"
                    min={1}
                    inputMode="numeric"
                    data-testid={`ws-ttl-${key}`}
                    value={draft.ttl[key].value}
                    onChange={(e) => setTtl({ value: e.target.value })}
                  />
                  <select
                    aria-label={`${label} unit`}
                    data-testid={`ws-ttl-${key}-unit`}
                    value={draft.ttl[key].unit}
                    onChange={(e) => setTtl({ unit: e.target.value as DurationUnit })}
                  >
                    {DURATION_UNITS.map(({ unit }) => (
                      <option key={unit} value={unit}>
                        {unit}
                      </option>
                    ))}
                  </select>
                </div>
              </Field>
            );
          })}
        </fieldset>

        {errors.form && (
          <p className="form-error" role="alert" data-testid="ws-form-error">
            {errors.form}
          </p>
        )}

        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="ws-save" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          {dirty && (
            <button
              type="button"
              className="button"
              data-testid="ws-discard"
              onClick={() => {
                setDraft(draftFromSettings(workspace.settings));
                setErrors({});
              }}
            >
              Discard
            </button>
          )}
          <span className="muted small ws-current" data-testid="ws-current-ttl">
            Access tokens live {humanDuration(workspace.settings.ttl.accessToken)}; sessions{' '}
            {humanDuration(workspace.settings.ttl.session)}.
          </span>
        </div>
      </form>
    </section>
  );
}
