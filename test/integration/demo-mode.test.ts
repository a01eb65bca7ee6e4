/**
 * Demo mode's server side: the customers API over the demo data, three side-by-side
 * logins in one browser keeping their own sample-app sessions, and protocol pages that
 * only the Orgbench UI's origin may frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCustomer, DemoCustomersResponse } from '../../server/model/demo-mode';
import { Browser, formAction } from '../helpers/browser-client';
import { DEMO_PASSWORD } from '../helpers/demo';
import { drive } from '../helpers/federation';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';

let server: TestServer;
let dir: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  dir = makeTempDir();
  server = await startTestServer({ demo: true }, dir);
});
afterAll(async () => {
  await server.stop();
  dir.remove();
});

async function customers(query = ''): Promise<DemoCustomersResponse> {
  const response = await server.api('GET', `/api/demo-mode/customers${query}`);
  expect(response.status).toBe(200);
  return response.body as DemoCustomersResponse;
}

const bySlug = (list: DemoCustomer[], slug: string): DemoCustomer => {
  const found = list.find((customer) => customer.slug === slug);
  if (!found) throw new Error(`no customer ${slug}`);
  return found;
};

describe('GET /api/demo-mode/customers', () => {
  it('shows the three demo customers by default, each with its client, personas or password users', async () => {
    const body = await customers();
    expect(body.defaults).toEqual(['acme', 'globex', 'initech']);
    expect(body.customers.map((customer) => customer.slug)).toEqual(['acme', 'globex', 'initech']);
    expect(body.protocolOrigin).toBe(new URL(server.protocolUrl).origin);
    expect(body.organizations.map((org) => org.slug)).toContain('acme-europe');

    const acme = bySlug(body.customers, 'acme');
    expect(acme).toMatchObject({
      name: 'Acme Corporation',
      isolation: 'shared_application',
      clientId: 'orgbench-sample',
    });
    expect(acme.idps).toHaveLength(1);
    expect(acme.idps[0]).toMatchObject({ kind: 'saml', vendor: 'okta', mockIdpName: 'Acme Okta' });
    expect(acme.idps[0]?.personas.map((persona) => persona.handle)).toEqual(['jane', 'sam', 'lee']);
    const jane = new URL(acme.idps[0]?.personas[0]?.loginUrl ?? '');
    expect(jane.origin).toBe(new URL(server.protocolUrl).origin);
    expect(jane.pathname).toBe('/sample/start');
    expect(Object.fromEntries(jane.searchParams)).toEqual({
      client: 'orgbench-sample',
      organization: 'acme',
      prompt: 'login',
      login_hint: 'jane',
      lane: 'acme',
    });
    expect(acme.localUsers.find((user) => user.email === 'alice@acme.test')?.passwordHint).toBe(DEMO_PASSWORD);

    const globex = bySlug(body.customers, 'globex');
    expect(globex).toMatchObject({ isolation: 'per_organization_application', clientId: 'globex-app' });
    expect(globex.idps[0]).toMatchObject({ kind: 'oidc', vendor: 'entra' });
    expect(globex.idps[0]?.personas.map((persona) => persona.handle)).toEqual(['priya', 'tom']);
    // Its own people first: bob@globex.test before the guests from Acme and consulting.
    expect(globex.localUsers.map((user) => user.email)).toEqual([
      'bob@globex.test',
      'alice@acme.test',
      'erin@consult.test',
    ]);

    const initech = bySlug(body.customers, 'initech');
    expect(initech).toMatchObject({ isolation: 'dedicated_tenant', clientId: 'initech-dedicated', idps: [] });
    expect(initech.localUsers).toEqual([
      expect.objectContaining({ email: 'carol@initech.test', passwordHint: DEMO_PASSWORD }),
    ]);
    expect(new URL(initech.loginUrl).searchParams.get('lane')).toBe('initech');
  });

  it('returns the chosen orgs in the order asked, by slug or id, without duplicates', async () => {
    const first = await customers('?orgs=initech,globex');
    expect(first.customers.map((customer) => customer.slug)).toEqual(['initech', 'globex']);
    const globexId = bySlug(first.customers, 'globex').orgId;
    const second = await customers(`?orgs=${globexId},acme-europe,globex`);
    expect(second.customers.map((customer) => customer.slug)).toEqual(['globex', 'acme-europe']);
    // A sub-org without a connection or password users still gets a login start.
    expect(bySlug(second.customers, 'acme-europe').idps).toEqual([]);
  });

  it('refuses unknown orgs, empty names, too many orgs and unknown parameters, naming the field', async () => {
    const unknown = await server.api('GET', '/api/demo-mode/customers?orgs=acme,nope');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: { code: 'validation_failed', fields: [{ path: 'orgs[1]', message: 'no organization "nope"' }] },
    });
    const empty = await server.api('GET', '/api/demo-mode/customers?orgs=acme,,globex');
    expect(empty.body).toMatchObject({ error: { code: 'validation_failed', fields: [{ path: 'orgs[1]' }] } });
    const many = await server.api('GET', `/api/demo-mode/customers?orgs=${Array(10).fill('acme').join(',')}`);
    expect(many.body).toMatchObject({ error: { code: 'validation_failed', fields: [{ path: 'orgs' }] } });
    const extra = await server.api('GET', '/api/demo-mode/customers?org=acme');
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('needs the admin token', async () => {
    const response = await fetch(`${server.adminUrl}/api/demo-mode/customers`);
    expect(response.status).toBe(401);
  });
});

describe('side-by-side logins in one browser', () => {
  it('signs in to acme (SAML persona), globex (OIDC persona) and initech (password) with separate sessions', async () => {
    const { customers: list } = await customers();
    const browser = new Browser();
    const home = (lane: string) => `${server.protocolUrl}/sample?lane=${lane}`;
    const personaUrl = (slug: string, handle: string) =>
      bySlug(list, slug).idps[0]?.personas.find((persona) => persona.handle === handle)?.loginUrl ?? '';

    // Start all three before finishing any, as three frames do.
    const acme = await browser.request(personaUrl('acme', 'jane'));
    const globex = await browser.request(personaUrl('globex', 'priya'));
    const initech = await browser.follow(bySlug(list, 'initech').localUsers[0]?.loginUrl ?? '', home('initech'));
    expect(initech.body).toContain('name="password"');
    expect(initech.body).toContain('carol@initech.test');

    // Each lane's login leaves no provider session, so the next lane's user is no account switch.
    const acmeDone = await drive(browser, acme.location ?? '', home('acme'));
    expect(acmeDone.hop.location).toBe(home('acme'));
    const globexDone = await drive(browser, globex.location ?? '', home('globex'));
    expect(globexDone.hop.location).toBe(home('globex'));
    const initechDone = await browser.follow(formAction(initech), home('initech'), {
      form: { email: 'carol@initech.test', password: DEMO_PASSWORD },
    });
    expect(initechDone.location, initechDone.body.slice(0, 800)).toBe(home('initech'));

    const signedIn = async (lane: string) =>
      /data-testid="signed-in">\s*Signed in as ([^\s<]+)/.exec((await browser.request(home(lane))).body)?.[1];
    expect(await signedIn('acme')).toBe('jane@acme.test');
    expect(await signedIn('globex')).toBe('priya@globex.test');
    expect(await signedIn('initech')).toBe('carol@initech.test');
    // The lane-less sample app keeps its own (empty) session.
    expect((await browser.request(`${server.protocolUrl}/sample`)).body).toContain('data-testid="sample-login-form"');
  });

  it('refuses a start link without a listed client or with a malformed lane, starting nothing', async () => {
    const browser = new Browser();
    const noClient = await browser.request(`${server.protocolUrl}/sample/start?client=acme-reporting&lane=acme`);
    expect(noClient.status).toBe(400);
    expect(noClient.location).toBeNull();
    const badLane = await browser.request(`${server.protocolUrl}/sample/start?client=orgbench-sample&lane=Bad_Lane`);
    expect(badLane.status).toBe(400);
  });
});

describe('framing', () => {
  const adminOrigin = () => new URL(server.adminUrl).origin;
  const frameAncestors = (csp: string | null) =>
    (csp ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part.startsWith('frame-ancestors'));

  it('lets only the admin origin frame hosted pages: sample app, login, mock IdP picker', async () => {
    const { customers: list } = await customers();
    const browser = new Browser();
    const cspOf = async (url: string) => {
      const cookie = await browser.jar.getCookieString(url);
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      expect(response.status, url).toBe(200);
      return response.headers.get('content-security-policy');
    };
    // The password users' login page (initech), the org's own IdP picker (acme's mock Okta), the sample app.
    const login = await browser.follow(bySlug(list, 'initech').loginUrl, `${server.protocolUrl}/never`);
    expect(login.body).toContain('name="email"');
    const picker = await browser.follow(bySlug(list, 'acme').loginUrl, `${server.protocolUrl}/never`);
    expect(picker.body).toContain('mock-idp-page');
    for (const url of [login.url, picker.url, `${server.protocolUrl}/sample`]) {
      const csp = await cspOf(url);
      expect(csp, url).toContain("default-src 'none'");
      expect(frameAncestors(csp), url).toEqual([`frame-ancestors ${adminOrigin()}`]);
    }
  });

  it('lets the admin UI frame the protocol origin and nothing else', async () => {
    const response = await fetch(`${server.adminUrl}/healthz`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-src ${new URL(server.protocolUrl).origin}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
