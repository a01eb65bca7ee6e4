/**
 * The built-in sample relying party, on the protocol listener at `/sample`: pick a
 * client and (optionally) an organization, sign in with authorization code + PKCE
 * through the real endpoints (openid-client as the RP), see the tokens, refresh, sign
 * out. For QA and sales when there is no app of their own.
 */
import { randomBytes } from 'node:crypto';
import Router from '@koa/router';
import parse from 'co-body';
import Koa, { type Context } from 'koa';
import * as oidc from 'openid-client';
import type { Application } from '../model/application';
import type { Services } from '../services';
import { HOSTED_PAGE_CSP } from '../web/html';
import { issuerOnHost, vanityFetch } from '../vanity/vanity-fetch';
import { SAMPLE_CLIENT_ID, sampleUrls } from './sample-client';
import { samplePage, type SampleSession } from './sample-views';

interface PendingLogin {
  clientId: string;
  verifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
  /** Which lane's cookie the session lands in (see `laneOf`). */
  lane: string | undefined;
  /** The org's vanity host the sign-in runs on (its issuer there), if any. */
  host?: string | undefined;
}

const COOKIE = 'ob_sample';
const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 500;

/**
 * A lane keeps its own session cookie, so several sign-ins side by side in one browser
 * (demo mode's frames, one per customer) do not overwrite each other's session.
 */
const laneOf = (value: unknown): string | undefined =>
  typeof value === 'string' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(value) ? value : undefined;
const cookieOf = (lane: string | undefined): string => (lane ? `${COOKIE}_${lane}` : COOKIE);
const homeOf = (home: string, lane: string | undefined): string => (lane ? `${home}?lane=${lane}` : home);
/**
 * The provider's single sign-on cookie (named in oidc/create-provider.ts). A lane's sign-in
 * leaves none behind: another lane signing in as someone else would otherwise first sign
 * this user out of the provider (oidc-provider ends a session before switching its account).
 */
const PROVIDER_SESSION_COOKIES = ['_ob_session', '_ob_session.sig'];

