/**
 * Registers a new application. The kind decides the rest (secret or PKCE, redirects or
 * none), so it is chosen first, from cards that say what each kind is for.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ApplicationKind } from '../../../../server/model/application';
import { ApiError } from '../../api/client';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { APP_KINDS, workspaceKey } from '../../store/apps-selectors';
import { AppAccessFields } from './AppAccessFields';
import {
  emptyDraft,
  fieldErrorsFrom,
  toCreateInput,
  validateDraft,
  type AppDraft,
  type AppFieldErrors,
} from './app-form';
import { Field, fieldProps } from './Field';
import { KIND_INFO } from './kinds';

export function AppCreateForm() {
  const workspaces = useAppStore((s) => s.workspaces);
  const tenants = useAppStore((s) => s.tenants);
  const orgs = useAppStore((s) => s.orgs);
  const createApp = useAppStore((s) => s.createApp);
  const showList = useAppStore((s) => s.showAppList);
  const [draft, setDraft] = useState<AppDraft>(() => emptyDraft(workspaces[0] ? workspaceKey(workspaces[0]) : ''));
  const [errors, setErrors] = useState<AppFieldErrors>({});
  const [saving, setSaving] = useState(false);
  const ids = useId();

  // The workspace list may arrive after the form opened.
  const workspace = draft.workspace || (workspaces[0] ? workspaceKey(workspaces[0]) : 'default/default');
  const selectedWorkspace = workspaces.find((candidate) => workspaceKey(candidate) === workspace);
  const tenant = tenants.find((candidate) => candidate.id === selectedWorkspace?.tenantId);
  const dedicatedTo = tenant?.orgId ? orgs.find((org) => org.id === tenant.orgId)?.name : undefined;

  const update = <K extends keyof AppDraft>(field: K, value: AppDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const complete = { ...draft, workspace };
    const found = validateDraft(complete);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setSaving(true);
    try {
      await createApp(toCreateInput(complete));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) setErrors(fieldErrorsFrom(error.fields, complete));
      else setErrors({ form: (error as Error).message });
      setSaving(false);
    }
  };

  return (
    <div className="app-create-layout">
      <section className="apps-card app-form-card" aria-labelledby={`${ids}-title`} data-testid="app-create">
        <header className="app-form-header">
          <button type="button" className="link back-link" data-testid="app-create-back" onClick={showList}>
            <Icon name="arrow-left" size={14} /> Applications
          </button>
          <h2 id={`${ids}-title`}>Create application</h2>
        </header>

        <form className="form app-form" onSubmit={submit} noValidate>
          <Field
            id={`${ids}-name`}
            label="Name"
            error={errors.name}
            errorTestId="app-error-name"
            hint="Shown to users on the login and consent pages."
          >
            <input
              {...fieldProps(`${ids}-name`, errors.name)}
              data-testid="app-name"
              value={draft.name}
              placeholder="e.g. Acme Analytics"
              autoFocus
              onChange={(e) => update('name', e.target.value)}
            />
          </Field>

          <fieldset className="kind-cards">
            <legend>Kind</legend>
            {APP_KINDS.map((kind) => (
              <KindCard key={kind} kind={kind} checked={draft.kind === kind} onSelect={() => update('kind', kind)} />
            ))}
            {errors.kind && (
              <p className="field-error" data-testid="app-error-kind">
                {errors.kind}
              </p>
            )}
          </fieldset>

          <Field
            id={`${ids}-workspace`}
            label="Workspace"
            error={errors.workspace}
            errorTestId="app-error-workspace"
            hint={
              selectedWorkspace && (
                <>
                  Issuer <code>{selectedWorkspace.issuer}</code>
                  {dedicatedTo && <> · dedicated tenant of {dedicatedTo}</>}
                </>
              )
            }
          >
            <select
              {...fieldProps(`${ids}-workspace`, errors.workspace)}
              data-testid="app-workspace"
              value={workspace}
              onChange={(e) => update('workspace', e.target.value)}
            >
              {workspaces.map((candidate) => (
                <option key={workspaceKey(candidate)} value={workspaceKey(candidate)}>
                  {tenants.find((t) => t.id === candidate.tenantId)?.name ?? candidate.tenantId} › {candidate.name}
                </option>
              ))}
            </select>
          </Field>

          <AppAccessFields ids={ids} draft={draft} errors={errors} update={update} />

          <Field
            id={`${ids}-client-id`}
            label="Client ID"
            optional
            error={errors.clientId}
            errorTestId="app-error-clientId"
            hint="Leave empty to generate one. 3–100 characters: letters, digits, . _ ~ -"
          >
            <input
              {...fieldProps(`${ids}-client-id`, errors.clientId)}
              className="mono-input"
              data-testid="app-client-id"
              value={draft.clientId}
              placeholder="generated"
              spellCheck={false}
              onChange={(e) => update('clientId', e.target.value)}
            />
          </Field>

          {errors.form && (
            <p className="form-error" role="alert" data-testid="app-form-error">
              {errors.form}
            </p>
          )}

          <div className="form-actions">
            <button type="submit" className="button primary" data-testid="app-create-submit" disabled={saving}>
              {saving ? 'Creating…' : 'Create application'}
            </button>
            <button type="button" className="button" data-testid="app-create-cancel" onClick={showList}>
              Cancel
            </button>
          </div>
        </form>
      </section>
      <KindFacts kind={draft.kind} />
    </div>
  );
}

/** What the chosen kind means at the provider, so nothing about it is a surprise later. */
function KindFacts({ kind }: { kind: ApplicationKind }) {
  const info = KIND_INFO[kind];
  return (
    <aside className="apps-card kind-facts" aria-labelledby="kind-facts-title" data-testid="app-kind-facts">
      <div className="kind-facts-head">
        <span className={`kind-card-icon kind-${kind}`} aria-hidden="true">
          <Icon name={info.icon} size={20} />
        </span>
        <h3 id="kind-facts-title">{info.title}</h3>
      </div>
      <dl className="kv">
        {info.facts.map((fact) => (
          <div key={fact.label} className="kind-fact">
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Kind, client ID and workspace cannot change once the application exists.</p>
    </aside>
  );
}

function KindCard({ kind, checked, onSelect }: { kind: ApplicationKind; checked: boolean; onSelect: () => void }) {
  const info = KIND_INFO[kind];
  return (
    <label className={`kind-card${checked ? ' checked' : ''}`}>
      <input
        type="radio"
        name="app-kind"
        value={kind}
        data-testid={`app-kind-${kind}`}
        checked={checked}
        onChange={onSelect}
      />
      <span className={`kind-card-icon kind-${kind}`} aria-hidden="true">
        <Icon name={info.icon} size={20} />
      </span>
      <span className="kind-card-text">
        <strong>{info.title}</strong>
        <span className="muted">{info.summary}</span>
      </span>
    </label>
  );
}
