/**
 * oidc-provider's login and consent prompts, plus one check of Orgbench's own: when the
 * client asks for a different organization than the one the existing grant was made
 * for, the consent prompt runs again and a new org-bound grant is made. The user's
 * session (and password) is not asked for again.
 */
import { interactionPolicy as policies, type KoaContextWithOIDC } from 'oidc-provider';
import type { ProviderDeps } from './provider-deps';

const { base, Check } = policies;

export function interactionPolicy(deps: ProviderDeps, issuer: string) {
  const policy = base();
  const consent = policy.get('consent');
  consent?.checks.add(
    new Check('org_switch', 'a different organization was requested', (ctx: KoaContextWithOIDC) => {
      const requested = ctx.oidc.params?.organization;
      const clientId = ctx.oidc.client?.clientId;
      if (typeof requested !== 'string' || !requested || !clientId) return Check.NO_NEED_TO_PROMPT;
      const grantId = ctx.oidc.session?.grantIdFor(clientId);
      if (!grantId) return Check.NO_NEED_TO_PROMPT;
      const bound = deps.grantOrgs.orgOf(issuer, grantId);
      const wanted = deps.orgs.find(requested);
      return wanted && bound !== wanted.id ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
  );
  return policy;
}
