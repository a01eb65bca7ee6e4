// Vanity login hosts over real HTTP: discovery and tokens on login.<slug>.localhost carry
// the host's issuer, the host fixes the org, custom hosts are validated and change nothing
// when refused, unknown *.localhost names get a 404 naming them, and the URL doctor flags
// seeded mismatches.
import type { LookupFunction } from 'node:net';
import * as oidc from 'openid-client';
import { getGlobalDispatcher, setGlobalDispatcher, Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackAwareLookup } from '../../server/federation/oidc/upstream-fetch';
import type { OrgVanityHosts, UrlDoctorReport } from '../../server/model/vanity-host';
import { Browser, LoginError, formAction, login } from '../helpers/browser-client';
import { DEMO_PASSWORD, claimsOf, orgId, sampleRedirect, secretOf } from '../helpers/demo';
import { drive } from '../helpers/federation';
import { serverPerTest, type TestServer } from '../helpers/server';

// Browsers reach *.localhost by themselves and custom names through a resolver rule;
// Node needs the same mapping, given here to every fetch of this file.
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname.endsWith('.test')) return loopbackAwareLookup('mapped.localhost', options, callback);
  return loopbackAwareLookup(hostname, options, callback);
};
let previous: Dispatcher;
beforeAll(() => {
  previous = getGlobalDispatcher();
  setGlobalDispatcher(new Agent({ connect: { lookup } }));
});
afterAll(() => setGlobalDispatcher(previous));

const port = (server: TestServer) => new URL(server.protocolUrl).port;
const vanityIssuer = (server: TestServer, host: string, path = '/default/default') =>
  `http://${host}:${port(server)}${path}`;

