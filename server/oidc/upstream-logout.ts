/**
 * SP-initiated SAML single logout, hooked into an issuer's RP-initiated logout: when the
 * user confirms "sign out" and oidc-provider has ended the session, the browser goes to
 * the user's SAML IdP with a LogoutRequest first, and from there on to where the issuer
 * was sending it (the client's post-logout redirect or the "signed out" page).
 */
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from '../runtime/logger';

export type StartUpstreamLogout = (userId: string, continueUrl: string) => Promise<string | undefined>;

export function installUpstreamLogout(provider: Provider, start: StartUpstreamLogout, logger: Logger): void {
  const signedOut = new WeakMap<object, string>();
  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    const accountId = ctx.oidc.session?.accountId;
    // Only a whole sign-out ("Sign out" on the logout page), not leaving one client.
    if (accountId && ctx.oidc.params?.logout) signedOut.set(ctx, accountId);
  });
  provider.use(async (ctx, next) => {
    await next();
    const accountId = signedOut.get(ctx);
    if (!accountId || ctx.status !== 303) return;
    const continueUrl = ctx.response.get('Location');
    try {
      const upstream = await start(accountId, continueUrl);
      if (upstream) ctx.redirect(upstream);
    } catch (error) {
      // The Orgbench session is over either way; the IdP's session stays, as if it had no SLO.
      logger.error('saml single logout could not start', { error });
    }
  });
}
