// SAML single logout at Orgbench's SP over real HTTP. SP-initiated: the user signs out at
// the issuer, the browser carries a signed LogoutRequest to the mock IdP and its signed
// LogoutResponse back, then lands on the app's post-logout page. IdP-initiated: the mock
// IdP's LogoutRequest ends the user's Orgbench session and grants. Then the refusals: every
// logout message that is unsigned, mis-addressed, from another issuer, stale, replayed or
// carrying a DOCTYPE is refused by its rule and ends nothing.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { decodeSamlMessage, redirectQuery } from '../../server/federation/saml/saml-bindings';
import { NAMEID_FORMATS, NS } from '../../server/federation/saml/saml-vocabulary';
import { DATABASE_FILE } from '../../server/index';
import { createSelfSignedCertificate } from '../../server/mock-idp/certificate';
import { signRootElement } from '../../server/mock-idp/saml/sign-xml';
import { readForm } from '../../server/logins/scripted-browser';
import { Browser, formAction, type Hop } from '../helpers/browser-client';
import { claimsOf, defaultIssuer, sampleRedirect } from '../helpers/demo';
import type { Connection } from '../../server/model/federation';
import { api, drive, federatedOrg, ruleOf, sampleAppLogin, type FederatedOrg } from '../helpers/federation';
import { serverPerTest, type TestServer } from '../helpers/server';

/** An Okta-style SAML org, and a browser signed in to the sample app through it as jane. */
async function signedIn(server: TestServer, name = 'slo') {
  const fixture = await federatedOrg(server, { kind: 'saml', preset: 'okta', name });
  const browser = new Browser();
  const login = await sampleAppLogin(server, { organization: fixture.org });
  const { hop } = await drive(browser, login.url, sampleRedirect(server));
  const tokens = await login.redeem(hop.location ?? '');
  expect(await login.session(browser)).toBe('session');
  return { fixture, browser, login, tokens };
}

/** The mock IdP's own signing key, read from the server's SQLite file (tests only). */
function idpKey(server: TestServer, fixture: FederatedOrg): string {
  const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const row = db.prepare('SELECT private_key_pem FROM mock_idps WHERE id = ?').get(fixture.idp.id) as {
      private_key_pem: string;
    };
    return row.private_key_pem;
  } finally {
    db.close();
  }
}

interface RequestShape {
  destination?: string | null;
  issuer?: string;
  issueInstant?: Date;
  nameId?: string;
  doctype?: boolean;
  id?: string;
}

function logoutRequestXml(fixture: FederatedOrg, shape: RequestShape = {}): string {
  const destination = shape.destination === undefined ? fixture.connection.sp.sloUrl : shape.destination;
  return (
    (shape.doctype ? '<!DOCTYPE r [<!ENTITY x "y">]>' : '') +
    `<samlp:LogoutRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${shape.id ?? `_${Math.random().toString(16).slice(2)}`}" Version="2.0"` +
    ` IssueInstant="${(shape.issueInstant ?? new Date()).toISOString()}"` +
    (destination ? ` Destination="${destination}"` : '') +
    `><saml:Issuer>${shape.issuer ?? fixture.idp.entityId}</saml:Issuer>` +
    `<saml:NameID Format="${NAMEID_FORMATS.emailAddress}">${shape.nameId ?? `jane@${fixture.domain}`}</saml:NameID>` +
    `</samlp:LogoutRequest>`
  );
}

