/** Admin API: the members of one organization and their org-scoped roles. */
import type { MemberView, Membership } from '../../../server/model/user';
import type { ApiClient } from './client';

const membersPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/members`;
const memberPath = (orgId: string, userId: string) => `${membersPath(orgId)}/${encodeURIComponent(userId)}`;

/** The org's members, each with the user's email and name. */
export async function listMembers(client: ApiClient, orgId: string): Promise<MemberView[]> {
  const body = await client.request<{ members: MemberView[] }>('Loading members', 'GET', membersPath(orgId));
  return body.members;
}

/** Adds an existing user (by id or email) to the org; adding again replaces the roles. */
export function addMember(
  client: ApiClient,
  orgId: string,
  input: { userId: string; roles: string[] },
): Promise<Membership> {
  return client.request('Adding the member', 'POST', membersPath(orgId), input);
}

export function updateMemberRoles(
  client: ApiClient,
  orgId: string,
  userId: string,
  roles: string[],
): Promise<Membership> {
  return client.request('Saving the roles', 'PATCH', memberPath(orgId, userId), { roles });
}

/** Ends the membership; the user stays in the identity pool. */
export async function removeMember(client: ApiClient, orgId: string, userId: string): Promise<void> {
  await client.request<unknown>('Removing the member', 'DELETE', memberPath(orgId, userId));
}
