/** One member: who they are, their roles as chips, and the row's edit and remove actions. */
import { useId, useState } from 'react';
import type { MemberView } from '../../../../server/model/user';
import { updateMemberRoles } from '../../api/members-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { avatarColor, initials } from '../OrgTree';
import { describeFailure } from './field-errors';
import { rolesProblem } from './roles';
import { RoleChip, RolesInput } from './RolesInput';
import { useApiClient } from './use-api';

export function MemberRow(props: {
  member: MemberView;
  editing: boolean;
  suggestions: readonly string[];
  onEdit: () => void;
  onDone: (saved: boolean) => void;
  onRemove: () => void;
}) {
  const { member, editing } = props;
  const { email, name } = member.user;
  return (
    <li className={`member-row${editing ? ' editing' : ''}`} data-testid={`member-row-${email}`}>
      <span className="person-avatar" aria-hidden="true" style={{ background: avatarColor(email) }}>
        {initials(name || email)}
      </span>
      <span className="person-text">
        <span className="person-name">{name || email}</span>
        <span className="person-email">{email}</span>
      </span>
      {editing ? (
        <RolesEditor member={member} suggestions={props.suggestions} onDone={props.onDone} />
      ) : (
        <>
          <span className="member-roles" data-testid={`member-roles-${email}`}>
            {member.roles.length === 0 ? (
              <span className="muted small">No roles</span>
            ) : (
              member.roles.map((role) => <RoleChip key={role} role={role} />)
            )}
          </span>
          <span className="row-actions">
            <button
              type="button"
              className="button ghost small"
              data-testid={`member-edit-${email}`}
              aria-label={`Edit roles of ${name || email}`}
              onClick={props.onEdit}
            >
              <Icon name="pencil" size={14} /> <span className="label-wide">Roles</span>
            </button>
            <button
              type="button"
              className="button ghost small danger"
              data-testid={`member-remove-${email}`}
              aria-label={`Remove ${name || email} from the organization`}
              onClick={props.onRemove}
            >
              <Icon name="trash" size={14} /> <span className="label-wide">Remove</span>
            </button>
          </span>
        </>
      )}
    </li>
  );
}

function RolesEditor(props: { member: MemberView; suggestions: readonly string[]; onDone: (saved: boolean) => void }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [roles, setRoles] = useState<string[]>(props.member.roles);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const { member } = props;

  const save = async () => {
    const problem = rolesProblem(roles);
    setError(problem);
    if (problem) return;
    setSaving(true);
    try {
      await updateMemberRoles(client, member.orgId, member.userId, roles);
      notify('success', `Saved the roles of ${member.user.name || member.user.email}.`);
      props.onDone(true);
    } catch (failure) {
      const { errors, formError } = describeFailure(failure, ['roles']);
      setError(errors.roles ?? formError);
      setSaving(false);
    }
  };

  return (
    <div className="roles-editor">
      <label htmlFor={`${ids}-roles`} className="visually-hidden">
        Roles of {member.user.email}
      </label>
      <RolesInput
        id={`${ids}-roles`}
        value={roles}
        onChange={(next) => {
          setRoles(next);
          setError(undefined);
        }}
        suggestions={props.suggestions}
        testId="member-edit-roles"
        invalid={error !== undefined}
        describedBy={error ? `${ids}-error` : undefined}
        autoFocus
      />
      {error && (
        <p className="field-error" id={`${ids}-error`} data-testid="error-member-edit-roles">
          {error}
        </p>
      )}
      <div className="roles-editor-actions">
        <button
          type="button"
          className="button primary small"
          data-testid="member-edit-save"
          disabled={saving}
          onClick={save}
        >
          {saving ? 'Saving…' : 'Save roles'}
        </button>
        <button
          type="button"
          className="button small"
          data-testid="member-edit-cancel"
          onClick={() => props.onDone(false)}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
