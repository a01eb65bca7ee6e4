/** A mock IdP's editable settings (name, preset, SAML answers) and the way to delete it. */
import { useId, useState, type FormEvent } from 'react';
import type { SamlMockSettings, VendorPreset } from '../../../../server/model/federation';
import { deleteMockIdp, updateMockIdp, type MockIdpDetail } from '../../api/federation-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { FormError } from './FedParts';
import { DEFAULT_SAML_MOCK } from './mock-idp-form';
import { errorAt, failureOf, formMessage, type PathErrors } from './path-errors';
import { SamlMockFields } from './SamlMockFields';
import { PRESET_INFO, VENDOR_PRESETS } from './vendor-presets';

const FIELDS = ['name', 'preset', 'saml'] as const;

export function MockIdpSettings(props: { idp: MockIdpDetail; onSaved: () => void; onDeleted: () => void }) {
  const { idp } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [name, setName] = useState(idp.name);
  const [preset, setPreset] = useState<VendorPreset>(idp.preset);
  const [saml, setSaml] = useState<SamlMockSettings>(idp.saml ?? DEFAULT_SAML_MOCK);
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    setFormError(undefined);
    try {
      await updateMockIdp(client, idp.id, { name: name.trim(), preset, ...(idp.kind === 'saml' ? { saml } : {}) });
      notify('success', `Saved “${name.trim()}”.`);
      props.onSaved();
    } catch (error) {
      const failure = failureOf(error);
      setErrors(failure.errors);
      setFormError(formMessage(failure, FIELDS));
      setSaving(false);
    }
  };

  const nameError = errorAt(errors, 'name');
  return (
    <div className="fed-stack">
      <section className="fed-card" aria-labelledby={`${ids}-title`}>
        <h3 id={`${ids}-title`}>Settings</h3>
        <form className="form fed-form" onSubmit={submit} noValidate data-testid="mock-idp-settings">
          <div className="fed-two-fields">
            <Field id={`${ids}-name`} label="Name" error={nameError} errorTestId="mock-idp-settings-error-name">
              <input
                {...fieldProps(`${ids}-name`, nameError)}
                data-testid="mock-idp-settings-name"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </Field>
            <Field
              id={`${ids}-preset`}
              label="Imitates"
              error={errorAt(errors, 'preset')}
              errorTestId="mock-idp-settings-error-preset"
              hint={PRESET_INFO[preset].summary}
            >
              <select
                {...fieldProps(`${ids}-preset`, errorAt(errors, 'preset'))}
                data-testid="mock-idp-settings-preset"
                value={preset}
                onChange={(event) => setPreset(event.target.value as VendorPreset)}
              >
                {VENDOR_PRESETS.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {PRESET_INFO[candidate].label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {idp.kind === 'saml' && <SamlMockFields ids={ids} value={saml} errors={errors} onChange={setSaml} />}
          <FormError message={formError} testId="mock-idp-settings-error" />
          <div className="form-actions">
            <button type="submit" className="button primary" data-testid="mock-idp-settings-save" disabled={saving}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
          </div>
        </form>
      </section>

      <section className="fed-card fed-danger-zone" aria-labelledby={`${ids}-danger`}>
        <div>
          <h3 id={`${ids}-danger`}>Delete mock IdP</h3>
          <p className="muted small">
            Its personas and faults go with it. Connections that use it keep their settings, but their logins fail: its
            URLs stop answering.
          </p>
        </div>
        <button type="button" className="button danger" data-testid="mock-idp-delete" onClick={() => setDeleting(true)}>
          <Icon name="trash" size={16} /> Delete
        </button>
      </section>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${idp.name}”?`}
          confirmLabel="Delete mock IdP"
          busyLabel="Deleting…"
          danger
          testIds={confirmTestIds('mock-idp-delete-dialog')}
          onConfirm={async () => {
            await deleteMockIdp(client, idp.id);
            notify('success', `Deleted the mock IdP “${idp.name}”.`);
            props.onDeleted();
          }}
          onClose={() => setDeleting(false)}
        >
          <p>
            <code>{idp.entityId}</code> stops answering, and its {idp.personas.length} personas are deleted. This cannot
            be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