export function createSampleApp(services: Services, protocolUrl: string): Koa {
  const urls = sampleUrls(protocolUrl);
  const pending = new Map<string, PendingLogin>();
  const sessions = new Map<string, SampleSession>();
  const router = new Router({ prefix: '/sample' });

  const clients = (): Application[] =>
    services.apps.list().filter((app) => app.kind !== 'm2m' && app.redirectUris.includes(urls.callback));

  const viaVanity = vanityFetch(services.vanity);
  /** The client's issuer, or on `host` (an org's vanity host) the same issuer served there. */
  const configFor = async (clientId: string, host?: string) => {
    const app = services.apps.get(clientId);
    const secret = services.apps.revealSecret(clientId);
    const vanity = host ? services.vanity.resolve(host) : undefined;
    const onHost = vanity?.kind === 'vanity' ? vanity.target.origin : undefined;
    return oidc.discovery(
      new URL(onHost ? issuerOnHost(app.issuer, onHost) : app.issuer),
      clientId,
      undefined,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      { execute: [oidc.allowInsecureRequests], ...(onHost ? { [oidc.customFetch]: viaVanity } : {}) },
    );
  };

  /** An authorization request (code + PKCE) for `clientId`, remembered for the callback. */
  const authorizeUrl = async (
    clientId: string,
    extra: Record<string, string>,
    lane?: string,
    host?: string,
  ): Promise<string> => {
    const config = await configFor(clientId, host);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    remember(pending, state, { clientId, verifier, state, nonce, expiresAt: Date.now() + PENDING_TTL_MS, lane, host });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: urls.callback,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    }).href;
  };

  const sessionId = (ctx: Context, lane: string | undefined): string => {
    const existing = ctx.cookies.get(cookieOf(lane));
    if (existing && sessions.has(existing)) return existing;
    const id = randomBytes(16).toString('base64url');
    ctx.cookies.set(cookieOf(lane), id, { httpOnly: true, sameSite: 'lax', path: '/sample' });
    return id;
  };

  const remember = <T>(map: Map<string, T>, key: string, value: T) => {
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value as string);
    map.set(key, value);
  };

  const render = (ctx: Context, session: SampleSession | undefined, error?: string, lane?: string) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', HOSTED_PAGE_CSP);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = samplePage({ clients: clients(), orgs: services.orgs.list(), session, error, lane });
  };

  const readForm = async (ctx: Context) =>
    (await parse.form(ctx.req, { limit: '16kb' })) as Record<string, string | undefined>;

  router.get('/', (ctx) => {
    const lane = laneOf(ctx.query.lane);
    const session = sessions.get(ctx.cookies.get(cookieOf(lane)) ?? '');
    const error = typeof ctx.query.error === 'string' ? ctx.query.error : undefined;
    render(ctx, session, error, lane);
  });

  // A sign-in started by a link (demo mode's frames, deep links): the same parameters as
  // the form, plus the lane whose cookie keeps the session.
  router.get('/start', async (ctx) => {
    const query = (name: string) => (typeof ctx.query[name] === 'string' ? ctx.query[name] : '');
    const lane = laneOf(ctx.query.lane);
    // `host`: sign in on an org's vanity host, with the client of its isolation model unless one is named.
    const vanity = query('host') ? services.vanity.resolve(query('host')) : undefined;
    if (vanity && vanity.kind !== 'vanity') {
      ctx.status = 400;
      render(ctx, undefined, `${query('host')} is not an organization's login host.`);
      return;
    }
    const host = vanity?.target.host;
    const preferred = vanity ? services.isolation.compare(vanity.target.org.id).find((m) => m.active)?.clientId : null;
    const clientId = query('client') || preferred || SAMPLE_CLIENT_ID;
    if (!clients().some((app) => app.clientId === clientId) || (query('lane') && !lane)) {
      ctx.status = 400;
      render(ctx, undefined, 'This sign-in link names no listed application or a malformed lane.');
      return;
    }
    const extra: Record<string, string> = {};
    for (const name of ['organization', 'login_hint', 'prompt']) if (query(name)) extra[name] = query(name);
    ctx.status = 303;
    ctx.redirect(await authorizeUrl(clientId, extra, lane, host));
  });

  router.post('/login', async (ctx) => {
    const form = await readForm(ctx);
    const clientId = form.client ?? '';
    if (!clients().some((app) => app.clientId === clientId)) {
      ctx.status = 400;
      render(ctx, undefined, 'Choose one of the listed applications.');
      return;
    }
    const extra: Record<string, string> = {};
    if (form.organization) extra.organization = form.organization;
    if (form.login_hint) extra.login_hint = form.login_hint;
    if (form.prompt) extra.prompt = form.prompt;
    ctx.status = 303;
    ctx.redirect(await authorizeUrl(clientId, extra));
  });

  // An IdP-initiated SAML answer, validated and parked by the ACS: sign in to the org with
  // the client of its isolation model, naming the parked answer in login_hint.
  router.get('/idp-initiated', async (ctx) => {
    const org = typeof ctx.query.org === 'string' ? services.orgs.find(ctx.query.org) : undefined;
    const handle = typeof ctx.query.handle === 'string' ? ctx.query.handle : '';
    if (!org || !/^[\w-]{10,100}$/.test(handle)) {
      ctx.status = 400;
      render(ctx, undefined, 'This IdP-initiated sign-in is incomplete; start it again at the identity provider.');
      return;
    }
    const preferred = services.isolation.compare(org.id).find((model) => model.active)?.clientId;
    const clientId = clients().some((app) => app.clientId === preferred) ? (preferred as string) : SAMPLE_CLIENT_ID;
    ctx.status = 303;
    ctx.redirect(await authorizeUrl(clientId, { organization: org.slug, login_hint: `idp-initiated:${handle}` }));
  });

  router.get('/callback', async (ctx) => {
    const state = typeof ctx.query.state === 'string' ? ctx.query.state : '';
    const login = pending.get(state);
    pending.delete(state);
    if (!login || login.expiresAt < Date.now()) {
      ctx.status = 400;
      render(ctx, undefined, 'This sign-in response is unknown or expired; start again.');
      return;
    }
    if (typeof ctx.query.error === 'string') {
      ctx.status = 400;
      render(ctx, undefined, `${ctx.query.error}: ${String(ctx.query.error_description ?? '')}`);
      return;
    }
    try {
      const config = await configFor(login.clientId, login.host);
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${protocolUrl}${ctx.originalUrl}`), {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      remember(sessions, sessionId(ctx, login.lane), {
        clientId: login.clientId,
        tokens: { ...tokens },
        refreshed: 0,
        host: login.host,
      });
      if (login.lane) for (const name of PROVIDER_SESSION_COOKIES) ctx.cookies.set(name, null, { path: '/' });
      ctx.status = 303;
      ctx.redirect(homeOf(urls.home, login.lane));
    } catch (error) {
      ctx.status = 400;
      render(ctx, undefined, `The token exchange failed: ${(error as Error).message}`);
    }
  });

  router.post('/refresh', async (ctx) => {
    const lane = laneOf(ctx.query.lane);
    const id = ctx.cookies.get(cookieOf(lane)) ?? '';
    const session = sessions.get(id);
    const refreshToken = session?.tokens.refresh_token;
    if (!session || typeof refreshToken !== 'string') {
      ctx.status = 303;
      ctx.redirect(homeOf(urls.home, lane));
      return;
    }
    try {
      const tokens = await oidc.refreshTokenGrant(await configFor(session.clientId, session.host), refreshToken);
      sessions.set(id, { ...session, tokens: { ...session.tokens, ...tokens }, refreshed: session.refreshed + 1 });
      ctx.status = 303;
      ctx.redirect(homeOf(urls.home, lane));
    } catch (error) {
      render(ctx, session, `Refresh failed: ${(error as Error).message}`, lane);
    }
  });

  router.post('/logout', async (ctx) => {
    const id = ctx.cookies.get(cookieOf(laneOf(ctx.query.lane))) ?? '';
    const session = sessions.get(id);
    sessions.delete(id);
    if (!session) {
      ctx.status = 303;
      ctx.redirect(urls.home);
      return;
    }
    const config = await configFor(session.clientId, session.host);
    const idToken = session.tokens.id_token;
    ctx.status = 303;
    ctx.redirect(
      oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: urls.home,
        ...(typeof idToken === 'string' ? { id_token_hint: idToken } : {}),
      }).href,
    );
  });

  const app = new Koa();
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      ctx.status = (error as { status?: number }).status ?? 500;
      render(ctx, undefined, `The sample app hit an error: ${(error as Error).message}`);
    }
  });
  app.use(router.routes());
  return app;
}
