/**
 * The federation tests' side of a login, for SAML and OIDC alike: fixtures (an org routed
 * to a fresh mock IdP), the sample app's authorization request, a browser driven through
 * the hosted pages and the mock IdP's picker, and the admin API's answers about it
 * (traces, members).
 */
import * as oidc from 'openid-client';
import { expect } from 'vitest';
import type { Connection, FaultName, MockIdp, Trace, VendorPreset } from '../../server/model/federation';
import { readForm } from '../../server/logins/scripted-browser';
import { Browser, discover, formAction, type Hop } from './browser-client';
import { defaultIssuer, sampleRedirect, secretOf } from './demo';
import type { TestServer } from './server';

/** Calls the admin API and returns its JSON body; any answer of 300 or more throws with the body. */
export async function api<T>(server: TestServer, method: string, path: string, body?: unknown): Promise<T> {
  const response = await server.api(method, path, body);
  if (response.status >= 300)
    throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** An org whose email domain routes to a connection to its own mock IdP. */
export interface FederatedOrg {
  /** The org's slug. */
  org: string;
  orgId: string;
  idp: MockIdp;
  connection: Connection;
  /** The org's email domain, which is also the domain of the mock IdP's personas. */
  domain: string;
}

export interface FederatedOrgSpec {
  kind: 'oidc' | 'saml';
  preset: VendorPreset;
  /** Names the IdP (`<name>-idp` for OIDC, `<name>-saml` for SAML) and the org (`org-<name>`). */
  name: string;
  /** More fields of the mock IdP (its `saml` settings). */
  idp?: Record<string, unknown>;
  /** More fields of the connection (its `mapping`, `oidc` or `saml` options), given the new IdP. */
  connection?: (idp: MockIdp) => Record<string, unknown>;
}

/** Creates a mock IdP, an org on its personas' domain, and the org's connection to it. */
export async function federatedOrg(server: TestServer, spec: FederatedOrgSpec): Promise<FederatedOrg> {
  const { kind, name } = spec;
  const label = kind.toUpperCase();
  const idp = await api<MockIdp>(server, 'POST', '/api/mock-idps', {
    slug: `${name}-${kind === 'oidc' ? 'idp' : 'saml'}`,
    name: `${name} ${label} IdP`,
    kind,
    preset: spec.preset,
    ...spec.idp,
  });
  // The mock IdP's default personas have addresses at `<slug>.example`.
  const domain = `${idp.slug}.example`;
  const org = await api<{ id: string; slug: string }>(server, 'POST', '/api/orgs', {
    name: `Org ${name}`,
    slug: `org-${name}`,
    domains: [domain],
  });
  const connection = await api<Connection>(server, 'POST', `/api/orgs/${org.slug}/connections`, {
    name: `${name} ${label} SSO`,
    kind,
    mockIdp: idp.slug,
    ...spec.connection?.(idp),
  });
  return { org: org.slug, orgId: org.id, idp, connection, domain };
}

/** The sample app's side: an authorization request at Orgbench's default workspace, PKCE and state. */
export async function sampleAppLogin(server: TestServer, params: Record<string, string> = {}) {
  const config = await discover(defaultIssuer(server), 'orgbench-sample', await secretOf(server, 'orgbench-sample'));
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: sampleRedirect(server),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...params,
  });
  return {
    url: url.href,
    redeem: (callback: string) =>
      oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: verifier, expectedState: state }),
    /** Whether the browser has an Orgbench session: prompt=none answers with a code or login_required. */
    session: async (browser: Browser) => {
      const silent = oidc.buildAuthorizationUrl(config, {
        redirect_uri: sampleRedirect(server),
        scope: 'openid',
        prompt: 'none',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const hop = await browser.follow(silent.href, sampleRedirect(server));
      return new URL(hop.location ?? sampleRedirect(server)).searchParams.get('error') ?? 'session';
    },
  };
}

/** What the person at the browser does on the way through. */
export interface DriveOptions {
  /** Typed on the hosted identifier page. */
  email?: string;
  /** Picked on the mock IdP's picker (default jane). */
  persona?: string;
  /** Form fields changed on the picker before it is sent (the persona edited for this login). */
  edits?: Record<string, string>;
  /** Cancel on the picker instead of picking. */
  cancel?: boolean;
}

/** What one page asks of the browser: the kind of page, and the form to send. */
interface Answer {
  saw: 'identifier' | 'picker' | 'acs' | 'post-binding';
  action: string;
  fields: Record<string, string>;
}

const MAX_PAGES = 10;

/**
 * Follows the browser from `url` through the hosted pages, the mock IdP's picker and the
 * SAML auto-posts until a redirect to `stopAt`, a page with a failed rule, or a page it
 * cannot answer. `saw` lists the pages answered, in order.
 */
