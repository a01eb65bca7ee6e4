// Token endpoint behaviour: refresh rotation and reuse, code replay and parallel
// redemption, machine-to-machine tokens with org context, Dynamic Client Registration,
// introspection and revocation, and the negative cases of security.md §2.
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { Browser } from '../helpers/browser-client';
import {
  DEMO_API,
  DEMO_PASSWORD,
  M2M,
  claimsOf,
  defaultIssuer,
  demoLogin,
  orgId,
  sampleRedirect,
  secretOf,
} from '../helpers/demo';
import { serverPerTest } from '../helpers/server';

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('tokens', () => {
  const ctx = serverPerTest({ demo: true });
  const tokenUrl = () => `${defaultIssuer(ctx.server)}/token`;

  const sampleLogin = () => demoLogin(ctx.server, { organization: 'acme' });

  const postToken = async (auth: string, form: Record<string, string>) => {
    const response = await fetch(tokenUrl(), {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('rotates refresh tokens and revokes the grant when an old one is reused', async () => {
    const { config, tokens } = await sampleLogin();
    const first = tokens.refresh_token ?? '';
    const rotated = await oidc.refreshTokenGrant(config, first);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(first);
    expect(claimsOf(rotated.id_token)).toMatchObject({ org_name: 'Acme Corporation' });

    await expect(oidc.refreshTokenGrant(config, first)).rejects.toMatchObject({ error: 'invalid_grant' });
    // Reuse revoked the whole grant: the newest refresh token is dead too.
    await expect(oidc.refreshTokenGrant(config, rotated.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a replayed code and revokes what the code gave', async () => {
    const { config, tokens, callback, verifier } = await sampleLogin();
    const replay = oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: callback.searchParams.get('state') ?? '',
    });
    await expect(replay).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('gives exactly one success to 20 parallel redemptions of one code', async () => {
    const secret = await secretOf(ctx.server, 'orgbench-sample');
    const browser = new Browser();
    const verifier = oidc.randomPKCECodeVerifier();
    const authorize = new URL(`${defaultIssuer(ctx.server)}/auth`);
    authorize.search = new URLSearchParams({
      client_id: 'orgbench-sample',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: sampleRedirect(ctx.server),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      organization: 'acme',
      login_hint: 'alice@acme.test',
    }).toString();
    let hop = await browser.follow(authorize.href, sampleRedirect(ctx.server));
    const action = /action="([^"]+)"/.exec(hop.body)?.[1] ?? '';
    hop = await browser.follow(new URL(action, hop.url).href, sampleRedirect(ctx.server), {
      form: { email: 'alice@acme.test', password: DEMO_PASSWORD },
    });
    const code = new URL(hop.location ?? '').searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        postToken(basic('orgbench-sample', secret), {
          grant_type: 'authorization_code',
          code,
          redirect_uri: sampleRedirect(ctx.server),
          code_verifier: verifier,
        }),
      ),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(1);
    expect(results.filter((result) => result.body.error === 'invalid_grant')).toHaveLength(19);
  });

  it('issues machine-to-machine tokens carrying the owning org', async () => {
    const jwt = await postToken(basic(M2M.clientId, M2M.secret), {
      grant_type: 'client_credentials',
      resource: DEMO_API,
      scope: 'invoices:read',
    });
    expect(jwt.status).toBe(200);
    const claims = decodeJwt(String(jwt.body.access_token));
    expect(claims).toMatchObject({
      aud: DEMO_API,
      client_id: M2M.clientId,
      scope: 'invoices:read',
      org_id: await orgId(ctx.server, 'acme'),
      org_name: 'Acme Corporation',
    });

    const opaque = await postToken(basic(M2M.clientId, M2M.secret), { grant_type: 'client_credentials' });
    expect(opaque.status).toBe(200);
    const introspection = await fetch(`${defaultIssuer(ctx.server)}/token/introspection`, {
      method: 'POST',
      headers: { authorization: basic(M2M.clientId, M2M.secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: String(opaque.body.access_token) }),
    });
    expect(await introspection.json()).toMatchObject({
      active: true,
      client_id: M2M.clientId,
      org_name: 'Acme Corporation',
    });
  });

  it('records issued tokens for the inspector, with org, client and user', async () => {
    await sampleLogin();
    const listed = await ctx.server.api('GET', '/api/tokens?org=acme&client=orgbench-sample');
    const tokens = (listed.body as { tokens: { kind: string; orgId: string; subject: string; id: number }[] }).tokens;
    expect(tokens.map((token) => token.kind).sort()).toEqual(['access_token', 'id_token', 'refresh_token']);
    expect(new Set(tokens.map((token) => token.orgId))).toEqual(new Set([await orgId(ctx.server, 'acme')]));
    const idToken = tokens.find((token) => token.kind === 'id_token');
    const detail = await ctx.server.api('GET', `/api/tokens/${idToken?.id}`);
    expect(detail.body).toMatchObject({
      inspection: { format: 'jwt', signature: { status: 'valid' }, expiry: { expired: false } },
    });
  });

  it('introspects and revokes access tokens', async () => {
    const { tokens } = await sampleLogin();
    const secret = await secretOf(ctx.server, 'orgbench-sample');
    const introspect = async () =>
      (await (
        await fetch(`${defaultIssuer(ctx.server)}/token/introspection`, {
          method: 'POST',
          headers: {
            authorization: basic('orgbench-sample', secret),
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ token: tokens.access_token }),
        })
      ).json()) as { active: boolean; org_name?: string };
    expect(await introspect()).toMatchObject({ active: true, org_name: 'Acme Corporation' });
    const revoke = await fetch(`${defaultIssuer(ctx.server)}/token/revocation`, {
      method: 'POST',
      headers: { authorization: basic('orgbench-sample', secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    expect(revoke.status).toBe(200);
    expect(await introspect()).toMatchObject({ active: false });
  });

  it('registers clients dynamically behind the initial access token, owned by an org', async () => {
    const register = (auth: string | undefined, body: Record<string, unknown>) =>
      fetch(`${defaultIssuer(ctx.server)}/reg`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify(body),
      });
    const metadata = { redirect_uris: ['http://127.0.0.1:9/cb'], client_name: 'Throwaway', organization_id: 'globex' };
    expect((await register(undefined, metadata)).status).toBe(401);
    expect((await register('Bearer not-the-token', metadata)).status).toBe(401);

    const created = await register(`Bearer ${ctx.server.adminToken}`, metadata);
    expect(created.status).toBe(201);
    const client = (await created.json()) as { client_id: string; client_secret: string; organization_id: string };
    expect(client.organization_id).toBe(await orgId(ctx.server, 'globex'));
    const app = await ctx.server.api('GET', `/api/apps/${client.client_id}`);
    expect(app.body).toMatchObject({ name: 'Throwaway', source: 'registration', ownerOrgId: client.organization_id });

    const bad = await register(`Bearer ${ctx.server.adminToken}`, { ...metadata, organization_id: 'nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_client_metadata' });
  });

  describe('negative cases (security.md §2)', () => {
    const authorizeStatus = async (params: Record<string, string>) => {
      const url = new URL(`${defaultIssuer(ctx.server)}/auth`);
      url.search = new URLSearchParams({
        client_id: 'orgbench-sample',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: sampleRedirect(ctx.server),
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ...params,
      }).toString();
      const response = await fetch(url, { redirect: 'manual' });
      return { status: response.status, location: response.headers.get('location') ?? '', body: await response.text() };
    };

    it.each([
      ['a trailing slash', (u: string) => `${u}/`],
      ['another port', (u: string) => u.replace(/:(\d+)\//, (_m, port: string) => `:${Number(port) + 1}/`)],
      ['an extra path segment', (u: string) => `${u}/evil`],
      ['a query string', (u: string) => `${u}?next=https://evil.example`],
      ['another host', (u: string) => u.replace('127.0.0.1', 'evil.example')],
      ['different case', (u: string) => u.replace('callback', 'Callback')],
    ])('refuses a redirect_uri with %s and never redirects to it', async (_label, mutate) => {
      const result = await authorizeStatus({ redirect_uri: mutate(sampleRedirect(ctx.server)) });
      expect(result.status).toBe(400);
      expect(result.location).toBe('');
      expect(result.body).toContain('redirect_uri');
    });

    it('requires PKCE with S256 for every client, confidential ones included', async () => {
      const missing = await authorizeStatus({ code_challenge: '', code_challenge_method: '' });
      expect(new URL(missing.location).searchParams.get('error')).toBe('invalid_request');
      const plain = await authorizeStatus({ code_challenge_method: 'plain' });
      expect(new URL(plain.location).searchParams.get('error')).toBe('invalid_request');
    });

    it('refuses an unknown client without redirecting', async () => {
      const result = await authorizeStatus({ client_id: 'who-is-this' });
      expect(result.status).toBe(400);
      expect(result.location).toBe('');
      expect(result.body).toContain('invalid_client');
    });

    it('refuses a wrong client secret and a wrong PKCE verifier', async () => {
      const wrongSecret = await postToken(basic(M2M.clientId, 'not-the-secret'), { grant_type: 'client_credentials' });
      expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });

      const { config, callback } = await sampleLogin().then(async (first) => {
        // A second login gives a fresh, unredeemed code to misuse.
        const browser = first.browser;
        const verifier = oidc.randomPKCECodeVerifier();
        const url = oidc.buildAuthorizationUrl(first.config, {
          redirect_uri: sampleRedirect(ctx.server),
          scope: 'openid',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state: 'st',
          organization: 'acme',
        });
        const hop = await browser.follow(url.href, sampleRedirect(ctx.server));
        return { config: first.config, callback: new URL(hop.location ?? '') };
      });
      const downgraded = oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
        expectedState: 'st',
      });
      await expect(downgraded).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses the implicit flow', async () => {
      const result = await authorizeStatus({ response_type: 'token' });
      // The error goes back in the fragment, as the implicit flow would have used it; no token is issued.
      const fragment = new URLSearchParams(new URL(result.location).hash.slice(1));
      expect(fragment.get('error')).toBe('unsupported_response_type');
      expect(fragment.get('access_token')).toBeNull();
    });
  });
});
