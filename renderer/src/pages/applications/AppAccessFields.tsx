/**
 * The fields create and edit share: who owns the app, whether users must pick an
 * organization, and where the provider may send them back.
 */
import type { ApplicationKind } from '../../../../server/model/application';
import { useAppStore } from '../../store/app-store';
import { orgPath } from '../../store/org-selectors';
import { hasUserLogin, type AppDraft, type AppFieldErrors } from './app-form';
import { Field, fieldProps } from './Field';

const REDIRECT_PLACEHOLDERS: Record<ApplicationKind, string> = {
  web: 'https://app.example.com/callback',
  spa: 'http://localhost:5173/callback',
  native: 'http://127.0.0.1/callback\ncom.example.app:/callback',
  m2m: '',
};

const REDIRECT_HINTS: Record<ApplicationKind, string> = {
  web: 'One per line. Where the provider sends the authorization code; must match exactly.',
  spa: 'One per line. The page of your app that finishes the login; must match exactly.',
  native: 'One per line. Loopback (http://127.0.0.1/…, any port) or a custom scheme you own (com.example.app:/…).',
  m2m: '',
};

export function AppAccessFields({
  ids,
  draft,
  errors,
  update,
}: {
  ids: string;
  draft: AppDraft;
  errors: AppFieldErrors;
  update: <K extends keyof AppDraft>(field: K, value: AppDraft[K]) => void;
}) {
  const orgs = useAppStore((s) => s.orgs);
  const options = orgs
    .map((org) => ({
      id: org.id,
      label: orgPath(orgs, org.id)
        .map((step) => step.name)
        .join(' › '),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const login = hasUserLogin(draft.kind);

  return (
    <>
      <Field
        id={`${ids}-owner`}
        label="Owner"
        error={errors.ownerOrgId}
        errorTestId="app-error-ownerOrgId"
        hint={
          draft.ownerOrgId
            ? 'Per-organization application: users sign in to it as members of this organization.'
            : 'Shared application: members of every organization sign in to it.'
        }
      >
        <select
          {...fieldProps(`${ids}-owner`, errors.ownerOrgId)}
          data-testid="app-owner"
          value={draft.ownerOrgId}
          onChange={(e) => update('ownerOrgId', e.target.value)}
        >
          <option value="">Shared by all organizations</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>

      {login && (
        <div className="field">
          <label className="check-field" htmlFor={`${ids}-require-org`}>
            <input
              id={`${ids}-require-org`}
              type="checkbox"
              data-testid="app-require-org"
              checked={draft.requireOrganization}
              aria-describedby={`${ids}-require-org-hint`}
              onChange={(e) => update('requireOrganization', e.target.checked)}
            />
            <span>Requires an organization</span>
          </label>
          {errors.requireOrganization ? (
            <p className="field-error" data-testid="app-error-requireOrganization">
              {errors.requireOrganization}
            </p>
          ) : (
            <p className="field-hint check-hint" id={`${ids}-require-org-hint`}>
              Users who belong to no organization cannot sign in; those in several pick one. Tokens carry its claims.
            </p>
          )}
        </div>
      )}

      {login && (
        <>
          <Field
            id={`${ids}-redirects`}
            label="Redirect URIs"
            error={errors.redirectUris}
            errorTestId="app-error-redirectUris"
            hint={REDIRECT_HINTS[draft.kind]}
          >
            <textarea
              {...fieldProps(`${ids}-redirects`, errors.redirectUris)}
              data-testid="app-redirect-uris"
              rows={3}
              spellCheck={false}
              placeholder={REDIRECT_PLACEHOLDERS[draft.kind]}
              value={draft.redirectUris}
              onChange={(e) => update('redirectUris', e.target.value)}
            />
          </Field>
          <Field
            id={`${ids}-logout`}
            label="Post-logout redirect URIs"
            optional
            error={errors.postLogoutRedirectUris}
            errorTestId="app-error-postLogoutRedirectUris"
            hint="One per line. Where users may land after signing out."
          >
            <textarea
              {...fieldProps(`${ids}-logout`, errors.postLogoutRedirectUris)}
              data-testid="app-post-logout-uris"
              rows={2}
              spellCheck={false}
              placeholder="https://app.example.com/"
              value={draft.postLogoutRedirectUris}
              onChange={(e) => update('postLogoutRedirectUris', e.target.value)}
            />
          </Field>
        </>
      )}
    </>
  );
}
