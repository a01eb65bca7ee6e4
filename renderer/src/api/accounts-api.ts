/** Admin API: an org's MFA setting, invitations to an org, and verification emails to users. */
import type { AccountSettings, CreateInvitationInput, Invitation, MfaMode } from '../../../server/model/account';
import type { ApiClient } from './client';

const orgPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const invitationPath = (orgId: string, id: string) => `${orgPath(orgId)}/invitations/${encodeURIComponent(id)}`;

export function getAccountSettings(client: ApiClient, orgId: string): Promise<AccountSettings> {
  return client.request('Loading the security settings', 'GET', `${orgPath(orgId)}/security`);
}

export function setMfaMode(client: ApiClient, orgId: string, mfa: MfaMode): Promise<AccountSettings> {
  return client.request('Saving the MFA setting', 'PATCH', `${orgPath(orgId)}/security`, { mfa });
}

/** The org's invitations, newest first (pending, accepted, revoked and expired). */
export async function listInvitations(client: ApiClient, orgId: string): Promise<Invitation[]> {
  const body = await client.request<{ invitations: Invitation[] }>(
    'Loading invitations',
    'GET',
    `${orgPath(orgId)}/invitations`,
  );
  return body.invitations;
}

/** Creates an invitation and sends its email (the link exists only in the outbox). */
export function inviteByEmail(client: ApiClient, orgId: string, input: CreateInvitationInput): Promise<Invitation> {
  return client.request('Sending the invitation', 'POST', `${orgPath(orgId)}/invitations`, input);
}

/** Sends a new link; the previous one stops working. */
export function resendInvitation(client: ApiClient, orgId: string, id: string): Promise<Invitation> {
  return client.request('Resending the invitation', 'POST', `${invitationPath(orgId, id)}/resend`);
}

export function revokeInvitation(client: ApiClient, orgId: string, id: string): Promise<Invitation> {
  return client.request('Revoking the invitation', 'DELETE', invitationPath(orgId, id));
}

/** Sends the user a link that verifies their email address. */
export function sendVerificationEmail(
  client: ApiClient,
  userId: string,
): Promise<{ sentTo: string; expiresAt: string; messageId: string }> {
  return client.request(
    'Sending the verification email',
    'POST',
    `/api/users/${encodeURIComponent(userId)}/verification-email`,
    {},
  );
}
