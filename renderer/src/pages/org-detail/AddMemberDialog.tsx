/**
 * Adds a member: an existing user of the identity pool, or a user created right here,
 * with roles in this org. If the user is created but the membership fails, the dialog
 * keeps the new user picked, so trying again does not create them twice.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Organization } from '../../../../server/model/organization';
import type { MemberView, User } from '../../../../server/model/user';
import { addMember } from '../../api/members-api';
import { createUser, listUsers } from '../../api/users-api';
import { panelId, TabList, tabId } from '../../components/TabList';
import { useAppStore } from '../../store/app-store';
import { UserFields } from '../users/UserFields';
import {
  emptyUserDraft,
  toCreateInput,
  USER_FIELDS,
  validateNewUser,
  type UserDraft,
  type UserErrors,
} from '../users/user-form';
import { describeFailure, hasErrors } from './field-errors';
import { rolesProblem } from './roles';
import { RolesInput } from './RolesInput';
import { useApiClient, useResource } from './use-api';
import { UserPicker } from './UserPicker';

type Mode = 'existing' | 'new';

interface Problems {
  user?: string;
  roles?: string;
  form?: string;
  newUser: UserErrors;
}

export function AddMemberDialog(props: {
  org: Organization;
  members: readonly MemberView[];
  suggestions: readonly string[];
  onAdded: () => void;
  onClose: () => void;
}) {
  const { org } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const loadUsers = useCallback(() => listUsers(client), [client]);
  const users = useResource(loadUsers);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [mode, setMode] = useState<Mode>('existing');
  const [selected, setSelected] = useState<User>();
  const [draft, setDraft] = useState<UserDraft>(emptyUserDraft);
  const [roles, setRoles] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problems>({ newUser: {} });
  const [saving, setSaving] = useState(false);
  const memberIds = useMemo(() => new Set(props.members.map((member) => member.userId)), [props.members]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const check = (): Problems => ({
    user: mode === 'existing' && !selected ? 'Choose a user from the list.' : undefined,
    roles: rolesProblem(roles),
    newUser: mode === 'new' ? validateNewUser(draft) : {},
  });

  /** Creates the user of the "New user" form; undefined when that failed (errors are shown). */
  const createDraftUser = async (): Promise<User | undefined> => {
    try {
      const created = await createUser(client, toCreateInput(draft));
      notify('success', `Created the user ${created.email}.`);
      return created;
    } catch (failure) {
      const { errors, formError } = describeFailure(failure, USER_FIELDS);
      setProblems({ newUser: errors, form: formError });
      return undefined;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setProblems(found);
    if (found.user || found.roles || hasErrors(found.newUser)) return;
    setSaving(true);
    const user = mode === 'new' ? await createDraftUser() : selected;
    if (!user) {
      setSaving(false);
      return;
    }
    try {
      await addMember(client, org.id, { userId: user.id, roles });
      notify('success', `Added ${user.email} to “${org.name}”.`);
      props.onAdded();
      props.onClose();
    } catch (failure) {
      const { errors, formError } = describeFailure(failure, ['userId', 'roles']);
      if (mode === 'new') {
        setMode('existing');
        setSelected(user);
        users.reload();
      }
      setProblems({ newUser: {}, user: errors.userId, roles: errors.roles, form: formError });
      setSaving(false);
    }
  };

  const modes = [
    { id: 'existing', label: 'Existing user', testId: 'member-mode-existing' },
    { id: 'new', label: 'New user', testId: 'member-mode-new' },
  ] as const;

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog-form"
      aria-labelledby={`${ids}-title`}
      data-testid="member-add-dialog"
      onClose={props.onClose}
    >
      <form className="dialog-stack" onSubmit={submit} noValidate>
        <header>
          <h2 id={`${ids}-title`}>Add a member to {org.name}</h2>
          <p className="muted small">Members can sign in to {org.name} and carry their roles in its tokens.</p>
        </header>

        <TabList
          label="Who to add"
          idPrefix={`${ids}-mode`}
          items={modes}
          value={mode}
          onChange={(next) => {
            setMode(next);
            setProblems({ newUser: {} });
          }}
          variant="segmented"
        />

        <div
          role="tabpanel"
          id={panelId(`${ids}-mode`, mode)}
          aria-labelledby={tabId(`${ids}-mode`, mode)}
          className="dialog-stack"
        >
          {mode === 'existing' ? (
            <UserPicker
              users={users.data}
              memberIds={memberIds}
              selected={selected}
              onSelect={(user) => {
                setSelected(user);
                setProblems((current) => ({ ...current, user: undefined }));
              }}
              error={problems.user ?? users.error}
            />
          ) : (
            <UserFields
              draft={draft}
              errors={problems.newUser}
              testIdPrefix="new-user"
              mode="create"
              autoFocus
              onChange={(field, value) => {
                setDraft((current) => ({ ...current, [field]: value }));
                setProblems((current) => ({ ...current, newUser: { ...current.newUser, [field]: undefined } }));
              }}
            />
          )}
        </div>

        <div className="field">
          <label htmlFor={`${ids}-roles`}>Roles in {org.name}</label>
          <RolesInput
            id={`${ids}-roles`}
            value={roles}
            onChange={(next) => {
              setRoles(next);
              setProblems((current) => ({ ...current, roles: undefined }));
            }}
            suggestions={props.suggestions}
            testId="member-roles"
            invalid={problems.roles !== undefined}
            describedBy={`${ids}-roles-note`}
          />
          {problems.roles ? (
            <p className="field-error" id={`${ids}-roles-note`} data-testid="error-member-roles">
              {problems.roles}
            </p>
          ) : (
            <p className="field-hint" id={`${ids}-roles-note`}>
              Optional. Names such as admin or billing:read; your app decides what they allow.
            </p>
          )}
        </div>

        {problems.form && (
          <p className="form-error" role="alert">
            {problems.form}
          </p>
        )}

        <div className="form-actions">
          <button type="button" className="button" data-testid="member-add-cancel" onClick={props.onClose}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="submit" className="button primary" data-testid="member-add-confirm" disabled={saving}>
            {saving ? 'Adding…' : mode === 'new' ? 'Create user and add' : 'Add member'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
