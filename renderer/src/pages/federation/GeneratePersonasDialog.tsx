/** Generates N personas `<prefix>-1…n` at a domain, spread over groups round-robin. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { generatePersonas, type MockIdpDetail } from '../../api/federation-api';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { FormError } from './FedParts';
import { errorAt, failureOf, formMessage, withoutErrors, type PathErrors } from './path-errors';
import { splitList } from './persona-form';

const FIELDS = ['count', 'prefix', 'domain', 'groups'] as const;

interface Draft {
  count: string;
  prefix: string;
  domain: string;
  groups: string;
}

/** The domain most personas of this IdP already use, to suggest it again. */
function usualDomain(idp: MockIdpDetail): string {
  const counts = new Map<string, number>();
  for (const persona of idp.personas) {
    const domain = persona.email.split('@')[1];
    if (domain) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? `${idp.slug}.example`;
}

export function GeneratePersonasDialog(props: { idp: MockIdpDetail; onGenerated: () => void; onClose: () => void }) {
  const { idp } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    count: '10',
    prefix: 'user',
    domain: usualDomain(idp),
    groups: 'everyone',
  }));
  const [errors, setErrors] = useState<PathErrors>({});
  const [formError, setFormError] = useState<string>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const update = (field: keyof Draft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutErrors(current, field));
    setFormError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const count = Number(draft.count);
    if (!Number.isInteger(count) || count < 1 || count > 500) {
      setErrors({ count: 'must be a whole number from 1 to 500' });
      return;
    }
    setSaving(true);
    try {
      const created = await generatePersonas(client, idp.id, {
        count,
        prefix: draft.prefix.trim(),
        domain: draft.domain.trim(),
        groups: splitList(draft.groups),
      });
      const first = created[0]?.handle;
      const last = created.at(-1)?.handle;
      notify(
        'success',
        `Generated ${created.length} personas${first ? ` (${first}${last !== first ? ` … ${last}` : ''})` : ''}.`,
      );
      props.onGenerated();
      props.onClose();
    } catch (error) {
      const failure = failureOf(error);
      setErrors(failure.errors);
      setFormError(formMessage(failure, FIELDS));
      setSaving(false);
    }
  };

  const input = (field: keyof Draft, label: string, hint: string, extra: { type?: string; mono?: boolean } = {}) => {
    const error = errorAt(errors, field);
    return (
      <Field id={`${ids}-${field}`} label={label} error={error} errorTestId={`generate-error-${field}`} hint={hint}>
        <input
          {...fieldProps(`${ids}-${field}`, error)}
          type={extra.type ?? 'text'}
          className={extra.mono ? 'fed-mono-input' : undefined}
          data-testid={`generate-${field}`}
          value={draft[field]}
          spellCheck={false}
          onChange={(event) => update(field, event.target.value)}
        />
      </Field>
    );
  };

  const count = Number(draft.count);
  const prefix = draft.prefix.trim() || 'user';
  return (
    <dialog
      ref={dialogRef}
      className="dialog fed-dialog"
      aria-labelledby={`${ids}-title`}
      data-testid="generate-dialog"
      onClose={props.onClose}
    >
      <h2 id={`${ids}-title`}>Generate personas</h2>
      <form className="fed-dialog-form" onSubmit={submit} noValidate>
        <div className="fed-two-fields">
          {input('count', 'How many', '1 to 500.', { type: 'number' })}
          {input('prefix', 'Handle prefix', 'Lowercase letters, digits and -.', { mono: true })}
        </div>
        {input('domain', 'Email domain', 'Use an org’s domain to route logins by email.', { mono: true })}
        {input('groups', 'Groups', 'Comma-separated; handed out in turn (round-robin).')}
        <p className="muted small fed-note" data-testid="generate-preview">
          {Number.isInteger(count) && count > 0
            ? `Creates ${prefix}-1${count > 1 ? ` … ${prefix}-${count}` : ''} (${prefix}-1@${draft.domain.trim() || '…'}), skipping handles already taken.`
            : 'Give a number of personas.'}
        </p>
        <FormError message={formError} testId="generate-form-error" />
        <div className="form-actions">
          <button type="button" className="button" data-testid="generate-cancel" onClick={props.onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button primary" data-testid="generate-submit" disabled={saving}>
            {saving ? 'Generating…' : 'Generate'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
