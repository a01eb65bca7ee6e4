/**
 * The mock OIDC IdPs, each under its issuer `/mock/oidc/:slug`, hand-written over jose so
 * every fault can be placed exactly:
 *
 *   GET  /.well-known/openid-configuration   discovery, vendor-shaped
 *   GET  /jwks                               the IdP's RSA key, vendor-shaped `kid`
 *   GET  /authorize                          code + PKCE S256 → persona picker (or login_hint)
 *   POST /answer                             the picker's choice → code (or an error)
 *   POST /token                              code → ID token + access token
 *   GET  /userinfo  (and POST)               the persona's claims, vendor-shaped
 *   GET  /logout    (and /signoff)           end session (the mock keeps none)
 *   POST /revoke                             accepted, nothing to revoke
 *   GET  /theme.css                          the vendor look of the pages
 */
import Router from '@koa/router';
import parse from 'co-body';
import type { Context, Next } from 'koa';
import type { FederationDeps } from '../../federation/federation-deps';
import { handleAnswer, handleAuthorize } from './authorize-endpoint';
import {
  formFields,
  redirect303,
  resolveIdp,
  sendJson,
  sendPage,
  type MockOidc,
  type ResolvedIdp,
} from './mock-oidc-context';
import { MockOidcMemory } from './mock-oidc-memory';
import { signedOutPage } from './persona-picker';
import { signingMaterial } from './signing-keys';
import { handleToken } from './token-endpoint';
import { discoveryDocument, MOCK_OIDC_PATHS } from './vendor-discovery';
import { vendorCss } from './vendor-theme';

const PREFIX = '/mock/oidc/:slug';

export function createOidcMockIdpRoutes(deps: FederationDeps): Router {
  const mock: MockOidc = { deps, memory: new MockOidcMemory(deps.clock) };
  const router = new Router({ prefix: PREFIX });

  /** Runs `handler` for the IdP in the path; a missing one (or a SAML one) is a 404. */
  const withIdp =
    (handler: (ctx: Context, idp: ResolvedIdp) => Promise<void> | void) =>
    async (ctx: Context, _next: Next): Promise<void> => {
      const idp = resolveIdp(deps, String(ctx.params.slug ?? ''));
      if (!idp) {
        sendJson(ctx, 404, { error: 'not_found', error_description: `No mock OIDC IdP "${String(ctx.params.slug)}".` });
        return;
      }
      await handler(ctx, idp);
    };

  // Flat field names (`email.jane`), and room for a picker with hundreds of personas.
  const readForm = async (ctx: Context) =>
    formFields(
      (await parse.form(ctx.req, { limit: '1mb', queryString: { allowDots: false, parameterLimit: 5000 } })) as Record<
        string,
        unknown
      >,
    );

  router.get(
    MOCK_OIDC_PATHS.discovery,
    withIdp((ctx, idp) => sendJson(ctx, 200, discoveryDocument(idp.record.preset, idp.issuer), 'public, max-age=60')),
  );

  router.get(
    MOCK_OIDC_PATHS.jwks,
    withIdp(async (ctx, idp) => {
      const { jwk } = await signingMaterial(idp.record, idp.issuer);
      sendJson(ctx, 200, { keys: [jwk] }, 'public, max-age=300');
    }),
  );

  router.get(
    MOCK_OIDC_PATHS.authorize,
    withIdp((ctx, idp) => handleAuthorize(ctx, mock, idp, new URLSearchParams(ctx.querystring))),
  );

  router.post(
    MOCK_OIDC_PATHS.answer,
    withIdp(async (ctx, idp) => handleAnswer(ctx, mock, idp, await readForm(ctx))),
  );

  router.post(
    MOCK_OIDC_PATHS.token,
    withIdp(async (ctx, idp) => handleToken(ctx, mock, idp, await readForm(ctx))),
  );

  const userinfo = withIdp((ctx, idp) => {
    const token = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    const issued = token ? mock.memory.accessTokens.get(token) : undefined;
    if (!issued || issued.idpId !== idp.record.id) {
      ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      sendJson(ctx, 401, { error: 'invalid_token', error_description: 'The access token is unknown or expired.' });
      return;
    }
    sendJson(ctx, 200, issued.userinfo);
  });
  router.get(MOCK_OIDC_PATHS.userinfo, userinfo);
  router.post(MOCK_OIDC_PATHS.userinfo, userinfo);

  const logout = withIdp((ctx, idp) => {
    const target = typeof ctx.query.post_logout_redirect_uri === 'string' ? ctx.query.post_logout_redirect_uri : '';
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : undefined;
    // Only back into Orgbench: the mock has no registered post-logout URIs to check against.
    if (target && sameOrigin(target, deps.protocolUrl)) {
      const url = new URL(target);
      if (state) url.searchParams.set('state', state);
      redirect303(ctx, url.href);
      return;
    }
    sendPage(ctx, 200, signedOutPage(idp.frame));
  });
  router.get(MOCK_OIDC_PATHS.logout, logout);
  router.get('/signoff', logout);

  router.post(
    MOCK_OIDC_PATHS.revoke,
    withIdp((ctx) => {
      ctx.status = 200;
      ctx.body = '';
    }),
  );

  router.get(
    MOCK_OIDC_PATHS.theme,
    withIdp((ctx, idp) => {
      ctx.type = 'text/css';
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = vendorCss(idp.record.preset);
    }),
  );

  return router;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
