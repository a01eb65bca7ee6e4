// SAML federation end to end over real HTTP: an app signs in at Orgbench's hosted login
// page, home-realm discovery sends the browser with an AuthnRequest to the org's mock SAML
// IdP (persona picker in the vendor's look), the auto-posted Response is validated at the
// cookie-less ACS, and the app gets Orgbench tokens. Then every SAML fault, refused with
// its rule and no session, and the SP cases of security.md §1 that need the whole server.
import { deflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { parseXml } from '../../server/federation/saml/saml-xml';
import { describe, expect, it } from 'vitest';
import {
  vendorPresetSchema,
  type Connection,
  type FaultName,
  type MockIdp,
  type SamlConnectionConfig,
  type SamlMockSettings,
  type VendorPreset,
} from '../../server/model/federation';
import { SAML_ATTRIBUTE_NAMES } from '../../server/mock-idp/saml/vendor-shapes';
import { readForm } from '../../server/logins/scripted-browser';
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
import { serverPerTest, type TestServer } from '../helpers/server';

const PRESETS = vendorPresetSchema.options;

/** An org whose email domain routes to a SAML connection to a fresh mock IdP of `preset`. */
function samlOrg(
  server: TestServer,
  preset: VendorPreset,
  options: { name?: string; idp?: Partial<SamlMockSettings>; saml?: Partial<SamlConnectionConfig> } = {},
): Promise<FederatedOrg> {
  const names = SAML_ATTRIBUTE_NAMES[preset];
  return federatedOrg(server, {
    kind: 'saml',
    preset,
    name: options.name ?? preset,
    ...(options.idp ? { idp: { saml: options.idp } } : {}),
    connection: () => ({
      ...(options.saml ? { saml: options.saml } : {}),
      mapping: {
        attributes: { email: names.email, ...(names.groups ? { groups: names.groups } : {}) },
        groupRoles: names.groups ? [{ group: 'admins', roles: ['admin'] }] : [],
        defaultRoles: ['member'],
      },
    }),
  });
}

const SAML_RULES = [
  'saml_size',
  'saml_doctype',
  'saml_processing_instruction',
  'saml_structure',
  'saml_sha1',
  'saml_status',
  'saml_replay',
  'saml_in_response_to',
  'saml_destination',
  'saml_audience',
  'saml_time',
  'saml_signature',
  'saml_issuer',
  'saml_recipient',
  'saml_nameid_format',
  'saml_required_attribute',
];

describe('SAML federation through a mock IdP of every vendor', () => {
  const ctx = serverPerTest();

  it.each(PRESETS)('%s: hosted login page → home realm → persona picker → ACS → Orgbench tokens', async (preset) => {
    const { server } = ctx;
    const fixture = await samlOrg(server, preset);
    const browser = new Browser();
    const login = await sampleAppLogin(server);
    const { hop, saw } = await drive(browser, login.url, sampleRedirect(server), {
      email: `new.hire@${fixture.domain}`,
    });
    expect(saw).toEqual(['identifier', 'picker', 'acs']);
    const picker = browser.history.find((page) => page.body.includes('data-testid="mock-idp-page"'));
    expect(picker?.body).toContain(`data-preset="${preset}"`);
    expect(hop.location, hop.body.slice(0, 500)).toMatch(/\/sample\/callback\?code=/);

    const tokens = await login.redeem(hop.location ?? '');
    expect(claimsOf(tokens.id_token)).toMatchObject({
      email: `jane@${fixture.domain}`,
      org_id: fixture.orgId,
      org_name: `Org ${preset}`,
    });
    expect([...(claimsOf(tokens.id_token).org_roles as string[])].sort()).toEqual(['admin', 'member']);
    expect(await login.session(browser)).toBe('session');

    const trace = await traceOf(server, fixture.connection.id);
    expect(trace).toMatchObject({ failedRule: null, persona: 'jane', orgId: fixture.orgId });
    const passed = trace.steps.filter((step) => step.status === 'ok').map((step) => step.rule);
    for (const rule of SAML_RULES) expect(passed).toContain(rule);
    const request = trace.steps.find((step) => step.title.startsWith('SAML AuthnRequest (HTTP-Redirect)'));
    expect(String(request?.detail?.xml)).toContain('samlp:AuthnRequest');
    expect(request?.detail?.signature).toMatch(/rsa-sha256/);
    const posted = trace.steps.find((step) => step.title === 'SAML Response posted to the ACS');
    expect(String(posted?.detail?.xml)).toContain(fixture.idp.entityId);
  });

  it('a login_hint naming a persona (handle or email) skips the picker', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'okta');
    for (const hint of ['sam', `sam@${fixture.domain}`]) {
      const browser = new Browser();
      const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: hint });
      const { hop, saw } = await drive(browser, login.url, sampleRedirect(server));
      expect(saw).toEqual(['acs']);
      const tokens = await login.redeem(hop.location ?? '');
      expect(claimsOf(tokens.id_token)).toMatchObject({ email: `sam@${fixture.domain}`, org_roles: ['member'] });
    }
  });

  it('a persona edited on the picker signs in as edited, for that login only', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'generic');
    const login = await sampleAppLogin(server, { organization: fixture.org });
    const { hop } = await drive(new Browser(), login.url, sampleRedirect(server), {
      persona: 'lee',
      edits: { email: `lee.p@${fixture.domain}`, displayName: 'Lee Promoted', groups: 'contractors, admins' },
    });
    const claims = claimsOf((await login.redeem(hop.location ?? '')).id_token);
    expect(claims).toMatchObject({ email: `lee.p@${fixture.domain}`, name: 'Lee Promoted' });
    expect(claims.org_roles).toContain('admin');
    const personas = (await api<MockIdp>(server, 'GET', `/api/mock-idps/${fixture.idp.id}`)).personas;
    expect(personas.find((persona) => persona.handle === 'lee')?.email).toBe(`lee@${fixture.domain}`);
  });

  it('Cancel on the picker answers with an error status: saml_status, no session', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'entra');
    const browser = new Browser();
    const login = await sampleAppLogin(server, { organization: fixture.org });
    const { hop } = await drive(browser, login.url, sampleRedirect(server), { cancel: true });
    expect(ruleOf(hop)).toBe('saml_status');
    expect(await login.session(browser)).toBe('login_required');
  });

  it('POST binding, signed AuthnRequest, encrypted assertion, both signatures required', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'secureauth', {
      idp: { signResponse: true, signAssertion: true, encryptAssertion: true },
      saml: { binding: 'post', wantResponseSigned: true },
    });
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    const { hop, saw } = await drive(new Browser(), login.url, sampleRedirect(server));
    expect(saw).toEqual(['post-binding', 'acs']);
    expect(claimsOf((await login.redeem(hop.location ?? '')).id_token)).toMatchObject({
      email: `jane@${fixture.domain}`,
    });
    const trace = await traceOf(server, fixture.connection.id);
    expect(trace.steps.find((step) => step.rule === 'saml_encryption')?.title).toMatch(/decrypted/);
    const request = trace.steps.find((step) => step.title.startsWith('SAML AuthnRequest (HTTP-POST)'));
    expect(String(request?.detail?.xml)).toMatch(/<Signature xmlns="http:\/\/www.w3.org\/2000\/09\/xmldsig#">/);
  });

  it('serves SP metadata per connection and IdP metadata per mock IdP', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'ping');
    const sp = await (await fetch(fixture.connection.sp.metadataUrl ?? '')).text();
    expect(sp).toContain(`entityID="${fixture.connection.sp.entityId}"`);
    expect(sp).toContain(`Location="${fixture.connection.sp.acsUrl}"`);
    expect(sp).toMatch(/AuthnRequestsSigned="true"/);
    expect(sp).toMatch(/WantAssertionsSigned="true"/);
    expect(sp).toContain('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    const idp = await (await fetch(fixture.idp.metadataUrl)).text();
    expect(idp).toContain(`entityID="${fixture.idp.entityId}"`);
    expect(idp).toContain(`Location="${fixture.idp.entityId}/sso"`);
  });
  it('single logout: a third-party SP’s LogoutRequest gets a signed LogoutResponse; Google has no SAML logout', async () => {
    const { server } = ctx;
    const okta = await samlOrg(server, 'okta');
    const logoutRequest = (fixture: FederatedOrg, issuer = 'https://app.example/saml/metadata') =>
      deflateRawSync(
        `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ` +
          `ID="_logout1" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${fixture.idp.entityId}/slo">` +
          `<saml:Issuer>${issuer}</saml:Issuer>` +
          `<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">jane@${fixture.domain}</saml:NameID>` +
          `</samlp:LogoutRequest>`,
      ).toString('base64');
    // An Orgbench connection signs its LogoutRequests; an unsigned one in its name is not trusted.
    const forged = await new Browser().request(
      `${okta.idp.entityId}/slo?SAMLRequest=${encodeURIComponent(logoutRequest(okta, okta.connection.sp.entityId))}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('not signed by');
    const page = await new Browser().request(
      `${okta.idp.entityId}/slo?SAMLRequest=${encodeURIComponent(logoutRequest(okta))}`,
    );
    expect(page.status).toBe(200);
    const xml = (/<pre>([\s\S]*?)<\/pre>/.exec(page.body)?.[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(xml).toContain('InResponseTo="_logout1"');
    const signature = parseXml(xml).getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
    const verifier = new SignedXml({ publicCert: okta.idp.certificate });
    verifier.loadSignature(signature as Node);
    expect(verifier.checkSignature(xml)).toBe(true);

    const google = await samlOrg(server, 'google');
    const refused = await new Browser().request(
      `${google.idp.entityId}/slo?SAMLRequest=${encodeURIComponent(logoutRequest(google))}`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('offers no SAML single logout');
  });
});

describe('every SAML fault is refused with its rule and leaves no session', () => {
  const ctx = serverPerTest();

  const cases: [FaultName, number | undefined, string][] = [
    ['expired', undefined, 'saml_time'],
    ['not_yet_valid', undefined, 'saml_time'],
    ['wrong_audience', undefined, 'saml_audience'],
    ['wrong_recipient', undefined, 'saml_recipient'],
    ['wrong_destination', undefined, 'saml_destination'],
    ['wrong_issuer', undefined, 'saml_issuer'],
    ['unsigned', undefined, 'saml_signature'],
    ['unknown_key', undefined, 'saml_signature'],
    ['tampered', undefined, 'saml_signature'],
    ['sha1', undefined, 'saml_sha1'],
    ['missing_attribute', undefined, 'saml_required_attribute'],
    ['wrong_nameid_format', undefined, 'saml_nameid_format'],
    ['clock_skew', 30, 'saml_time'],
    ['clock_skew', -30, 'saml_time'],
    ['idp_error', undefined, 'saml_status'],
    ['consent_denied', undefined, 'saml_status'],
  ];

  it.each(cases)('%s (%s) → %s', async (fault, amount, rule) => {
    const { server } = ctx;
    await expectRefusedOnce(
      server,
      await samlOrg(server, fault === 'sha1' ? 'okta' : 'entra'),
      { fault, amount },
      rule,
    );
  });

  it('replay: the IdP re-sends its previous response → saml_replay, no new session', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'google');
    const first = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    expect((await drive(new Browser(), first.url, sampleRedirect(server))).hop.location).toMatch(/code=/);
    await api(server, 'POST', `/api/mock-idps/${fixture.idp.id}/faults`, { fault: 'replay' });
    const browser = new Browser();
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    const { hop } = await drive(browser, login.url, sampleRedirect(server));
    expect(ruleOf(hop)).toBe('saml_replay');
    expect(await login.session(browser)).toBe('login_required');
  });

  it('slow: a delay is only slow, and the trace shows it', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'ping');
    await api(server, 'POST', `/api/mock-idps/${fixture.idp.id}/faults`, { fault: 'slow', amount: 300 });
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    const started = Date.now();
    const { hop } = await drive(new Browser(), login.url, sampleRedirect(server));
    expect(hop.location).toMatch(/code=/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const trace = await traceOf(server, fixture.connection.id);
    expect(trace.steps.find((step) => step.from === 'idp')?.detail?.faults).toEqual(['slow']);
  });
});

describe('the SP cases of security.md §1 over HTTP', () => {
  const ctx = serverPerTest();

  /** Signs in up to the auto-post to the ACS and returns that form, unsent. */
  async function capture(server: TestServer, fixture: FederatedOrg) {
    let form: { action: string; fields: Record<string, string> } | undefined;
    const browser = new Browser();
    const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
    let hop = await browser.follow(login.url, `${server.protocolUrl}/federation/saml/`);
    for (let step = 0; step < 4 && !form; step += 1) {
      const autopost = readForm(hop, 'data-autopost');
      if (!autopost) throw new Error(`no auto-post at ${hop.url}`);
      if (autopost.action.endsWith('/acs')) form = autopost;
      else
        hop = await browser.follow(autopost.action, `${server.protocolUrl}/federation/saml/`, {
          form: autopost.fields,
        });
    }
    if (!form) throw new Error('the IdP never posted to the ACS');
    return { form, browser, login };
  }

  it('the ACS needs no cookie: a cookie-less post of the response still completes the sign-in', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'okta');
    const { form, browser, login } = await capture(server, fixture);
    const acs = await new Browser().request(form.action, { form: form.fields });
    expect(acs.status).toBe(303);
    expect(acs.location).toMatch(/\/interaction\/[^/]+\/federated$/);
    const hop = await browser.follow(acs.location ?? '', sampleRedirect(server));
    expect(hop.location).toMatch(/code=/);
    await login.redeem(hop.location ?? '');
  });

  it('the same response posted twice is refused the second time', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'okta');
    const { form } = await capture(server, fixture);
    expect((await new Browser().request(form.action, { form: form.fields })).status).toBe(303);
    const again = await new Browser().request(form.action, { form: form.fields });
    expect(ruleOf(again)).toBe('saml_replay');
    expect(again.status).toBe(400);
  });

  it('a response for org A posted to org B’s ACS is refused, though both trust the same IdP', async () => {
    const { server } = ctx;
    const a = await samlOrg(server, 'okta', { name: 'alpha' });
    await api(server, 'POST', '/api/orgs', { name: 'Org beta', slug: 'org-beta', domains: ['beta.example'] });
    const b = await api<Connection>(server, 'POST', '/api/orgs/org-beta/connections', {
      name: 'beta SAML SSO',
      kind: 'saml',
      mockIdp: a.idp.slug,
    });
    const { form } = await capture(server, a);
    const posted = await new Browser().request(b.sp.acsUrl, { form: form.fields });
    expect(ruleOf(posted)).toBe('saml_destination');
    expect(await members(server, 'org-beta')).toEqual([]);
  });

  it('a RelayState that is a URL is never followed', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'generic');
    const { form } = await capture(server, fixture);
    const acs = await new Browser().request(form.action, {
      form: { ...form.fields, RelayState: 'https://evil.example/' },
    });
    expect(acs.status).toBe(303);
    expect(new URL(acs.location ?? '').origin).toBe(server.protocolUrl);
  });

  it('IdP-initiated: refused unless allowed; then signs the user in to the app, once; its replay refused', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'okta');
    const start = `${fixture.idp.entityId}/login?connection=${fixture.connection.id}&persona=jane`;
    const unsolicited = async () => {
      const page = await new Browser().request(start);
      const form = readForm(page, 'data-autopost');
      if (!form) throw new Error(page.body.slice(0, 300));
      return form;
    };
    const refused = await unsolicited();
    expect(ruleOf(await new Browser().request(refused.action, { form: refused.fields }))).toBe('saml_in_response_to');

    await api(server, 'PATCH', `/api/connections/${fixture.connection.id}`, { saml: { idpInitiated: true } });
    const allowed = await unsolicited();
    // The validated answer goes to the sample app, which signs in to the org and picks it up.
    const browser = new Browser();
    const callback = await browser.follow(allowed.action, `${server.protocolUrl}/sample/callback`, {
      form: allowed.fields,
    });
    expect(callback.location).toMatch(new RegExp(`^${server.protocolUrl}/sample/callback\\?code=`));
    const home = await browser.request(callback.location ?? '');
    expect(home.location).toBe(`${server.protocolUrl}/sample`);
    const app = await browser.request(`${server.protocolUrl}/sample`);
    expect(app.body).toContain('data-testid="signed-in"');
    expect(app.body).toContain(`jane@${fixture.domain}`);
    expect(ruleOf(await new Browser().request(allowed.action, { form: allowed.fields }))).toBe('saml_replay');
  });

  it('an oversized post is refused with 413 and the size rule', async () => {
    const { server } = ctx;
    const fixture = await samlOrg(server, 'generic');
    const huge = await new Browser().request(fixture.connection.sp.acsUrl, {
      form: { SAMLResponse: 'A'.repeat(600 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(ruleOf(huge)).toBe('saml_size');
  });
});
