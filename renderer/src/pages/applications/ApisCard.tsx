/**
 * The APIs of a workspace: resource identifiers an app names with `resource=` to get a
 * JWT access token for that API, each with the scopes it accepts.
 */
import { useId, useState, type FormEvent } from 'react';
import { deleteApiResource, putApiResource, type ApiResource, type WorkspaceDetail } from '../../api/apps-api';
import { ApiError } from '../../api/client';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from './Field';
import { splitList } from './workspace-form';

type ApiErrors = Partial<Record<'identifier' | 'name' | 'scopes' | 'form', string>>;

const EMPTY = { identifier: '', name: '', scopes: '' };

export function ApisCard({ workspace, onChanged }: { workspace: WorkspaceDetail; onChanged: () => Promise<void> }) {
  const client = useAppStore((s) => s.client);
  const notify = useAppStore((s) => s.notify);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<ApiErrors>({});
  const [saving, setSaving] = useState(false);
  const [removing, setRemoving] = useState<ApiResource>();
  const ids = useId();

  const update = (field: keyof typeof EMPTY, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!client) return;
    const found: ApiErrors = {};
    if (!draft.identifier.trim()) found.identifier = 'must not be empty';
    if (!draft.name.trim()) found.name = 'must not be empty';
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setSaving(true);
    const scopes = splitList(draft.scopes);
    try {
      await putApiResource(client, workspace.tenantId, workspace.id, {
        identifier: draft.identifier.trim(),
        name: draft.name.trim(),
        scopes,
      });
      notify('success', `Saved the API “${draft.name.trim()}”.`);
      setDraft(EMPTY);
      await onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        const mapped: ApiErrors = {};
        for (const issue of error.fields) {
          const match = /^(identifier|name|scopes)(?:\[(\d+)\])?/.exec(issue.path);
          const key = (match?.[1] as keyof ApiErrors | undefined) ?? 'form';
          const scope = match?.[2] === undefined ? undefined : scopes[Number(match[2])];
          mapped[key] ??= scope ? `${scope}: ${issue.message}` : issue.message;
        }
        setErrors(mapped);
      } else {
        setErrors({ form: (error as Error).message });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="apps-card" aria-labelledby={`${ids}-title`} data-testid="ws-apis">
      <h3 id={`${ids}-title`}>APIs</h3>
      <p className="muted small card-intro">
        An app that adds <code>resource=&lt;identifier&gt;</code> to its token request gets a JWT access token for that
        API, with the API’s scopes.
      </p>

      {workspace.apis.length === 0 ? (
        <p className="muted ws-none" data-testid="ws-apis-empty">
          No APIs yet. Add one to issue JWT access tokens for it.
        </p>
      ) : (
        <ul className="api-list">
          {workspace.apis.map((api) => (
            <li key={api.identifier} className="api-row" data-testid={`ws-api-${api.identifier}`}>
              <div className="api-text">
                <strong>{api.name}</strong>
                <span className="client-id">
                  <code>{api.identifier}</code>
                  <CopyButton text={api.identifier} label="API identifier" testId={`ws-api-copy-${api.identifier}`} />
                </span>
                <span className="scope-list">
                  {api.scopes.length === 0 ? (
                    <span className="muted small">No scopes</span>
                  ) : (
                    api.scopes.map((scope) => (
                      <code key={scope} className="scope-chip">
                        {scope}
                      </code>
                    ))
                  )}
                </span>
              </div>
              <button
                type="button"
                className="button danger small-button"
                data-testid={`ws-api-delete-${api.identifier}`}
                aria-label={`Delete the API ${api.name}`}
                onClick={() => setRemoving(api)}
              >
                <Icon name="trash" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="api-form" onSubmit={add} noValidate aria-labelledby={`${ids}-add-title`}>
        <p className="api-form-title" id={`${ids}-add-title`}>
          Add an API
        </p>
        <Field
          id={`${ids}-identifier`}
          label="Identifier"
          error={errors.identifier}
          errorTestId="ws-api-error-identifier"
          hint="A URI, e.g. https://api.example.com or urn:example:billing"
        >
          <input
            {...fieldProps(`${ids}-identifier`, errors.identifier)}
            className="mono-input"
            data-testid="ws-api-identifier"
            spellCheck={false}
            placeholder="https://api.example.com"
            value={draft.identifier}
            onChange={(e) => update('identifier', e.target.value)}
          />
        </Field>
        <Field id={`${ids}-name`} label="Name" error={errors.name} errorTestId="ws-api-error-name">
          <input
            {...fieldProps(`${ids}-name`, errors.name)}
            data-testid="ws-api-name"
            placeholder="Billing API"
            value={draft.name}
            onChange={(e) => update('name', e.target.value)}
          />
        </Field>
        <Field
          id={`${ids}-scopes`}
          label="Scopes"
          optional
          error={errors.scopes}
          errorTestId="ws-api-error-scopes"
          hint="Separated by spaces or commas."
        >
          <input
            {...fieldProps(`${ids}-scopes`, errors.scopes)}
            className="mono-input"
            data-testid="ws-api-scopes"
            spellCheck={false}
            placeholder="billing:read billing:write"
            value={draft.scopes}
            onChange={(e) => update('scopes', e.target.value)}
          />
        </Field>
        <div className="api-form-actions">
          <button type="submit" className="button" data-testid="ws-api-add" disabled={saving}>
            <Icon name="plus" size={16} /> {saving ? 'Adding…' : 'Add API'}
          </button>
        </div>
        {errors.form && (
          <p className="form-error api-form-error" role="alert">
            {errors.form}
          </p>
        )}
      </form>

      {removing && (
        <ConfirmDialog
          title={`Delete the API “${removing.name}”?`}
          confirmLabel="Delete API"
          busyLabel="Deleting…"
          danger
          testIds={confirmTestIds('ws-api-delete-dialog')}
          onConfirm={async () => {
            if (!client) return;
            await deleteApiResource(client, workspace.tenantId, workspace.id, removing.identifier);
            notify('success', `Deleted the API “${removing.name}”.`);
            await onChanged();
          }}
          onClose={() => setRemoving(undefined)}
        >
          <p>
            Token requests naming <code>{removing.identifier}</code> are refused from now on. Access tokens already
            issued for it stay valid until they expire.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
