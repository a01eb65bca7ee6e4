/** A connection's name, IdP side and SAML options, saved together; and its deletion. */
import { useId, useState, type FormEvent } from 'react';
import type { Connection, MockIdp } from '../../../../server/model/federation';
import { deleteConnection, updateConnection } from '../../api/federation-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { draftFromConnection, toSettingsPatch, validateConnection, type ConnectionDraft } from './connection-form';
import { DangerZone, FormFooter } from './FormParts';
import { IdpSideFields } from './IdpSideFields';
import { ConnectionMetadataImport } from './MetadataImport';
import { errorAt } from './path-errors';
import { SamlOptionsFields } from './SamlOptionsFields';
import { useFormErrors } from './use-form-errors';

const FIELDS = ['name', 'saml', 'oidc'] as const;

export function ConnectionSettings(props: {
  connection: Connection;
  mockIdps: MockIdp[];
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { connection } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [draft, setDraft] = useState<ConnectionDraft>(() => draftFromConnection(connection));
  const { errors, formError, saving, setSaving, clear, judge, fail } = useFormErrors(FIELDS);
  const [deleting, setDeleting] = useState(false);

  const update = (patch: Partial<ConnectionDraft>, field: string) => {
    setDraft((current) => ({ ...current, ...patch }));
    clear(field);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The mapping has its own tab and save button; only this tab's fields are judged here.
    const found = Object.fromEntries(
      Object.entries(validateConnection(draft, true)).filter(([path]) => !path.startsWith('mapping')),
    );
    if (!judge(found)) return;
    setSaving(true);
    try {
      await updateConnection(client, connection.id, toSettingsPatch(draft));
      notify('success', `Saved “${draft.name.trim()}”.`);
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
        <form className="form fed-form" onSubmit={submit} noValidate data-testid="conn-settings">
          <Field
            id={`${ids}-name`}
            label="Name"
            error={nameError}
            errorTestId="conn-error-name"
            hint="Shown on the IdP chooser."
          >
            <input
              {...fieldProps(`${ids}-name`, nameError)}
              data-testid="conn-name"
              value={draft.name}
              onChange={(event) => update({ name: event.target.value }, 'name')}
            />
          </Field>
          <IdpSideFields
            ids={ids}
            draft={draft}
            errors={errors}
            update={update}
            mockIdps={props.mockIdps}
            connection={connection}
          />
          {connection.kind === 'saml' && (
            <SamlOptionsFields
              ids={ids}
              value={draft.samlOptions}
              errors={errors}
              onChange={(samlOptions, field) => update({ samlOptions }, field)}
            />
          )}
          <FormFooter
            error={formError}
            errorTestId="conn-settings-error"
            saving={saving}
            submitLabel="Save settings"
            busyLabel="Saving…"
            submitTestId="conn-settings-save"
          />
        </form>
      </section>

      {connection.kind === 'saml' && <ConnectionMetadataImport connection={connection} onApplied={props.onSaved} />}

      <DangerZone
        headingId={`${ids}-danger`}
        title="Delete connection"
        testId="conn-delete"
        onDelete={() => setDeleting(true)}
      >
        The organization’s people can no longer sign in through this IdP. Users created by it stay.
      </DangerZone>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${connection.name}”?`}
          confirmLabel="Delete connection"
          busyLabel="Deleting…"
          danger
          testIds={confirmTestIds('conn-delete-dialog')}
          onConfirm={async () => {
            await deleteConnection(client, connection.id);
            notify('success', `Deleted the connection “${connection.name}”.`);
            props.onDeleted();
          }}
          onClose={() => setDeleting(false)}
        >
          <p>
            Its SP URLs (<code>{connection.sp.acsUrl}</code>) stop answering and logins through it fail. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
