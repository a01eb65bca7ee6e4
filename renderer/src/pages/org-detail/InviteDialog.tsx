/**
 * Invites someone by email to the organization with roles: Orgbench sends the invitation
 * email (it lands in the outbox); the person accepts it and joins, with a new account if
 * they have none.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Organization } from '../../../../server/model/organization';
import { inviteByEmail } from '../../api/accounts-api';
import { useAppStore } from '../../store/app-store';
import { type Errors } from './field-errors';
import { rolesProblem } from './roles';
import { RolesInput } from './RolesInput';
import { useApiClient } from './use-api';
import { useFormSubmission } from './use-form-submission';

const FIELDS = ['email', 'roles', 'inviterName'] as const;
type Field = (typeof FIELDS)[number];

export function InviteDialog(props: {
  org: Organization;
  suggestions: readonly string[];
  onInvited: () => void;
  onClose: () => void;
}) {
  const { org } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [inviterName, setInviterName] = useState('');
  const { errors, setErrors, formError, saving, run } = useFormSubmission(FIELDS);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors<Field> = {
      email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) ? undefined : 'Enter an email address.',
      roles: rolesProblem(roles),
    };
    void run(found, async () => {
      const sent = await inviteByEmail(client, org.id, {
        email: email.trim(),
        roles,
        ...(inviterName.trim() ? { inviterName: inviterName.trim() } : {}),
      });
      notify('success', `Invited ${sent.email} to “${org.name}”. The email is in the Outbox.`);
      props.onInvited();
      props.onClose();
    });
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-form"
      aria-labelledby={`${ids}-title`}
      data-testid="invite-dialog"
      onClose={props.onClose}
    >
      <form className="dialog-stack" onSubmit={submit} noValidate>
        <header>
          <h2 id={`${ids}-title`}>Invite to {org.name} by email</h2>
          <p className="muted small">
            They get an email with a link that works once, for 7 days. New people choose a name and password; people
            with an account just join.
          </p>
        </header>

        <div className="field">
          <label htmlFor={`${ids}-email`}>Email</label>
          <input
            id={`${ids}-email`}
            type="email"
            autoComplete="off"
            autoFocus
            value={email}
            placeholder="name@company.com"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? `${ids}-email-error` : undefined}
            data-testid="invite-email"
            onChange={(event) => {
              setEmail(event.target.value);
              setErrors((current) => ({ ...current, email: undefined }));
            }}
          />
          {errors.email && (
            <p className="field-error" id={`${ids}-email-error`} data-testid="invite-email-error">
              {errors.email}
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={`${ids}-roles`}>Roles in {org.name}</label>
          <RolesInput
            id={`${ids}-roles`}
            value={roles}
            onChange={setRoles}
            suggestions={props.suggestions}
            testId="invite-roles"
            invalid={Boolean(errors.roles)}
            describedBy={errors.roles ? `${ids}-roles-error` : undefined}
          />
          {errors.roles && (
            <p className="field-error" id={`${ids}-roles-error`}>
              {errors.roles}
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={`${ids}-inviter`}>
            From <span className="optional-tag">optional</span>
          </label>
          <input
            id={`${ids}-inviter`}
            value={inviterName}
            placeholder={`The ${org.name} team`}
            data-testid="invite-inviter"
            onChange={(event) => setInviterName(event.target.value)}
          />
          <p className="field-hint">Shown in the email as who invited them.</p>
        </div>

        {formError && (
          <p className="form-error" role="alert" data-testid="invite-form-error">
            {formError}
          </p>
        )}

        <div className="form-actions">
          <button type="button" className="button" data-testid="invite-cancel" onClick={props.onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button primary" data-testid="invite-send" disabled={saving}>
            {saving ? 'Sending…' : 'Send invitation'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
