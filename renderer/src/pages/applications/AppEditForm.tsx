/**
 * Edits an existing application. Kind, client ID and workspace are fixed once created;
 * the parent keys this form by version, so a saved change starts a fresh draft.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Application } from '../../../../server/model/application';
import { ApiError } from '../../api/client';
import { useAppStore } from '../../store/app-store';
import { AppAccessFields } from './AppAccessFields';
import { draftFromApp, fieldErrorsFrom, toPatch, validateDraft, type AppDraft, type AppFieldErrors } from './app-form';
import { Field, fieldProps } from './Field';

const SOURCE_NOTES: Partial<Record<Application['source'], string>> = {
  config: 'Defined in a workspace file: applying that file again replaces changes made here.',
  system: 'Created by Orgbench (the sample app or an organization’s own app).',
  registration: 'Registered by the app itself through Dynamic Client Registration.',
};

export function AppEditForm({ app }: { app: Application }) {
  const updateApp = useAppStore((s) => s.updateApp);
  const [draft, setDraft] = useState<AppDraft>(() => draftFromApp(app));
  const [errors, setErrors] = useState<AppFieldErrors>({});
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const patch = toPatch(draft, app);
  const dirty = Object.keys(patch).length > 0;

  const update = <K extends keyof AppDraft>(field: K, value: AppDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft, true);
    setErrors(found);
    if (Object.values(found).some(Boolean) || !dirty) return;
    setSaving(true);
    try {
      await updateApp(app.clientId, patch);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) setErrors(fieldErrorsFrom(error.fields, draft));
      else setErrors({ form: (error as Error).message });
      setSaving(false);
    }
  };

  const note = SOURCE_NOTES[app.source];

  return (
    <section className="apps-card" aria-labelledby={`${ids}-title`} data-testid="app-edit">
      <h3 id={`${ids}-title`}>Settings</h3>
      {note && <p className="source-note muted small">{note}</p>}
      <form className="form app-form" onSubmit={submit} noValidate>
        <Field id={`${ids}-name`} label="Name" error={errors.name} errorTestId="app-error-name">
          <input
            {...fieldProps(`${ids}-name`, errors.name)}
            data-testid="app-name"
            value={draft.name}
            onChange={(e) => update('name', e.target.value)}
          />
        </Field>
        <AppAccessFields ids={ids} draft={draft} errors={errors} update={update} />
        {errors.form && (
          <p className="form-error" role="alert" data-testid="app-form-error">
            {errors.form}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="app-save" disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
          {dirty && (
            <button
              type="button"
              className="button"
              data-testid="app-discard"
              onClick={() => {
                setDraft(draftFromApp(app));
                setErrors({});
              }}
            >
              Discard
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
