/** A mock IdP's editable settings (name, preset, SAML answers) and the way to delete it. */
import { useId, useState, type FormEvent } from 'react';
import type { SamlMockSettings, VendorPreset } from '../../../../server/model/federation';
import { deleteMockIdp, updateMockIdp, type MockIdpDetail } from '../../api/federation-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { DangerZone, FormFooter } from './FormParts';
import { DEFAULT_SAML_MOCK } from './mock-idp-form';
import { errorAt } from './path-errors';
import { SamlMockFields } from './SamlMockFields';
import { PRESET_INFO, VENDOR_PRESETS } from './vendor-presets';
import { useFormErrors } from './use-form-errors';

const FIELDS = ['name', 'preset', 'saml'] as const;

export function MockIdpSettings(props: { idp: MockIdpDetail; onSaved: () => void; onDeleted: () => void }) {
  const { idp } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [name, setName] = useState(idp.name);
  const [preset, setPreset] = useState<VendorPreset>(idp.preset);
  const [saml, setSaml] = useState<SamlMockSettings>(idp.saml ?? DEFAULT_SAML_MOCK);
  const { errors, formError, saving, setSaving, judge, fail } = useFormErrors(FIELDS);
  const [deleting, setDeleting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    judge({});
    try {
      await updateMockIdp(client, idp.id, { name: name.trim(), preset, ...(idp.kind === 'saml' ? { saml } : {}) });
      notify('success', `Saved “${name.trim()}”.`);
      props.onSaved();
    } catch (error) {
      fail(error);
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
          <FormFooter
            error={formError}
            errorTestId="mock-idp-settings-error"
            saving={saving}
            submitLabel="Save settings"
            busyLabel="Saving…"
            submitTestId="mock-idp-settings-save"
          />
        </form>
      </section>

      <DangerZone
        headingId={`${ids}-danger`}
        title="Delete mock IdP"
        testId="mock-idp-delete"
        onDelete={() => setDeleting(true)}
      >
        Its personas and faults go with it. Connections that use it keep their settings, but their logins fail: its URLs
        stop answering.
      </DangerZone>

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
