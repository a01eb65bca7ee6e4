/**
 * The OIDC relying party's one route: `GET /federation/oidc/:connectionId/callback`, the
 * redirect URI of each OIDC connection. A validated answer continues to the interaction
 * (303); a refused one goes to the interaction's error page, or, when the answer belongs
 * to no sign-in at all, gets an error page here.
 */
import Router from '@koa/router';
import { hostedPage, html, HOSTED_PAGE_CSP } from '../../web/html';
import type { FederationError } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import { createOidcCallback } from './oidc-callback';

export function createOidcRpRoutes(deps: FederationDeps): Router {
  const router = new Router();
  const callback = createOidcCallback(deps);

  router.get('/federation/oidc/:connectionId/callback', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    const result = await callback(ctx.params.connectionId ?? '', new URLSearchParams(ctx.querystring));
    if (result.kind === 'redirect') {
      ctx.status = 303;
      ctx.redirect(result.url);
      return;
    }
    ctx.status = result.error.status;
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.body = rejectedPage(result.error, result.traceId);
  });

  return router;
}

function rejectedPage(error: FederationError, traceId: string): string {
  return hostedPage({
    title: 'Sign-in failed',
    body: html`<h1>Sign-in failed</h1>
      <p class="error" role="alert" data-testid="federation-error" data-rule="${error.rule}">${error.message}</p>
      <p class="muted">Rule <code>${error.rule}</code> · trace <code>${traceId}</code></p>
      <p>Return to the application and sign in again.</p>`,
  });
}
