// OIDC federation end to end over real HTTP: an app signs in at Orgbench's hosted login
// page, home-realm discovery sends the browser to the org's mock OIDC IdP (persona
// picker in the vendor's look), the callback validates with openid-client, and the app
// gets Orgbench tokens. Then every OIDC fault, and the RP cases of security.md §2
// (#22 state, #23 nonce, #24 mix-up, #25 ID token claims, #26 signature, #27 http, #28).
import { describe, expect, it } from 'vitest';
import { vendorPresetSchema, type FaultName, type MockIdp, type VendorPreset } from '../../server/model/federation';
import { entraGroupId, VENDOR_CLAIM_NAMES } from '../../server/mock-idp/oidc/vendor-claims';
import { Browser } from '../helpers/browser-client';
import { claimsOf, sampleRedirect } from '../helpers/demo';
import {
  api,
  drive,
  expectRefusedOnce,
  federatedOrg,
  members,
  ruleOf,
  sampleAppLogin,
  traceOf,
  type FederatedOrg,
} from '../helpers/federation';
import { serverPerTest, startTestServer, type TestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';

const PRESETS = vendorPresetSchema.options;

/** An org whose domain routes to a connection to a fresh mock OIDC IdP of `preset`. */
function oidcOrg(server: TestServer, preset: VendorPreset, name: string = preset): Promise<FederatedOrg> {
  return federatedOrg(server, {
    kind: 'oidc',
    preset,
    name,
    connection: (idp) => {
      const groupClaim = VENDOR_CLAIM_NAMES[preset].groups;
      const adminsAsSent = preset === 'entra' ? entraGroupId(idp.id, 'admins') : 'admins';
      return {
        ...(preset === 'okta' ? { oidc: { scopes: ['openid', 'email', 'profile', 'groups'] } } : {}),
        mapping: {
          attributes: { email: VENDOR_CLAIM_NAMES[preset].email, ...(groupClaim ? { groups: groupClaim } : {}) },
          groupRoles: groupClaim ? [{ group: adminsAsSent, roles: ['admin'] }] : [],
          defaultRoles: ['member'],
        },
      };
    },
  });
}

const callbackPrefix = (server: TestServer) => `${server.protocolUrl}/federation/oidc/`;

describe('OIDC federation through a mock IdP of every vendor', () => {
  const ctx = serverPerTest();

  it.each(PRESETS)(
    '%s: hosted login page → home realm → persona picker → callback → Orgbench tokens',
    async (preset) => {
      const { server } = ctx;
      const fixture = await oidcOrg(server, preset);
      const browser = new Browser();
      const login = await sampleAppLogin(server);
      // An address the IdP does not know: it shows its picker, and the user picks Jane.
      const { hop, saw } = await drive(browser, login.url, sampleRedirect(server), {
        email: `new.hire@${fixture.domain}`,
      });
      expect(saw).toEqual(['identifier', 'picker']);
      const picker = browser.history.find((page) => page.body.includes('data-testid="mock-idp-page"'));
      expect(picker?.body).toContain(`data-preset="${preset}"`);
      expect(picker?.body).toContain('>MOCK<');
      expect(hop.location, hop.body.slice(0, 500)).toMatch(/^.*\/sample\/callback\?code=/);

      const tokens = await login.redeem(hop.location ?? '');
      const expectedRoles = preset === 'google' ? ['member'] : ['member', 'admin'];
      expect(claimsOf(tokens.id_token)).toMatchObject({
        email: `jane@${fixture.domain}`,
        org_id: fixture.orgId,
        org_name: `Org ${preset}`,
      });
      expect([...(claimsOf(tokens.id_token).org_roles as string[])].sort()).toEqual(expectedRoles.sort());
      expect(await login.session(browser)).toBe('session');

      // The upstream part of the login (the consent prompt that follows has its own interaction).
      const trace = await traceOf(server, fixture.connection.id);
      expect(trace).toMatchObject({ failedRule: null, persona: 'jane', orgId: fixture.orgId });
      const passed = trace.steps.filter((step) => step.status === 'ok').map((step) => step.rule);
      for (const rule of [
        'oidc_state',
        'oidc_issuer',
        'oidc_signature',
        'oidc_audience',
        'oidc_expired',
        'oidc_nonce',
        'oidc_required_claim',
      ]) {
        expect(passed).toContain(rule);
      }
      const idToken = trace.steps.find((step) => step.title === 'ID token')?.detail as {
        id_token: { claims: Record<string, unknown> };
      };
      expect(idToken.id_token.claims).toMatchObject({
        orgbench_persona: 'jane',
        orgbench_mock: true,
        iss: fixture.idp.entityId,
      });
    },
  );

  it('a login_hint naming a persona (handle or email) skips the picker', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'okta');
    for (const hint of ['sam', `sam@${fixture.domain}`]) {
      const browser = new Browser();
      const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: hint });
      const { hop, saw } = await drive(browser, login.url, sampleRedirect(server));
      expect(saw).toEqual([]);
      const tokens = await login.redeem(hop.location ?? '');
      expect(claimsOf(tokens.id_token)).toMatchObject({ email: `sam@${fixture.domain}`, org_roles: ['member'] });
    }
  });

  it('a persona edited on the picker signs in as edited, for that login only', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'generic');
    const login = await sampleAppLogin(server, { organization: fixture.org });
    const { hop } = await drive(new Browser(), login.url, sampleRedirect(server), {
      persona: 'lee',
      edits: {
        'name.lee': 'Lee Promoted',
        'email.lee': `lee.p@${fixture.domain}`,
        'groups.lee': 'contractors, admins',
      },
    });
    const claims = claimsOf((await login.redeem(hop.location ?? '')).id_token);
    expect(claims).toMatchObject({ email: `lee.p@${fixture.domain}`, name: 'Lee Promoted' });
    expect(claims.org_roles).toContain('admin');
    const personas = (await api<MockIdp>(server, 'GET', `/api/mock-idps/${fixture.idp.id}`)).personas;
    expect(personas.find((persona) => persona.handle === 'lee')?.email).toBe(`lee@${fixture.domain}`);
  });

  it('scripted logins (POST /api/logins, `orgbench login`) go through the OIDC mock and report a fault’s rule', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'entra');
    const ok = await api<{ ok: boolean; persona: string; idTokenClaims: Record<string, unknown> }>(
      server,
      'POST',
      '/api/logins',
      {
        org: fixture.org,
        persona: 'sam',
      },
    );
    expect(ok).toMatchObject({ ok: true, persona: 'sam', idTokenClaims: { email: `sam@${fixture.domain}` } });
    const refused = await api<{ ok: boolean; rule: string }>(server, 'POST', '/api/logins', {
      org: fixture.org,
      fault: 'tampered',
    });
    expect(refused).toMatchObject({ ok: false, rule: 'oidc_signature' });
  });

  it('Cancel on the picker comes back as access_denied: oidc_consent_denied, no session', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'google');
    const browser = new Browser();
    const login = await sampleAppLogin(server, { organization: fixture.org });
    const { hop } = await drive(browser, login.url, sampleRedirect(server), { cancel: true });
    expect(ruleOf(hop)).toBe('oidc_consent_denied');
    expect(await login.session(browser)).toBe('login_required');
  });
});

