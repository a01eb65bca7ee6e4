/** One user of the identity pool: who, password set, locked, organizations, and actions. */
import type { UserDetail } from '../../api/users-api';
import { Icon } from '../../components/icons';
import { avatarColor, initials } from '../OrgTree';
import { EmailVerification } from './EmailVerification';

export function UserRow(props: {
  user: UserDetail;
  lockedUntil: Date | undefined;
  unlocking: boolean;
  onUnlock: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onOpenOrg: (orgId: string) => void;
}) {
  const { user, lockedUntil } = props;
  const who = user.name || user.email;
  return (
    <li className="user-row" data-testid={`user-row-${user.email}`}>
      <span className="user-cell user-who">
        <span className="person-avatar" aria-hidden="true" style={{ background: avatarColor(user.email) }}>
          {initials(who)}
        </span>
        <span className="person-text">
          <span className="person-name">{user.name}</span>
          <span className="person-email">{user.email}</span>
          <EmailVerification user={user} />
        </span>
      </span>

      <span className="user-cell" data-label="Password">
        <span
          className={`status-pill${user.hasPassword ? ' ok' : ''}`}
          data-testid={`user-password-${user.email}`}
          title={user.hasPassword ? 'Can sign in with a password' : 'Signs in only through a connection'}
        >
          <Icon name="key" size={12} /> {user.hasPassword ? 'Set' : 'Not set'}
        </span>
      </span>

      <span className="user-cell user-status" data-label="Status">
        {lockedUntil ? (
          <>
            <span
              className="status-pill locked"
              data-testid={`user-status-${user.email}`}
              title="Too many failed sign-ins"
            >
              <Icon name="lock" size={12} /> Locked until{' '}
              {lockedUntil.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
            </span>
            <button
              type="button"
              className="button small"
              data-testid={`user-unlock-${user.email}`}
              disabled={props.unlocking}
              onClick={props.onUnlock}
            >
              <Icon name="unlock" size={14} /> {props.unlocking ? 'Unlocking…' : 'Unlock'}
            </button>
          </>
        ) : (
          <span className="status-pill active" data-testid={`user-status-${user.email}`}>
            <span className="status-dot" aria-hidden="true" /> Active
          </span>
        )}
      </span>

      <span className="user-cell user-orgs" data-label="Organizations" data-testid={`user-orgs-${user.email}`}>
        {user.memberships.length === 0 ? (
          <span className="muted small">No organization</span>
        ) : (
          user.memberships.map((membership) => (
            <button
              key={membership.orgId}
              type="button"
              className="org-chip"
              title={`Open the members of ${membership.org.name}`}
              data-testid={`user-org-${user.email}-${membership.org.slug}`}
              onClick={() => props.onOpenOrg(membership.orgId)}
            >
              <span
                className="org-chip-dot"
                aria-hidden="true"
                style={{ background: avatarColor(membership.org.slug) }}
              />
              {membership.org.name}
              {membership.roles.length > 0 && <span className="org-chip-roles">{membership.roles.join(', ')}</span>}
            </button>
          ))
        )}
      </span>

      <span className="user-cell row-actions">
        <button
          type="button"
          className="button ghost small"
          aria-label={`Edit ${who}`}
          title="Edit name or password"
          data-testid={`user-edit-${user.email}`}
          onClick={props.onEdit}
        >
          <Icon name="pencil" size={14} />
        </button>
        <button
          type="button"
          className="button ghost small danger"
          aria-label={`Delete ${who}`}
          title="Delete user"
          data-testid={`user-delete-${user.email}`}
          onClick={props.onDelete}
        >
          <Icon name="trash" size={14} />
        </button>
      </span>
    </li>
  );
}
