/**
 * The state every federation form keeps while it is filled in and saved: errors by field path,
 * the message above the buttons, and whether a save is under way.
 */
import { useState } from 'react';
import { failureOf, formMessage, withoutErrors, type PathErrors } from './path-errors';

/** `fields` are the paths the form shows beside a field; errors elsewhere go into the message. */
export function useFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);
  return {
    errors,
    formError,
    saving,
    setSaving,
    /** Forgets what was said about a field once it changes. */
    clear: (field: string) => {
      setErrors((current) => withoutErrors(current, field));
      setFormError(undefined);
    },
    /** Shows what checking the draft found; true when it found nothing. */
    judge: (found: PathErrors) => {
      setErrors(found);
      setFormError(formMessage({ errors: found, message: undefined }, fields));
      return Object.keys(found).length === 0;
    },
    /** Shows why a save failed and lets the form be submitted again. */
    fail: (error: unknown) => {
      const failure = failureOf(error);
      setErrors(failure.errors);
      setFormError(formMessage(failure, fields));
      setSaving(false);
    },
  };
}