describe('SAML single logout', () => {
  const ctx = serverPerTest();

  it('SP-initiated: signing out at Orgbench sends a signed LogoutRequest to the IdP and comes back through its LogoutResponse', async () => {
    const { server } = ctx;
    const { fixture, browser, login, tokens } = await signedIn(server);
    const endSession = new URL(`${defaultIssuer(server)}/session/end`);
    endSession.searchParams.set('id_token_hint', tokens.id_token ?? '');
    endSession.searchParams.set('post_logout_redirect_uri', `${server.protocolUrl}/sample`);
    const confirm = await browser.follow(endSession.href, `${server.protocolUrl}/sample`);
    const form = readForm(confirm) ?? { action: formAction(confirm), fields: {} };
    const done = await browser.follow(new URL(form.action, confirm.url).href, `${server.protocolUrl}/sample`, {
      form: { ...form.fields, logout: 'yes' },
    });

    expect(done.location).toBe(`${server.protocolUrl}/sample`);
    const visited = browser.history.map((hop) => new URL(hop.url).pathname);
    const toIdp = browser.history.find((hop) => hop.url.startsWith(`${fixture.idp.entityId}/slo`));
    expect(toIdp, visited.join(' → ')).toBeDefined();
    const request = new URL(toIdp?.url ?? '');
    expect(request.searchParams.get('SAMLRequest')).toBeTruthy();
    expect(request.searchParams.get('Signature')).toBeTruthy();
    const back = browser.history.find((hop) => hop.url.startsWith(`${fixture.connection.sp.sloUrl}?SAMLResponse=`));
    expect(back?.status, visited.join(' → ')).toBe(303);
    expect(await login.session(browser)).toBe('login_required');
  });

  it('IdP-initiated: the IdP’s LogoutRequest ends the Orgbench session and its grants, then the IdP shows “signed out”', async () => {
    const { server } = ctx;
    const { fixture, browser, login, tokens } = await signedIn(server);
    const page = await browser.follow(
      `${fixture.idp.entityId}/logout?connection=${fixture.connection.id}&persona=jane`,
      'never:',
    );
    expect(page.status, page.body.slice(0, 400)).toBe(200);
    expect(page.body).toContain('You are signed out');
    expect(page.body).toContain(fixture.connection.name);
    expect(browser.history.some((hop) => hop.url.startsWith(`${fixture.connection.sp.sloUrl}?SAMLRequest=`))).toBe(
      true,
    );
    expect(await login.session(browser)).toBe('login_required');
    // The grant behind the access token is gone with the session.
    const introspection = await fetch(`${defaultIssuer(server)}/token/introspection`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`orgbench-sample:${await sampleSecret(server)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    expect(await introspection.json()).toMatchObject({ active: false });
  });

  it('switching to another person in the same browser signs the first out upstream and completes the second login', async () => {
    const { server } = ctx;
    const { fixture, browser } = await signedIn(server);
    const second = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'sam', prompt: 'login' });
    // oidc-provider ends jane's session first, with a self-submitting form to its logout confirmation.
    const switching = (await drive(browser, second.url, sampleRedirect(server))).hop;
    const form = readForm(switching);
    expect(form?.action).toBe(`${defaultIssuer(server)}/session/end/confirm`);
    const hop = await browser.follow(form?.action ?? '', sampleRedirect(server), { form: form?.fields ?? {} });
    expect(hop.location ?? '', browser.history.map((page) => page.url).join('\n')).toMatch(/\/sample\/callback\?code=/);
    expect(browser.history.some((page) => page.url.startsWith(`${fixture.idp.entityId}/slo?SAMLRequest=`))).toBe(true);
    const tokens = await second.redeem(hop.location ?? '');
    expect(claimsOf(tokens.id_token).email).toBe(`sam@${fixture.domain}`);
  });

  it('accepts a LogoutRequest by POST with an enveloped signature', async () => {
    const { server } = ctx;
    const { fixture, browser, login } = await signedIn(server);
    const signed = signRootElement(logoutRequestXml(fixture), 'LogoutRequest', {
      key: { privateKeyPem: idpKey(server, fixture), certificatePem: '' },
      algorithm: 'sha256',
      certificateInKeyInfo: false,
    });
    const hop = await browser.request(fixture.connection.sp.sloUrl ?? '', {
      form: { SAMLRequest: Buffer.from(signed).toString('base64'), RelayState: 'from-idp' },
    });
    expect(hop.status, hop.body.slice(0, 400)).toBe(303);
    const answer = new URL(hop.location ?? '');
    expect(`${answer.origin}${answer.pathname}`).toBe(`${fixture.idp.entityId}/slo`);
    expect(answer.searchParams.get('RelayState')).toBe('from-idp');
    expect(answer.searchParams.get('Signature')).toBeTruthy();
    expect(await login.session(browser)).toBe('login_required');
  });

  it('refuses logout messages that are not exactly right, and ends nothing', async () => {
    const { server } = ctx;
    const { fixture, browser, login } = await signedIn(server);
    const key = idpKey(server, fixture);
    const attacker = await createSelfSignedCertificate('attacker', new Date());
    const slo = fixture.connection.sp.sloUrl ?? '';
    const send =
      (xml: string, signWith: string | null = key) =>
      () =>
        browser.request(`${slo}?${redirectQuery('SAMLRequest', xml, undefined, signWith ?? undefined)}`);
    const cases: [string, () => Promise<Hop>][] = [
      ['saml_signature', send(logoutRequestXml(fixture), null)],
      ['saml_signature', send(logoutRequestXml(fixture), attacker.privateKeyPem)],
      ['saml_destination', send(logoutRequestXml(fixture, { destination: `${server.protocolUrl}/elsewhere` }))],
      ['saml_destination', send(logoutRequestXml(fixture, { destination: null }))],
      ['saml_issuer', send(logoutRequestXml(fixture, { issuer: 'https://evil.example/idp' }))],
      ['saml_time', send(logoutRequestXml(fixture, { issueInstant: new Date(Date.now() - 60 * 60 * 1000) }))],
      ['saml_time', send(logoutRequestXml(fixture, { issueInstant: new Date(Date.now() + 60 * 60 * 1000) }))],
      ['saml_doctype', send(logoutRequestXml(fixture, { doctype: true }))],
      ['saml_in_response_to', () => browser.request(`${slo}?SAMLResponse=abc&RelayState=_${'0'.repeat(40)}`)],
    ];
    for (const [rule, sendIt] of cases) {
      const hop = await sendIt();
      expect(ruleOf(hop), `${rule}: ${hop.body.slice(0, 300)}`).toBe(rule);
      expect(hop.status).toBe(400);
    }
    expect(await login.session(browser)).toBe('session');

    // A good request works once; the same request again is a replay.
    const xml = logoutRequestXml(fixture, { id: '_replayed-logout' });
    expect((await send(xml)()).status).toBe(303);
    const again = await send(xml)();
    expect(ruleOf(again)).toBe('saml_replay');
  });

  it('refuses an unsigned LogoutResponse to its own LogoutRequest, and uses the waiting sign-out only once', async () => {
    const { server } = ctx;
    const { fixture, browser, tokens } = await signedIn(server);
    const endSession = new URL(`${defaultIssuer(server)}/session/end`);
    endSession.searchParams.set('id_token_hint', tokens.id_token ?? '');
    endSession.searchParams.set('post_logout_redirect_uri', `${server.protocolUrl}/sample`);
    const confirm = await browser.follow(endSession.href, `${server.protocolUrl}/sample`);
    const form = readForm(confirm) ?? { action: formAction(confirm), fields: {} };
    const toIdp = await browser.follow(new URL(form.action, confirm.url).href, `${fixture.idp.entityId}/slo`, {
      form: { ...form.fields, logout: 'yes' },
    });
    const sent = new URL(toIdp.location ?? '');
    const relayState = sent.searchParams.get('RelayState') ?? '';
    const requestXml = decodeSamlMessage(sent.searchParams.get('SAMLRequest') ?? '', 'redirect');
    const requestId = /ID="([^"]+)"/.exec(requestXml)?.[1] ?? '';
    const responseXml =
      `<samlp:LogoutResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="_r1" Version="2.0"` +
      ` IssueInstant="${new Date().toISOString()}" Destination="${fixture.connection.sp.sloUrl}" InResponseTo="${requestId}">` +
      `<saml:Issuer>${fixture.idp.entityId}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      `</samlp:LogoutResponse>`;
    const slo = fixture.connection.sp.sloUrl ?? '';
    const unsigned = await browser.request(`${slo}?${redirectQuery('SAMLResponse', responseXml, relayState)}`);
    expect(ruleOf(unsigned)).toBe('saml_signature');
    expect(unsigned.body).toContain(`href="${server.protocolUrl}/sample"`);
    const signed = redirectQuery('SAMLResponse', responseXml, relayState, idpKey(server, fixture));
    const replayed = await browser.request(`${slo}?${signed}`);
    expect(ruleOf(replayed)).toBe('saml_in_response_to');
  });

  it('the IdP single logout URL of a connection can be set, refused when not a URL, and removed', async () => {
    const { server } = ctx;
    const fixture = await federatedOrg(server, { kind: 'saml', preset: 'generic', name: 'real' });
    const real = await api<Connection>(server, 'POST', `/api/orgs/${fixture.org}/connections`, {
      name: 'Real IdP',
      kind: 'saml',
      saml: {
        idpEntityId: 'https://idp.example/entity',
        idpSsoUrl: 'https://idp.example/sso',
        idpSloUrl: 'https://idp.example/slo',
        idpCertificates: [fixture.idp.certificate],
      },
    });
    expect(real.saml?.idpSloUrl).toBe('https://idp.example/slo');
    const bad = await server.api('PATCH', `/api/connections/${real.id}`, { saml: { idpSloUrl: 'not a url' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('saml.idpSloUrl');
    const removed = await api<Connection>(server, 'PATCH', `/api/connections/${real.id}`, {
      saml: { idpSloUrl: null },
    });
    expect(removed.saml?.idpSloUrl).toBeUndefined();
    expect(removed.saml?.idpEntityId).toBe('https://idp.example/entity');
  });

  it('publishes the single-logout endpoint in the SP metadata, for both bindings', async () => {
    const { server } = ctx;
    const fixture = await federatedOrg(server, { kind: 'saml', preset: 'generic', name: 'meta' });
    const metadata = await (await fetch(fixture.connection.sp.metadataUrl ?? '')).text();
    expect(metadata).toContain(
      `Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${fixture.connection.sp.sloUrl}"`,
    );
    expect(metadata).toContain(
      `Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${fixture.connection.sp.sloUrl}"`,
    );
    expect(fixture.connection.saml?.idpSloUrl).toBe(`${fixture.idp.entityId}/slo`);
  });

  it('a connection to an IdP without single logout signs out of Orgbench only', async () => {
    const { server } = ctx;
    const fixture = await federatedOrg(server, { kind: 'saml', preset: 'google', name: 'gws' });
    expect(fixture.connection.saml?.idpSloUrl).toBeUndefined();
    const browser = new Browser();
    const login = await sampleAppLogin(server, { organization: fixture.org });
    const { hop } = await drive(browser, login.url, sampleRedirect(server));
    const tokens = await login.redeem(hop.location ?? '');
    const endSession = new URL(`${defaultIssuer(server)}/session/end`);
    endSession.searchParams.set('id_token_hint', tokens.id_token ?? '');
    endSession.searchParams.set('post_logout_redirect_uri', `${server.protocolUrl}/sample`);
    const confirm = await browser.follow(endSession.href, `${server.protocolUrl}/sample`);
    const form = readForm(confirm) ?? { action: formAction(confirm), fields: {} };
    const done = await browser.request(new URL(form.action, confirm.url).href, {
      form: { ...form.fields, logout: 'yes' },
    });
    expect(done.location).toBe(`${server.protocolUrl}/sample`);
    expect(await login.session(browser)).toBe('login_required');
    const connection = await api<{ saml: unknown }>(server, 'GET', `/api/connections/${fixture.connection.id}`);
    expect(connection.saml).toBeTruthy();
  });
});

async function sampleSecret(server: TestServer): Promise<string> {
  const { secretOf } = await import('../helpers/demo');
  return secretOf(server, 'orgbench-sample');
}