export async function drive(
  browser: Browser,
  url: string,
  stopAt: string,
  options: DriveOptions = {},
): Promise<{ hop: Hop; saw: string[] }> {
  const saw: string[] = [];
  let hop = await browser.follow(url, stopAt);
  for (let page = 0; page < MAX_PAGES && !hop.location?.startsWith(stopAt); page += 1) {
    if (hop.body.includes('data-rule=')) break;
    const answer = answerPage(hop, options);
    if (!answer) break;
    saw.push(answer.saw);
    hop = await browser.follow(answer.action, stopAt, { form: answer.fields });
  }
  return { hop, saw };
}

function answerPage(hop: Hop, options: DriveOptions): Answer | undefined {
  const autopost = readForm(hop, 'data-autopost');
  if (autopost) {
    const saw = new URL(autopost.action).pathname.includes('/acs') ? 'acs' : 'post-binding';
    return { saw, ...autopost };
  }
  const persona = options.persona ?? 'jane';
  if (hop.body.includes('data-testid="mock-idp-page"')) {
    // The OIDC picker is one form whose buttons name the persona or the cancel action.
    if (hop.body.includes('name="request"')) {
      const request = /name="request" value="([^"]+)"/.exec(hop.body)?.[1] ?? '';
      const choice: Record<string, string> = options.cancel ? { action: 'cancel' } : { persona };
      return { saw: 'picker', action: formAction(hop), fields: { request, ...choice, ...options.edits } };
    }
    // The SAML picker has a form per persona, each with its editable fields, and one to cancel.
    if (hop.body.includes('data-cancel')) {
      const form = readForm(hop, options.cancel ? 'data-cancel' : `data-persona="${persona}"`);
      if (!form) throw new Error(`the picker offers no ${persona}`);
      return { saw: 'picker', action: form.action, fields: { ...form.fields, ...options.edits } };
    }
  }
  if (hop.body.includes('name="email"') && !hop.body.includes('name="password"'))
    return { saw: 'identifier', action: formAction(hop), fields: { email: options.email ?? '' } };
  return undefined;
}

/** The rule an error page names as the one that failed (`data-rule`), if any. */
export const ruleOf = (hop: Hop): string | undefined => /data-rule="([^"]+)"/.exec(hop.body)?.[1];

/** The newest trace of a connection (with `outcome`, if given), with its steps. */
export async function traceOf(server: TestServer, connection: string, outcome?: Trace['outcome']): Promise<Trace> {
  const query = new URLSearchParams({ connection, ...(outcome ? { outcome } : {}) });
  const { traces } = await api<{ traces: Trace[] }>(server, 'GET', `/api/traces?${query}`);
  const [latest] = traces;
  if (!latest) throw new Error(`no ${outcome ?? ''} trace for ${connection}`);
  return api<Trace>(server, 'GET', `/api/traces/${latest.id}`);
}

/** The members of an org, by slug. */
export const members = async (server: TestServer, org: string): Promise<unknown[]> =>
  (await api<{ members: unknown[] }>(server, 'GET', `/api/orgs/${org}/members`)).members;

/** The first connection of an org, by slug (the demo's orgs have one each). */
export async function connectionOf(server: TestServer, org: string): Promise<Connection> {
  const { connections } = await api<{ connections: Connection[] }>(server, 'GET', `/api/orgs/${org}/connections`);
  const [connection] = connections;
  if (!connection) throw new Error(`${org} has no connection`);
  return connection;
}

/**
 * Switches `fault` on at the org's mock IdP for its next login and checks that login: refused
 * with `rule` on an error page, no member, no session, a failure trace naming the rule, and
 * the login after it succeeds.
 */
export async function expectRefusedOnce(
  server: TestServer,
  fixture: FederatedOrg,
  fault: { fault: FaultName; amount?: number | undefined },
  rule: string,
): Promise<void> {
  await api(server, 'POST', `/api/mock-idps/${fixture.idp.id}/faults`, {
    fault: fault.fault,
    mode: 'next',
    ...(fault.amount === undefined ? {} : { amount: fault.amount }),
  });
  const browser = new Browser();
  const login = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
  const { hop } = await drive(browser, login.url, sampleRedirect(server));
  expect(hop.location ?? '').not.toContain('code=');
  expect(ruleOf(hop), hop.body.replace(/<[^>]+>/g, ' ').slice(0, 400)).toBe(rule);
  expect(await members(server, fixture.org)).toEqual([]);
  expect(await login.session(browser)).toBe('login_required');
  const trace = await traceOf(server, fixture.connection.id, 'failure');
  expect(trace.failedRule).toBe(rule);
  // The fault was for the next login only: the one after it succeeds.
  const again = await sampleAppLogin(server, { organization: fixture.org, login_hint: 'jane' });
  expect((await drive(new Browser(), again.url, sampleRedirect(server))).hop.location).toMatch(/code=/);
}
