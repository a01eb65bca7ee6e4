/**
 * The protocol listener's federation surface, as one Koa app: this SP's endpoints per
 * connection (`/federation/saml/{id}/…`, `/federation/oidc/{id}/…`) and the mock IdPs
 * (`/mock/saml/{slug}/…`, `/mock/oidc/{slug}/…`).
 */
import type Router from '@koa/router';
import Koa from 'koa';
import { isOrgbenchError } from '../errors';
import { hostedPage, html, HOSTED_PAGE_CSP } from '../web/html';
import type { FederationDeps } from './federation-deps';

export type RouterFactory = (deps: FederationDeps) => Router;

export function createFederationApp(deps: FederationDeps, routers: RouterFactory[]): Koa {
  const app = new Koa();
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const known = isOrgbenchError(error) && error.expose;
      if (!known) deps.logger.error('federation request failed', { path: ctx.path, error });
      ctx.status = known ? error.status : 500;
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
      ctx.body = hostedPage({
        title: 'Error',
        body: html`<h1>This request cannot be answered</h1>
          <p class="error" role="alert">
            ${known ? error.message : 'Orgbench hit an unexpected error; see its log.'}
          </p>`,
      });
    }
  });
  for (const factory of routers) {
    const router = factory(deps);
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
