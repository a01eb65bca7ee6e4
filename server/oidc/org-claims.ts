/**
 * The organization context carried in tokens: id, name, the user's roles in that org
 * and chosen org attributes, under the claim names the workspace configures (e.g.
 * `organization_id` for SecureAuth-style apps).
 */
import type { Organization } from '../model/organization';
import type { WorkspaceSettings } from '../model/workspace';

export function orgClaims(
  org: Organization | undefined,
  roles: string[] | undefined,
  settings: WorkspaceSettings,
): Record<string, unknown> {
  if (!settings.orgClaims || !org) return {};
  const claims: Record<string, unknown> = {
    [settings.claimNames.orgId]: org.id,
    [settings.claimNames.orgName]: org.name,
  };
  if (roles) claims[settings.claimNames.orgRoles] = roles;
  for (const name of settings.attributeClaims) {
    if (name in org.attributes) claims[name] = org.attributes[name];
  }
  return claims;
}

/** Claim names released with the `openid` scope (so ID tokens carry the org context). */
export function orgClaimNames(settings: WorkspaceSettings): string[] {
  if (!settings.orgClaims) return [];
  return [
    settings.claimNames.orgId,
    settings.claimNames.orgName,
    settings.claimNames.orgRoles,
    ...settings.attributeClaims,
  ];
}
