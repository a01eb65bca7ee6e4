/** The org's open invitations under the member list: who, roles, until when, resend or revoke. */
import { useState } from 'react';
import type { Invitation } from '../../../../server/model/account';
import type { Organization } from '../../../../server/model/organization';
import { resendInvitation, revokeInvitation } from '../../api/accounts-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { RoleChip } from './RolesInput';
import { useApiClient } from './use-api';
import './security.css';

/** Invitations worth showing: pending ones, and expired ones (they can be sent again). */
export const openInvitations = (invitations: readonly Invitation[]): Invitation[] =>
  invitations.filter((invitation) => invitation.status === 'pending' || invitation.status === 'expired');

export function InvitationList(props: {
  org: Organization;
  invitations: readonly Invitation[];
  onChanged: () => void;
}) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState<string>();
  const shown = openInvitations(props.invitations);
  if (shown.length === 0) return null;

  const act = async (invitation: Invitation, action: 'resend' | 'revoke') => {
    setBusy(`${action}:${invitation.id}`);
    try {
      if (action === 'resend') {
        await resendInvitation(client, props.org.id, invitation.id);
        notify('success', `Sent a new invitation link to ${invitation.email}; the previous link no longer works.`);
      } else {
        await revokeInvitation(client, props.org.id, invitation.id);
        notify('success', `Revoked the invitation of ${invitation.email}.`);
      }
      props.onChanged();
    } catch (failure) {
      notify('error', (failure as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="invitations" aria-label={`Invitations to ${props.org.name}`} data-testid="invitation-section">
      <h3 className="section-title">
        Invitations <span className="count">{shown.length}</span>
      </h3>
      <ul className="invitation-list" data-testid="invitation-list">
        {shown.map((invitation) => (
          <li key={invitation.id} className="invitation-row" data-testid={`invitation-row-${invitation.email}`}>
            <span className="invitation-who">
              <span className="person-name">{invitation.email}</span>
              <span className="muted small">
                {invitation.status === 'expired'
                  ? `Expired ${new Date(invitation.expiresAt).toLocaleDateString()}`
                  : `Sent ${new Date(invitation.sentAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })} · valid until ${new Date(invitation.expiresAt).toLocaleDateString()}`}
              </span>
              {invitation.roles.length > 0 && (
                <span className="invitation-roles">
                  {invitation.roles.map((role) => (
                    <RoleChip key={role} role={role} />
                  ))}
                </span>
              )}
            </span>
            <span
              className={`invitation-status ${invitation.status}`}
              data-testid={`invitation-status-${invitation.email}`}
            >
              {invitation.status === 'pending' ? 'Pending' : 'Expired'}
            </span>
            <span className="row-actions">
              {invitation.status === 'pending' && (
                <>
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={busy !== undefined}
                    data-testid={`invitation-resend-${invitation.email}`}
                    onClick={() => void act(invitation, 'resend')}
                  >
                    <Icon name="refresh" size={14} /> {busy === `resend:${invitation.id}` ? 'Sending…' : 'Resend'}
                  </button>
                  <button
                    type="button"
                    className="button ghost small danger"
                    disabled={busy !== undefined}
                    data-testid={`invitation-revoke-${invitation.email}`}
                    onClick={() => void act(invitation, 'revoke')}
                  >
                    <Icon name="close" size={14} /> {busy === `revoke:${invitation.id}` ? 'Revoking…' : 'Revoke'}
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
