/** Adds a custom host name to an org, checked as you type and by the server; errors stay beside the field. */
import { useState, type FormEvent } from 'react';
import { hostNameProblem } from '../../../../../server/model/vanity-host';
import { ApiError } from '../../../api/client';
import { Icon } from '../../../components/icons';

export function AddHostForm(props: { orgSlug: string; onAdd: (host: string) => Promise<void> }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const inputId = `vd-add-${props.orgSlug}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = hostNameProblem(value);
    if (problem) {
      setError(`Host ${problem}.`);
      return;
    }
    setBusy(true);
    try {
      await props.onAdd(value.trim().toLowerCase());
      setValue('');
      setError(undefined);
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.fields.find((issue) => issue.path === 'host') : undefined;
      setError(field ? `Host ${field.message}.` : (failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="vd-add" onSubmit={(event) => void submit(event)} noValidate data-testid="vd-add-form">
      <div className="field">
        <label htmlFor={inputId}>Add a custom host</label>
        <div className="vd-add-row">
          <input
            id={inputId}
            value={value}
            placeholder={`login.${props.orgSlug}.test`}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={`${inputId}-help`}
            onChange={(event) => {
              setValue(event.target.value);
              if (error) setError(undefined);
            }}
            data-testid="vd-add-input"
          />
          <button type="submit" className="button primary" disabled={busy || !value.trim()} data-testid="vd-add-submit">
            <Icon name="plus" size={14} /> Add host
          </button>
        </div>
        {error ? (
          <p className="field-error" id={`${inputId}-help`} role="alert" data-testid="vd-add-error">
            {error}
          </p>
        ) : (
          <p className="field-hint" id={`${inputId}-help`}>
            A host name only (no scheme, port or path). It serves this org’s issuer on the protocol listener’s port.
          </p>
        )}
      </div>
    </form>
  );
}