describe('every OIDC fault is refused with its rule and leaves no session', () => {
  const ctx = serverPerTest();

  const cases: [FaultName, number | undefined, string][] = [
    ['expired', undefined, 'oidc_expired'],
    ['not_yet_valid', undefined, 'oidc_not_yet_valid'],
    ['wrong_audience', undefined, 'oidc_audience'],
    ['wrong_issuer', undefined, 'oidc_issuer'],
    ['unsigned', undefined, 'oidc_signature'],
    ['unknown_key', undefined, 'oidc_signature'],
    ['tampered', undefined, 'oidc_signature'],
    ['missing_attribute', undefined, 'oidc_required_claim'],
    ['replay', undefined, 'oidc_nonce'],
    ['clock_skew', 15, 'oidc_not_yet_valid'],
    ['clock_skew', -120, 'oidc_expired'],
    ['idp_error', undefined, 'oidc_idp_error'],
    ['consent_denied', undefined, 'oidc_consent_denied'],
    ['wrong_nonce', undefined, 'oidc_nonce'],
    ['wrong_state', undefined, 'oidc_state'],
  ];

  it.each(cases)('%s (%s) → %s', async (fault, amount, rule) => {
    const { server } = ctx;
    await expectRefusedOnce(
      server,
      await oidcOrg(server, fault === 'not_yet_valid' ? 'okta' : 'entra'),
      { fault, amount },
      rule,
    );
  });

  it('slow: a delay under the timeout is only slow, and the trace shows it', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'ping');
    await api(server, 'POST', `/api/mock-idps/${fixture.idp.id}/faults`, { fault: 'slow', amount: 400 });
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    const { hop } = await drive(new Browser(), login.url, sampleRedirect(server));
    expect(hop.location).toMatch(/code=/);
    const trace = await traceOf(server, fixture.connection.id);
    const exchange = trace.steps.find((step) => step.title.startsWith('Token request'));
    expect(exchange?.durationMs).toBeGreaterThanOrEqual(400);
  });
});

