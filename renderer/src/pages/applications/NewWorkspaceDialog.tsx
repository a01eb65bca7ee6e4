/** Creates a workspace (a new issuer) in a tenant, from the B2B or the basic preset. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createWorkspace } from '../../api/apps-api';
import { ApiError } from '../../api/client';
import { useAppStore } from '../../store/app-store';
import { workspaceKey } from '../../store/apps-selectors';
import { Field, fieldProps } from './Field';

type Errors = Partial<Record<'tenant' | 'id' | 'name', string>>;

export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const client = useAppStore((s) => s.client);
  const tenants = useAppStore((s) => s.tenants);
  const loadWorkspaces = useAppStore((s) => s.loadWorkspaces);
  const selectWorkspace = useAppStore((s) => s.selectWorkspace);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [tenant, setTenant] = useState(tenants[0]?.id ?? 'default');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<'b2b' | 'basic'>('b2b');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client) return;
    setBusy(true);
    setErrors({});
    setFormError(undefined);
    try {
      const created = await createWorkspace(client, tenant, { id: id.trim(), name: name.trim(), preset });
      await loadWorkspaces();
      selectWorkspace(workspaceKey(created));
      onClose();
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.fields.length > 0) {
        const next: Errors = {};
        for (const field of failure.fields) {
          const key = field.path === 'id' || field.path === 'name' ? field.path : undefined;
          if (key) next[key] = field.message;
          else setFormError(field.message);
        }
        setErrors(next);
      } else {
        setFormError((failure as Error).message);
      }
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={`${ids}-title`}
      data-testid="ws-new-dialog"
      onClose={onClose}
    >
      <h2 id={`${ids}-title`}>New workspace</h2>
      <p className="muted">A workspace is its own authorization server: its own issuer URL and settings.</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field id={`${ids}-tenant`} label="Tenant" error={errors.tenant} errorTestId="ws-new-error-tenant">
          <select
            {...fieldProps(`${ids}-tenant`, errors.tenant)}
            data-testid="ws-new-tenant"
            value={tenant}
            onChange={(e) => setTenant(e.target.value)}
          >
            {tenants.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} ({candidate.id})
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${ids}-name`}
          label="Name"
          error={errors.name}
          errorTestId="ws-new-error-name"
          hint="e.g. Partner portal"
        >
          <input
            {...fieldProps(`${ids}-name`, errors.name)}
            data-testid="ws-new-name"
            value={name}
            autoFocus
            onChange={(e) => {
              setName(e.target.value);
              setErrors((current) => ({ ...current, name: undefined }));
            }}
          />
        </Field>
        <Field
          id={`${ids}-id`}
          label="Id"
          error={errors.id}
          errorTestId="ws-new-error-id"
          hint={`The issuer becomes …/${tenant}/${id.trim() || '<id>'}`}
        >
          <input
            {...fieldProps(`${ids}-id`, errors.id)}
            data-testid="ws-new-id"
            value={id}
            placeholder="partners"
            onChange={(e) => {
              setId(e.target.value);
              setErrors((current) => ({ ...current, id: undefined }));
            }}
          />
        </Field>
        <fieldset className="choices">
          <legend>Preset</legend>
          <label className="choice">
            <input
              type="radio"
              name="preset"
              data-testid="ws-new-preset-b2b"
              checked={preset === 'b2b'}
              onChange={() => setPreset('b2b')}
            />
            <span>
              <strong>B2B</strong>: organization claims in tokens, PKCE, refresh-token rotation.
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="preset"
              data-testid="ws-new-preset-basic"
              checked={preset === 'basic'}
              onChange={() => setPreset('basic')}
            />
            <span>
              <strong>Basic</strong>: a plain OpenID provider without organization claims.
            </span>
          </label>
        </fieldset>
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button primary" data-testid="ws-new-create" disabled={busy}>
            {busy ? 'Creating…' : 'Create workspace'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
