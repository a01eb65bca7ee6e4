/** The mapping tab of a connection: the editor and its own save button. */
import { useId, useState, type FormEvent } from 'react';
import type { Connection } from '../../../../server/model/federation';
import { updateConnection } from '../../api/federation-api';
import { useAppStore } from '../../store/app-store';
import { useApiClient } from '../org-detail/use-api';
import { mappingDraftFrom, toMappingPatch, validateMapping, type MappingDraft } from './connection-form';
import { FormError } from './FedParts';
import { MappingEditor } from './MappingEditor';
import { failureOf, formMessage, withoutErrors, type PathErrors } from './path-errors';

const FIELDS = ['mapping'] as const;

export function ConnectionMapping({ connection, onSaved }: { connection: Connection; onSaved: () => void }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [draft, setDraft] = useState<MappingDraft>(() => mappingDraftFrom(connection.mapping));
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateMapping(draft);
    setErrors(found);
    setFormError(formMessage({ errors: found, message: undefined }, FIELDS));
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await updateConnection(client, connection.id, toMappingPatch(draft));
      notify('success', `Saved the mapping of “${connection.name}”.`);
      onSaved();
    } catch (error) {
      const failure = failureOf(error);
      setErrors(failure.errors);
      setFormError(formMessage(failure, FIELDS));
      setSaving(false);
    }
  };

  return (
    <section className="fed-card" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Mapping</h3>
      <form className="form fed-form" onSubmit={submit} noValidate data-testid="conn-mapping-form">
        <MappingEditor
          ids={ids}
          kind={connection.kind}
          value={draft}
          errors={errors}
          onChange={(next, field) => {
            setDraft(next);
            setErrors((current) => withoutErrors(current, field));
            setFormError(undefined);
          }}
        />
        <FormError message={formError} testId="conn-mapping-error" />
        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="conn-mapping-save" disabled={saving}>
            {saving ? 'Saving…' : 'Save mapping'}
          </button>
        </div>
      </form>
    </section>
  );
}
