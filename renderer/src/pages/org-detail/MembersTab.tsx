/**
 * The Members tab: who belongs to the organization and with which org-scoped roles.
 * Roles reach the tokens (the org roles claim) when a member signs in to this org.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Organization } from '../../../../server/model/organization';
import type { MemberView } from '../../../../server/model/user';
import { listInvitations } from '../../api/accounts-api';
import { listMembers, removeMember } from '../../api/members-api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { AddMemberDialog } from './AddMemberDialog';
import { InvitationList } from './InvitationList';
import { InviteDialog } from './InviteDialog';
import { MemberRow } from './MemberRow';
import { roleSuggestions } from './roles';
import { useApiClient, useResource } from './use-api';

export function MembersTab({ org }: { org: Organization }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => listMembers(client, org.id), [client, org.id]);
  const { data: members, error, loading, reload } = useResource(load);
  const [adding, setAdding] = useState(false);
  const loadInvitations = useCallback(() => listInvitations(client, org.id), [client, org.id]);
  const invitations = useResource(loadInvitations);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<string>();
  const [removing, setRemoving] = useState<MemberView>();

  const sorted = useMemo(
    () =>
      (members ?? []).slice().sort((a, b) => (a.user.name || a.user.email).localeCompare(b.user.name || b.user.email)),
    [members],
  );
  const suggestions = useMemo(() => roleSuggestions(members ?? []), [members]);

  return (
    <div className="members-tab">
      <div className="tab-toolbar">
        <div>
          <h3 className="section-title">
            Members{' '}
            {members && (
              <span className="count" data-testid="member-count">
                {members.length}
              </span>
            )}
          </h3>
          <p className="muted small">
            Members sign in to {org.name}; their roles travel in the token’s organization roles claim.
          </p>
        </div>
        <div className="toolbar-buttons">
          <button type="button" className="button" data-testid="member-invite" onClick={() => setInviting(true)}>
            <Icon name="users" size={16} /> Invite by email
          </button>
          <button type="button" className="button primary" data-testid="member-add" onClick={() => setAdding(true)}>
            <Icon name="plus" size={16} /> Add member
          </button>
        </div>
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {members === undefined ? (
        loading && (
          <ul className="member-list" aria-busy="true">
            {[0, 1].map((row) => (
              <li key={row} className="member-row skeleton" />
            ))}
          </ul>
        )
      ) : sorted.length === 0 ? (
        <div className="tab-empty" data-testid="member-empty">
          <span className="tab-empty-art" aria-hidden="true">
            <Icon name="users" size={28} />
          </span>
          <p>
            <strong>No members yet.</strong>
          </p>
          <p className="muted small">
            Add people from the identity pool, or create a user here, and give them roles in {org.name}.
          </p>
        </div>
      ) : (
        <ul className="member-list" data-testid="member-list" aria-label={`Members of ${org.name}`}>
          {sorted.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              editing={editing === member.userId}
              suggestions={suggestions}
              onEdit={() => setEditing(member.userId)}
              onDone={(saved) => {
                setEditing(undefined);
                if (saved) reload();
              }}
              onRemove={() => setRemoving(member)}
            />
          ))}
        </ul>
      )}

      <InvitationList org={org} invitations={invitations.data ?? []} onChanged={invitations.reload} />

      {inviting && (
        <InviteDialog
          org={org}
          suggestions={suggestions}
          onInvited={invitations.reload}
          onClose={() => setInviting(false)}
        />
      )}

      {adding && (
        <AddMemberDialog
          org={org}
          members={members ?? []}
          suggestions={suggestions}
          onAdded={reload}
          onClose={() => setAdding(false)}
        />
      )}

      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.user.name || removing.user.email} from ${org.name}?`}
          confirmLabel="Remove member"
          busyLabel="Removing…"
          danger
          onConfirm={async () => {
            await removeMember(client, org.id, removing.userId);
            notify('success', `Removed ${removing.user.email} from “${org.name}”.`);
            reload();
          }}
          onClose={() => setRemoving(undefined)}
        >
          <p>
            They can no longer sign in to {org.name} and lose the roles{' '}
            {removing.roles.length > 0 ? removing.roles.join(', ') : 'they had'} here. Their account stays in the
            identity pool, with its other memberships.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
