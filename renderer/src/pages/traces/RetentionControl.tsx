/** How many traces the server keeps; older ones are dropped as new logins arrive. */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { setTraceRetention } from '../../api/traces-api';
import { useAppStore } from '../../store/app-store';
import { useApiClient } from '../org-detail/use-api';

const MIN_KEEP = 10;
const MAX_KEEP = 100_000;

export function RetentionControl({ retention, onSaved }: { retention: number; onSaved: () => void }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(retention));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const keep = Number(value);
    if (!Number.isInteger(keep) || keep < MIN_KEEP || keep > MAX_KEEP) {
      setError(`must be a whole number from ${MIN_KEEP} to ${MAX_KEEP.toLocaleString()}`);
      return;
    }
    setSaving(true);
    try {
      const saved = await setTraceRetention(client, keep);
      notify('success', `Orgbench keeps the last ${saved.toLocaleString()} traces.`);
      setEditing(false);
      onSaved();
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.fields[0] ? failure.fields[0].message : (failure as Error).message,
      );
    } finally {
      setSaving(false);
    }
  };

  if (!editing) {
    return (
      <p className="tr-retention muted small" data-testid="traces-retention">
        Keeps the last <strong>{retention.toLocaleString()}</strong> logins.{' '}
        <button
          type="button"
          className="link"
          data-testid="traces-retention-edit"
          onClick={() => {
            setValue(String(retention));
            setError(undefined);
            setEditing(true);
          }}
        >
          Change
        </button>
      </p>
    );
  }
  return (
    <form className="tr-retention-form" onSubmit={submit} noValidate data-testid="traces-retention-form">
      <label htmlFor={`${ids}-keep`} className="small">
        Traces to keep
      </label>
      <div className="tr-retention-row">
        <input
          id={`${ids}-keep`}
          type="number"
          min={MIN_KEEP}
          max={MAX_KEEP}
          value={value}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids}-keep-error` : undefined}
          data-testid="traces-retention-input"
          onChange={(event) => {
            setValue(event.target.value);
            setError(undefined);
          }}
        />
        <button
          type="submit"
          className="button primary tr-small-button"
          disabled={saving}
          data-testid="traces-retention-save"
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button
          type="button"
          className="button tr-small-button"
          data-testid="traces-retention-cancel"
          onClick={() => setEditing(false)}
        >
          Cancel
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${ids}-keep-error`} role="alert" data-testid="traces-retention-error">
          {error}
        </p>
      )}
    </form>
  );
}
