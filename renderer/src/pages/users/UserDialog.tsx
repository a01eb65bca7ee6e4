/** Creates a user of the identity pool, or changes a user's name or password. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../../../server/model/user';
import { createUser, updateUser } from '../../api/users-api';
import { useAppStore } from '../../store/app-store';
import { useApiClient } from '../org-detail/use-api';
import { useFormSubmission } from '../org-detail/use-form-submission';
import {
  emptyUserDraft,
  toCreateInput,
  toPatch,
  USER_FIELDS,
  userDraftFrom,
  validateNewUser,
  validateUserEdit,
  type UserDraft,
  type UserErrors,
} from './user-form';
import { UserFields } from './UserFields';

export function UserDialog(props: { user: User | undefined; onSaved: () => void; onClose: () => void }) {
  const { user } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<UserDraft>(() => (user ? userDraftFrom(user) : emptyUserDraft()));
  const { errors, setErrors, formError, saving, run } = useFormSubmission(USER_FIELDS);
  const unchanged = user !== undefined && Object.keys(toPatch(draft, user)).length === 0;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: UserErrors = user ? validateUserEdit(draft, user) : validateNewUser(draft);
    void run(
      found,
      unchanged
        ? undefined
        : async () => {
            if (user) {
              await updateUser(client, user.id, toPatch(draft, user));
              notify('success', `Saved ${user.email}.`);
            } else {
              const created = await createUser(client, toCreateInput(draft));
              notify('success', `Created the user ${created.email}.`);
            }
            props.onSaved();
            props.onClose();
          },
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-form"
      aria-labelledby={titleId}
      data-testid="user-dialog"
      onClose={props.onClose}
    >
      <form className="dialog-stack" onSubmit={submit} noValidate>
        <header>
          <h2 id={titleId}>{user ? `Edit ${user.name || user.email}` : 'New user'}</h2>
          <p className="muted small">
            {user
              ? 'Changes apply at the next sign-in; a new password does not end sessions already open.'
              : 'A local user of the identity pool. Add them to organizations from an organization’s Members tab.'}
          </p>
        </header>
        <UserFields
          draft={draft}
          errors={errors}
          testIdPrefix="user"
          mode={user ? 'edit' : 'create'}
          autoFocus
          onChange={(field, value) => {
            setDraft((current) => ({ ...current, [field]: value }));
            setErrors((current) => ({ ...current, [field]: undefined }));
          }}
        />
        {formError && (
          <p className="form-error" role="alert">
            {formError}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" data-testid="user-cancel" onClick={props.onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button primary" data-testid="user-save" disabled={saving || unchanged}>
            {saving ? 'Saving…' : user ? 'Save changes' : 'Create user'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
