/** Adds a persona to a mock IdP, or edits one; errors appear beside their fields. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Persona } from '../../../../server/model/federation';
import { savePersona, type MockIdpDetail } from '../../api/federation-api';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { FormError } from './FedParts';
import { errorAt, failureOf, formMessage, withoutErrors, type PathErrors } from './path-errors';
import {
  draftFromPersona,
  emptyPersonaDraft,
  handleFromEmail,
  PERSONA_FIELDS,
  toPersonaInput,
  validatePersona,
  type PersonaDraft,
} from './persona-form';

export function PersonaDialog(props: {
  idp: MockIdpDetail;
  persona: Persona | undefined;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { idp, persona } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [draft, setDraft] = useState<PersonaDraft>(() => (persona ? draftFromPersona(persona) : emptyPersonaDraft()));
  const [handleTouched, setHandleTouched] = useState(Boolean(persona));
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const update = (field: keyof PersonaDraft, value: string) => {
    setDraft((current) => ({
      ...current,
      [field]: value,
      ...(field === 'email' && !handleTouched ? { handle: handleFromEmail(value) } : {}),
    }));
    if (field === 'handle') setHandleTouched(true);
    setErrors((current) => withoutErrors(field === 'email' ? withoutErrors(current, 'handle') : current, field));
    setFormError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validatePersona(draft);
    setErrors(found);
    setFormError(formMessage({ errors: found, message: undefined }, PERSONA_FIELDS));
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved = await savePersona(client, idp.id, toPersonaInput(draft), persona?.id);
      notify('success', persona ? `Saved the persona ${saved.handle}.` : `Added the persona ${saved.handle}.`);
      props.onSaved();
      props.onClose();
    } catch (error) {
      const failure = failureOf(error);
      setErrors(failure.errors);
      setFormError(formMessage(failure, PERSONA_FIELDS));
      setSaving(false);
    }
  };

  const text = (
    field: keyof PersonaDraft,
    label: string,
    options: { hint?: string; optional?: boolean; placeholder?: string; mono?: boolean; autoFocus?: boolean } = {},
  ) => {
    const error = errorAt(errors, field);
    return (
      <Field
        id={`${ids}-${field}`}
        label={label}
        error={error}
        errorTestId={`persona-error-${field}`}
        hint={options.hint}
        optional={options.optional}
      >
        <input
          {...fieldProps(`${ids}-${field}`, error)}
          className={options.mono ? 'fed-mono-input' : undefined}
          data-testid={`persona-${field}`}
          value={draft[field]}
          placeholder={options.placeholder}
          spellCheck={options.mono ? false : undefined}
          autoFocus={options.autoFocus}
          onChange={(event) => update(field, event.target.value)}
        />
      </Field>
    );
  };

  const attributesError = errorAt(errors, 'attributes');
  return (
    <dialog
      ref={dialogRef}
      className="dialog fed-dialog"
      aria-labelledby={`${ids}-title`}
      data-testid="persona-dialog"
      onClose={props.onClose}
    >
      <h2 id={`${ids}-title`}>{persona ? `Edit ${persona.handle}` : `Add a persona to ${idp.name}`}</h2>
      <form className="fed-dialog-form" onSubmit={submit} noValidate>
        <div className="fed-two-fields">
          {text('email', 'Email', { placeholder: 'jane.doe@acme.test', autoFocus: !persona })}
          {text('handle', 'Handle', { hint: 'For --persona and login_hint.', placeholder: 'jane.doe', mono: true })}
        </div>
        {text('displayName', 'Display name', { placeholder: 'Jane Doe' })}
        <div className="fed-two-fields">
          {text('givenName', 'Given name', { optional: true })}
          {text('familyName', 'Family name', { optional: true })}
        </div>
        {text('groups', 'Groups', {
          hint: 'Comma-separated, as the IdP sends them: admins, engineering',
          optional: true,
        })}
        <Field
          id={`${ids}-attributes`}
          label="Further attributes"
          optional
          error={attributesError}
          errorTestId="persona-error-attributes"
          hint="One per line: name = value. Repeat a name for several values."
        >
          <textarea
            {...fieldProps(`${ids}-attributes`, attributesError)}
            rows={3}
            data-testid="persona-attributes"
            value={draft.attributes}
            placeholder={'department = Finance\ncostCenter = 4711'}
            spellCheck={false}
            onChange={(event) => update('attributes', event.target.value)}
          />
        </Field>
        <FormError message={formError} testId="persona-form-error" />
        <div className="form-actions">
          <button type="button" className="button" data-testid="persona-cancel" onClick={props.onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button primary" data-testid="persona-save" disabled={saving}>
            {saving ? 'Saving…' : persona ? 'Save persona' : 'Add persona'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