async function json(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('vanity login hosts', () => {
  const ctx = serverPerTest({ demo: true });

  const loginOn = async (host: string, email: string, extra: Record<string, string> = {}) =>
    login({
      issuer: vanityIssuer(ctx.server, host),
      clientId: 'orgbench-sample',
      clientSecret: await secretOf(ctx.server, 'orgbench-sample'),
      redirectUri: sampleRedirect(ctx.server),
      email,
      password: DEMO_PASSWORD,
      extra,
    });

  it('serves discovery on login.acme.localhost with every endpoint on that host', async () => {
    const issuer = vanityIssuer(ctx.server, 'login.acme.localhost');
    const { status, body } = await json(`${issuer}/.well-known/openid-configuration`);
    expect(status).toBe(200);
    expect(body.issuer).toBe(issuer);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint']) {
      expect(String(body[key])).toMatch(new RegExp(`^${issuer}/`));
    }
    // The tenant's keys: the same JWKS as on the loopback issuer.
    const vanityKeys = await json(String(body.jwks_uri));
    const loopbackKeys = await json(`${ctx.server.protocolUrl}/default/default/jwks`);
    expect(vanityKeys.body).toEqual(loopbackKeys.body);
  });

  it('signs in through the vanity host: iss is the vanity issuer and the org is fixed to acme', async () => {
    const alice = await loginOn('login.acme.localhost', 'alice@acme.test');
    expect(alice.saw).toEqual(['identifier', 'password']);
    expect(claimsOf(alice.tokens.id_token)).toMatchObject({
      iss: vanityIssuer(ctx.server, 'login.acme.localhost'),
      org_id: await orgId(ctx.server, 'acme'),
      org_name: 'Acme Corporation',
    });
    // The token inspector checks a vanity issuer's token with the tenant's keys.
    const inspected = await ctx.server.api('POST', '/api/tokens/inspect', { token: alice.tokens.id_token });
    expect(inspected.body).toMatchObject({ signature: { status: 'valid' } });
    // Erin belongs to Acme and Globex: on Acme's host there is no picker.
    const erin = await loginOn('login.acme.localhost', 'erin@consult.test');
    expect(erin.saw).toEqual(['identifier', 'password']);
    expect(claimsOf(erin.tokens.id_token)).toMatchObject({ org_name: 'Acme Corporation' });
    const userinfo = await oidc.fetchUserInfo(
      erin.config,
      erin.tokens.access_token,
      claimsOf(erin.tokens.id_token).sub as string,
    );
    expect(userinfo).toMatchObject({ org_name: 'Acme Corporation' });
  });

  it('refuses a user of another org, and an app asking for another org, with a clear message', async () => {
    const bob = loginOn('login.acme.localhost', 'bob@globex.test');
    await expect(bob).rejects.toThrow(LoginError);
    await expect(bob).rejects.toThrow(/not a member of Acme Corporation, which this sign-in address belongs to/);
    const asked = loginOn('login.acme.localhost', 'alice@acme.test', { organization: 'globex' });
    await expect(asked).rejects.toThrow(
      /This sign-in address belongs to Acme Corporation; the application asked for Globex/,
    );
  });

  it('serves a dedicated tenant on its own path and nothing of other tenants', async () => {
    const issuer = vanityIssuer(ctx.server, 'login.initech.localhost', '/initech/default');
    expect((await json(`${issuer}/.well-known/openid-configuration`)).body.issuer).toBe(issuer);
    const other = await fetch(
      `${vanityIssuer(ctx.server, 'login.initech.localhost')}/.well-known/openid-configuration`,
    );
    expect(other.status).toBe(404);
    const root = await json(`http://login.initech.localhost:${port(ctx.server)}/`);
    expect(root.body).toMatchObject({ issuer, organization: { slug: 'initech' } });
  });

  it('answers an unknown *.localhost name with a 404 naming it, and keeps mock IdP hosts and loopback', async () => {
    const unknown = await json(
      `http://login.nobody.localhost:${port(ctx.server)}/default/default/.well-known/openid-configuration`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'unknown_host' });
    expect(String(unknown.body.error_description)).toContain('login.nobody.localhost');
    const mock = await fetch(`http://idp.acme-okta.localhost:${port(ctx.server)}/mock/saml/acme-okta/metadata`);
    expect(mock.status).toBe(200);
    const loopback = await json(
      `http://localhost:${port(ctx.server)}/default/default/.well-known/openid-configuration`,
    );
    // Loopback names keep today's routing: the one loopback issuer, whatever the name.
    expect(loopback.body.issuer).toBe(`${ctx.server.protocolUrl}/default/default`);
  });

  it('adds a custom host that then serves the org; bad names are refused naming the field and change nothing', async () => {
    const before = (await ctx.server.api('GET', '/api/orgs/acme/vanity-hosts')).body as OrgVanityHosts;
    const refused: [unknown, number, RegExp][] = [
      [{ host: 'login.acme.test:8443' }, 400, /port/],
      [{ host: '10.1.2.3' }, 400, /IP address/],
      [{ host: 'https://login.acme.test/x' }, 400, /without scheme or path/],
      [{ host: 'localhost' }, 400, /admin listener/],
      [{ host: 'login.other.localhost' }, 400, /reserved/],
      [{ host: 'bad_name.test' }, 400, /letters, digits/],
      [{}, 400, /host name/],
    ];
    for (const [body, status, message] of refused) {
      const response = await ctx.server.api('POST', '/api/orgs/acme/vanity-hosts', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body).toMatchObject({ error: { code: 'validation_failed', fields: [{ path: 'host' }] } });
      expect(JSON.stringify(response.body)).toMatch(message);
    }
    const names = async (org: string) =>
      ((await ctx.server.api('GET', `/api/orgs/${org}/vanity-hosts`)).body as OrgVanityHosts).hosts.map((h) => h.host);
    expect(await names('acme')).toEqual(before.hosts.map((host) => host.host));
    expect(before.hosts[0]?.host).toBe('login.acme.localhost');

    const added = await ctx.server.api('POST', '/api/orgs/acme/vanity-hosts', { host: ' SSO.ACME.test ' });
    expect(added.status).toBe(201);
    expect((added.body as OrgVanityHosts).hosts.map((host) => host.host)).toEqual([
      ...before.hosts.map((host) => host.host),
      'sso.acme.test',
    ]);
    const globexBefore = await names('globex');
    const taken = await ctx.server.api('POST', '/api/orgs/globex/vanity-hosts', { host: 'sso.acme.test' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: { code: 'vanity_host_taken', fields: [{ path: 'host' }] } });
    expect(await names('globex')).toEqual(globexBefore);

    const issuer = vanityIssuer(ctx.server, 'sso.acme.test');
    expect((await json(`${issuer}/.well-known/openid-configuration`)).body.issuer).toBe(issuer);
    const { setup } = (await ctx.server.api('GET', '/api/vanity-hosts')).body as {
      setup: { hostsFile: string[]; resolverRules: string };
    };
    expect(setup.hostsFile).toContain('127.0.0.1 sso.acme.test');
    expect(setup.resolverRules).toContain('MAP sso.acme.test 127.0.0.1');

    const removed = await ctx.server.api('DELETE', '/api/orgs/acme/vanity-hosts/sso.acme.test');
    expect((removed.body as OrgVanityHosts).hosts).toEqual(before.hosts);
    const gone = await ctx.server.api('DELETE', '/api/orgs/acme/vanity-hosts/sso.acme.test');
    expect(gone.body).toMatchObject({ error: { code: 'vanity_host_not_found' } });
  });

  it('completes a federated login begun on the vanity host (the IdP answers on loopback, the browser returns)', async () => {
    const issuer = vanityIssuer(ctx.server, 'login.acme.localhost');
    const config = await oidc.discovery(
      new URL(issuer),
      'orgbench-sample',
      undefined,
      oidc.ClientSecretBasic(await secretOf(ctx.server, 'orgbench-sample')),
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: sampleRedirect(ctx.server),
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'vanity-saml',
      organization: 'acme',
    });
    const { hop, saw } = await drive(new Browser(), url.href, sampleRedirect(ctx.server), { persona: 'jane' });
    expect(saw).toContain('acs');
    const tokens = await oidc.authorizationCodeGrant(config, new URL(hop.location ?? ''), {
      pkceCodeVerifier: verifier,
      expectedState: 'vanity-saml',
    });
    expect(claimsOf(tokens.id_token)).toMatchObject({ iss: issuer, org_name: 'Acme Corporation' });
  });

  it('the sample app signs in on a vanity host with the client of the org’s isolation model', async () => {
    const { hosts } = (await ctx.server.api('GET', '/api/orgs/globex/vanity-hosts')).body as OrgVanityHosts;
    const browser = new Browser();
    const never = 'about:never';
    const identifier = await browser.follow(hosts[0]?.loginUrl ?? '', never);
    expect(identifier.url).toContain(`http://login.globex.localhost:${port(ctx.server)}/default/default/interaction/`);
    const password = await browser.follow(formAction(identifier), never, { form: { email: 'bob@globex.test' } });
    const home = await browser.follow(formAction(password), never, {
      form: { email: 'bob@globex.test', password: DEMO_PASSWORD },
    });
    expect(home.url).toBe(`${ctx.server.protocolUrl}/sample`);
    expect(home.body).toContain('data-testid="org-badge">Globex');
    expect(home.body).toContain(vanityIssuer(ctx.server, 'login.globex.localhost'));
    expect(browser.history.some((hop) => hop.url.includes('client_id=globex-app'))).toBe(true);
  });

  it('the URL doctor flags seeded mismatches with a rule, a subject and a fix', async () => {
    const p = port(ctx.server);
    const created = await ctx.server.api('POST', '/api/apps', {
      name: 'Acme portal',
      kind: 'web',
      ownerOrgId: 'acme',
      redirectUris: [
        `http://login.globex.localhost:${p}/callback`,
        'http://portal.acme.example/callback',
        'http://127.0.0.1:1/sample/callback',
        'http://localhost:3000/callback',
        'http://127.0.0.1:3000/callback',
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const app = (created.body as { clientId: string }).clientId;
    await ctx.server.api('POST', '/api/orgs/acme/vanity-hosts', { host: 'login.acme.invalid' });
    const issuer = encodeURIComponent(`http://127.0.0.1:${p}/default/default/`);
    const response = await ctx.server.api('GET', `/api/orgs/acme/url-doctor?issuer=${issuer}`);
    expect(response.status).toBe(200);
    const report = response.body as UrlDoctorReport;
    expect(report.expectedIssuer).toBe(vanityIssuer(ctx.server, 'login.acme.localhost'));
    const rules = report.findings.map(
      (entry) => `${entry.severity}:${entry.rule}:${entry.clientId === app ? 'app' : (entry.clientId ?? '')}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'error:issuer_trailing_slash:',
        'error:redirect_other_org_host:app',
        'warning:redirect_http_non_loopback:app',
        'error:redirect_port_mismatch:app',
        'warning:redirect_mixed_loopback_names:app',
        'info:redirect_ip_vs_login_host:app',
        'warning:host_unresolved:',
      ]),
    );
    for (const entry of report.findings) expect(entry.fix.length).toBeGreaterThan(10);
    expect(report.findings.find((entry) => entry.rule === 'redirect_other_org_host')?.message).toContain('Globex');
    // The shared sample client on today's port is fine.
    expect(report.findings.filter((entry) => entry.clientId === 'orgbench-sample')).toEqual([]);
  });
});
