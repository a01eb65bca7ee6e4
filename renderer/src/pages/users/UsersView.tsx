/**
 * The identity pool: local users with passwords, for organizations that bring no IdP.
 * Create, edit, unlock after repeated failed sign-ins, and delete.
 */
import { useCallback, useMemo, useState } from 'react';
import { deleteUser, listUsersWithMemberships, unlockUser, type UserDetail } from '../../api/users-api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { filterUsers, lockedUntil, poolSummary } from './user-selectors';
import { UserDialog } from './UserDialog';
import { UserRow } from './UserRow';
import './users.css';

export function UsersView(props: {
  creating: boolean;
  onCreatingChange: (creating: boolean) => void;
  onOpenOrg: (orgId: string) => void;
}) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(
    async () => ({ users: await listUsersWithMemberships(client), loadedAt: Date.now() }),
    [client],
  );
  const { data, error, reload } = useResource(load);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UserDetail>();
  const [deleting, setDeleting] = useState<UserDetail>();
  const [unlocking, setUnlocking] = useState<string>();
  const users = useMemo(() => filterUsers(data?.users ?? [], search), [data, search]);
  const loadedAt = data?.loadedAt ?? 0;

  const unlock = async (user: UserDetail) => {
    setUnlocking(user.id);
    try {
      await unlockUser(client, user.id);
      notify('success', `Unlocked ${user.email}: they can sign in again.`);
      reload();
    } catch (failure) {
      notify('error', (failure as Error).message);
    } finally {
      setUnlocking(undefined);
    }
  };

  return (
    <div className="users-view" data-testid="users-view">
      <div className="users-toolbar">
        <label className="search users-search">
          <Icon name="search" size={16} />
          <span className="visually-hidden">Search users</span>
          <input
            type="search"
            placeholder="Search by email, name or organization"
            value={search}
            data-testid="user-search"
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        {data && (
          <span className="muted small" data-testid="user-summary">
            {search.trim() ? `${users.length} of ${data.users.length} match` : poolSummary(data.users, loadedAt)}
          </span>
        )}
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {data && data.users.length === 0 ? (
        <div className="empty-state" data-testid="user-empty">
          <div className="empty-art" aria-hidden="true">
            <Icon name="users" size={44} />
          </div>
          <h2>No users yet</h2>
          <p className="muted">
            Create local users with passwords for organizations that bring no identity provider of their own, then add
            them to organizations with roles.
          </p>
          <button type="button" className="button primary" onClick={() => props.onCreatingChange(true)}>
            <Icon name="plus" size={16} /> Create the first user
          </button>
        </div>
      ) : (
        <div className="users-panel">
          <div className="user-row user-head" aria-hidden="true">
            <span>User</span>
            <span>Password</span>
            <span>Status</span>
            <span>Organizations</span>
            <span />
          </div>
          <ul className="user-list" aria-label="Users" aria-busy={data === undefined} data-testid="user-list">
            {data === undefined && [0, 1, 2].map((row) => <li key={row} className="user-row skeleton" />)}
            {data !== undefined && users.length === 0 && (
              <li className="user-none muted">No user matches “{search.trim()}”.</li>
            )}
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                lockedUntil={lockedUntil(user, loadedAt)}
                unlocking={unlocking === user.id}
                onUnlock={() => void unlock(user)}
                onEdit={() => setEditing(user)}
                onDelete={() => setDeleting(user)}
                onOpenOrg={props.onOpenOrg}
              />
            ))}
          </ul>
        </div>
      )}

      {(props.creating || editing) && (
        <UserDialog
          user={editing}
          onSaved={reload}
          onClose={() => {
            setEditing(undefined);
            props.onCreatingChange(false);
          }}
        />
      )}

      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name || deleting.email}?`}
          confirmLabel="Delete user"
          busyLabel="Deleting…"
          danger
          onConfirm={async () => {
            await deleteUser(client, deleting.id);
            notify('success', `Deleted ${deleting.email}.`);
            reload();
          }}
          onClose={() => setDeleting(undefined)}
        >
          <p>
            This removes <strong>{deleting.email}</strong> from the identity pool
            {deleting.memberships.length > 0
              ? ` and from ${deleting.memberships.map((membership) => membership.org.name).join(', ')}`
              : ''}
            . It cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
