/**
 * The submit of a small dialog form: the client's own checks beside the fields first, then
 * the request; a refusal puts the server's field issues beside their fields and anything
 * else above the form. On success the dialog closes, so `saving` is not reset.
 */
import { useState } from 'react';
import { describeFailure, hasErrors, type Errors } from './field-errors';

export function useFormSubmission<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<Errors<F>>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  /** Shows `found`; with none (and an `action`), runs it and shows what a refusal says. */
  const run = async (found: Errors<F>, action: (() => Promise<void>) | undefined): Promise<void> => {
    setErrors(found);
    setFormError(undefined);
    if (hasErrors(found) || !action) return;
    setSaving(true);
    try {
      await action();
    } catch (failure) {
      const described = describeFailure(failure, fields);
      setErrors(described.errors);
      setFormError(described.formError);
      setSaving(false);
    }
  };

  return { errors, setErrors, formError, saving, run };
}
