/**
 * Records every successful token-endpoint response in the token log, with the org,
 * client and user it was issued for.
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { orgOfToken } from './find-account';
import type { ProviderDeps } from './provider-deps';

export function recordTokenResponses(provider: Provider, deps: ProviderDeps, issuer: string): void {
  provider.use(async (ctx, next) => {
    await next();
    const oidc = (ctx as KoaContextWithOIDC).oidc as KoaContextWithOIDC['oidc'] | undefined;
    if (!oidc || oidc.route !== 'token' || ctx.status !== 200 || !ctx.body || typeof ctx.body !== 'object') return;
    const clientId = oidc.client?.clientId;
    if (!clientId) return;
    const grantType = String(oidc.params?.grant_type ?? '');
    const entities = oidc.entities as Record<string, { grantId?: string; accountId?: string } | undefined>;
    const source = entities.AuthorizationCode ?? entities.RefreshToken;
    const org =
      grantType === 'client_credentials'
        ? orgOfToken(deps, issuer, undefined, { kind: 'ClientCredentials', clientId })
        : orgOfToken(deps, issuer, undefined, source);
    try {
      deps.tokens.recordResponse({
        issuer,
        clientId,
        grantType,
        orgId: org?.id ?? null,
        subject: source?.accountId ?? null,
        body: ctx.body as Record<string, unknown>,
      });
      if (grantType === 'authorization_code' && source?.grantId) {
        const trace = deps.traces.forGrant(source.grantId);
        const body = ctx.body as Record<string, unknown>;
        trace?.step({
          from: 'app',
          to: 'orgbench',
          title: 'Code exchanged for tokens',
          status: 'ok',
          rule: 'tokens',
          detail: {
            issued: ['access_token', 'id_token', 'refresh_token'].filter((kind) => typeof body[kind] === 'string'),
            id_token: typeof body.id_token === 'string' ? body.id_token : null,
          },
        });
        trace?.succeed(`Signed in${org ? ` to ${org.name}` : ''} with ${clientId}`);
      }
    } catch (error) {
      // The log is an aid; a failure to record never fails the token response.
      deps.logger.warn('could not record issued tokens', { issuer, error });
    }
  });
}