describe('the relying party cases of security.md §2', () => {
  const ctx = serverPerTest();

  /** Runs a login up to the IdP's answer and returns the callback URL it redirects to. */
  async function answerFromIdp(
    server: TestServer,
    fixture: FederatedOrg,
    browser: Browser,
    authorize: Record<string, string> = {},
  ) {
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane', ...authorize });
    const { hop } = await drive(browser, login.url, callbackPrefix(server));
    expect(hop.location).toMatch(/\/callback\?code=/);
    return { login, callback: new URL(hop.location ?? '') };
  }

  const deliver = (browser: Browser, server: TestServer, url: URL | string) =>
    browser.follow(String(url), sampleRedirect(server));

  it('#22 a callback with another state, or none, is refused and does not cancel the real login; a replay is refused', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'okta');
    const browser = new Browser();
    const { login, callback } = await answerFromIdp(server, fixture, browser);

    for (const state of ['forged-state', null]) {
      const forged = new URL(callback);
      if (state) forged.searchParams.set('state', state);
      else forged.searchParams.delete('state');
      const refused = await deliver(new Browser(), server, forged);
      expect(refused.status).toBe(400);
      expect(ruleOf(refused)).toBe('oidc_state');
    }

    const genuine = await deliver(browser, server, callback);
    expect(genuine.location).toMatch(/code=/);
    expect(claimsOf((await login.redeem(genuine.location ?? '')).id_token).email).toBe(`jane@${fixture.domain}`);

    const replay = await deliver(browser, server, callback);
    expect(ruleOf(replay)).toBe('oidc_state');
  });

  it('#23 an ID token whose nonce is missing or wrong is refused', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'generic');
    // Missing: the request reaches the IdP without its nonce, so the ID token has none.
    const browser = new Browser();
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    const { hop } = await drive(browser, login.url, `${fixture.idp.entityId}/authorize`);
    const authorize = new URL(hop.location ?? '');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    authorize.searchParams.delete('nonce');
    const refused = await deliver(browser, server, authorize);
    expect(ruleOf(refused)).toBe('oidc_nonce');
    expect(await login.session(browser)).toBe('login_required');
  });

  it('#24 mix-up: another issuer in iss, no iss, or the answer at another connection’s redirect URI', async () => {
    const { server } = ctx;
    const a = await oidcOrg(server, 'okta', 'idp-a');
    const b = await oidcOrg(server, 'entra', 'idp-b');

    const first = new Browser();
    const wrongIss = await answerFromIdp(server, a, first);
    wrongIss.callback.searchParams.set('iss', b.idp.entityId);
    expect(ruleOf(await deliver(first, server, wrongIss.callback))).toBe('oidc_issuer');

    const second = new Browser();
    const noIss = await answerFromIdp(server, a, second);
    noIss.callback.searchParams.delete('iss');
    expect(ruleOf(await deliver(second, server, noIss.callback))).toBe('oidc_issuer');

    const browser = new Browser();
    const elsewhere = await answerFromIdp(server, a, browser);
    const atB = new URL(b.connection.sp.redirectUri ?? '');
    atB.search = elsewhere.callback.search;
    const refused = await deliver(browser, server, atB);
    expect(ruleOf(refused)).toBe('oidc_issuer');
    expect(await members(server, a.org)).toEqual([]);
    expect(await members(server, b.org)).toEqual([]);
    expect((await traceOf(server, a.connection.id, 'failure')).steps.at(-1)?.detail).toMatchObject({
      startedFor: a.connection.id,
      arrivedAt: b.connection.id,
    });
  });

  it('#25/#26 ID tokens with another aud, another iss, expired, alg none or a bad signature are refused over plain HTTP', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'google');
    for (const [fault, rule] of [
      ['wrong_audience', 'oidc_audience'],
      ['wrong_issuer', 'oidc_issuer'],
      ['expired', 'oidc_expired'],
      ['unsigned', 'oidc_signature'],
      ['tampered', 'oidc_signature'],
    ] as const) {
      await api(server, 'POST', `/api/mock-idps/${fixture.idp.id}/faults`, { fault });
      const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
      const { hop } = await drive(new Browser(), login.url, sampleRedirect(server));
      expect(ruleOf(hop), fault).toBe(rule);
    }
    const failure = await traceOf(server, fixture.connection.id, 'failure');
    const decoded = failure.steps.find((step) => step.status === 'fail')?.detail as {
      id_token?: { claims: Record<string, unknown> };
    };
    expect(decoded.id_token?.claims.email).toBe(`ceo@${fixture.domain}`);
  });

  it('#27 a plain-http issuer that is not loopback is refused as configuration, before any request', async () => {
    const { server } = ctx;
    const org = await api<{ slug: string }>(server, 'POST', '/api/orgs', {
      name: 'Remote',
      slug: 'remote',
      domains: ['remote.example'],
    });
    const refused = await server.api('POST', `/api/orgs/${org.slug}/connections`, {
      name: 'Remote IdP',
      kind: 'oidc',
      oidc: { issuer: 'http://idp.remote.example', clientId: 'orgbench', clientSecret: 'secret' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { fields: [{ path: 'oidc.issuer' }] } });
    expect(
      (await api<{ connections: unknown[] }>(server, 'GET', `/api/orgs/${org.slug}/connections`)).connections,
    ).toEqual([]);
    // HTTPS, or HTTP on loopback, is accepted.
    const ok = await server.api('POST', `/api/orgs/${org.slug}/connections`, {
      name: 'Remote IdP',
      kind: 'oidc',
      oidc: { issuer: 'https://idp.remote.example', clientId: 'orgbench', clientSecret: 'secret' },
    });
    expect(ok.status).toBe(201);
  });

  it('#28 a discovery document naming another issuer is refused (also reached through *.localhost)', async () => {
    const { server } = ctx;
    const fixture = await oidcOrg(server, 'generic');
    const port = new URL(server.protocolUrl).port;
    for (const host of ['localhost', 'idp.acme.localhost']) {
      const issuer = `http://${host}:${port}/mock/oidc/${fixture.idp.slug}`;
      await api(server, 'PATCH', `/api/connections/${fixture.connection.id}`, { oidc: { issuer } });
      const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
      const { hop } = await drive(new Browser(), login.url, sampleRedirect(server));
      expect(ruleOf(hop), host).toBe('oidc_discovery_issuer');
    }
  });
});

describe('RP transactions expire', () => {
  it('an answer that comes back after 10 minutes is refused', async () => {
    const dir = makeTempDir();
    let offset = 0;
    const server = await startTestServer({}, dir, { clock: { now: () => new Date(Date.now() + offset) } });
    try {
      const fixture = await oidcOrg(server, 'okta');
      const browser = new Browser();
      const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
      const { hop } = await drive(browser, login.url, callbackPrefix(server));
      offset = 11 * 60 * 1000;
      const late = await browser.follow(hop.location ?? '', sampleRedirect(server));
      expect(ruleOf(late)).toBe('oidc_state');
      expect(late.body).toContain('10 minutes');
    } finally {
      await server.stop();
      dir.remove();
    }
  });
});
