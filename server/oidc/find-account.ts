/**
 * Accounts for oidc-provider: identity-pool users, with the organization context of the
 * grant the token belongs to (or, for machine-to-machine tokens, the client's owning org).
 */
import type { FindAccount, KoaContextWithOIDC } from 'oidc-provider';
import type { Organization } from '../model/organization';
import type { WorkspaceSettings } from '../model/workspace';
import { orgClaims } from './org-claims';
import type { ProviderDeps } from './provider-deps';

interface TokenLike {
  kind?: string;
  clientId?: string;
  grantId?: string;
}

/** The organization a token speaks for, if any. */
export function orgOfToken(
  deps: ProviderDeps,
  issuer: string,
  ctx: KoaContextWithOIDC | undefined,
  token: TokenLike | undefined,
): Organization | undefined {
  if (token?.kind === 'ClientCredentials' && token.clientId) {
    const owner = deps.appRepo.find(token.clientId)?.ownerOrgId;
    return owner ? deps.orgs.find(owner) : undefined;
  }
  const grantId = token?.grantId ?? ctx?.oidc.entities.Grant?.jti;
  if (!grantId) return undefined;
  const orgId = deps.grantOrgs.orgOf(issuer, grantId);
  return orgId ? deps.orgs.find(orgId) : undefined;
}

export function createFindAccount(deps: ProviderDeps, issuer: string, settings: WorkspaceSettings): FindAccount {
  return async (ctx, sub, token) => {
    const user = deps.users.find(sub);
    if (!user) return undefined;
    return {
      accountId: user.id,
      claims: async () => {
        const org = orgOfToken(deps, issuer, ctx, token as TokenLike | undefined);
        const roles = org ? (deps.users.membership(org.id, user.id)?.roles ?? []) : undefined;
        return {
          sub: user.id,
          email: user.email,
          email_verified: user.emailVerified,
          name: user.name,
          ...(user.givenName ? { given_name: user.givenName } : {}),
          ...(user.familyName ? { family_name: user.familyName } : {}),
          ...orgClaims(org, roles, settings),
        };
      },
    };
  };
}
