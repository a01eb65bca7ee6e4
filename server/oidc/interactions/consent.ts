/**
 * Grants what the client asked for, bound to the resolved organization. An existing
 * grant made for another organization is not reused: switching org makes a new grant
 * (and the session, with its password, stays as it is).
 */
import type Provider from 'oidc-provider';
import type { ProviderDeps } from '../provider-deps';
import type { InteractionMount } from './routes';

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

export async function completeConsent(
  provider: Provider,
  deps: ProviderDeps,
  mount: InteractionMount,
  details: Details,
  orgId: string | null,
): Promise<string> {
  const accountId = String(details.session?.accountId);
  const clientId = String(details.params.client_id);
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const reusable = existing && (deps.grantOrgs.orgOf(mount.issuer, existing.jti) ?? null) === orgId;
  const grant = reusable ? existing : new provider.Grant({ accountId, clientId });

  const requestedScope = typeof details.params.scope === 'string' ? details.params.scope : 'openid';
  grant.addOIDCScope(requestedScope);
  const promptDetails = details.prompt.details as {
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (promptDetails.missingOIDCClaims) grant.addOIDCClaims(promptDetails.missingOIDCClaims);
  const resources = deps.appRepo.resources(mount.workspace.tenantId, mount.workspace.id);
  const requestedScopes = new Set(requestedScope.split(' '));
  const requestedResources = [details.params.resource ?? []].flat().map(String);
  for (const indicator of requestedResources) {
    const resource = resources.find((candidate) => candidate.identifier === indicator);
    const scopes = resource?.scopes.filter((scope) => requestedScopes.has(scope)) ?? [];
    if (scopes.length > 0) grant.addResourceScope(indicator, scopes.join(' '));
  }
  for (const [indicator, scopes] of Object.entries(promptDetails.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  if (orgId) deps.grantOrgs.bind(mount.issuer, grantId, orgId, deps.clock.now().toISOString());
  return grantId;
}
