/**
 * Helpers for account-flow tests: a clock that can be moved on, the outbox's newest
 * message to a recipient, and a sign-in driven up to (and past) the password page.
 */
import * as oidc from 'openid-client';
import type { OutboxMessage } from '../../server/model/notification';
import { Browser, discover, formAction, type Hop } from './browser-client';
import { defaultIssuer, sampleRedirect, secretOf } from './demo';
import type { TestServer } from './server';

/** A clock tests move forward (`advance`) to expire codes and links. */
export function movableClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}

/** The newest outbox message of `kind` to `to`, or undefined when there is none. */
export async function lastMessage(server: TestServer, to: string, kind: string): Promise<OutboxMessage | undefined> {
  const query = new URLSearchParams({ to, kind }).toString();
  const response = await server.api('GET', `/api/outbox/latest?${query}`);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw new Error(`outbox answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as OutboxMessage;
}

/** The account-page link (`…/account/<page>?token=…`) of a message. */
export function accountLinkOf(message: OutboxMessage | undefined, page: string): string {
  const link = message?.links.find((candidate) => candidate.includes(`/account/${page}?token=`));
  if (!link) throw new Error(`no /account/${page} link in ${JSON.stringify(message?.links)}`);
  return link;
}

/** The 6-digit code of an `mfa_code` message. */
export function codeOf(message: OutboxMessage | undefined): string {
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(message?.text)}`);
  return code;
}

export interface SignIn {
  browser: Browser;
  config: oidc.Configuration;
  verifier: string;
  state: string;
  /** The password page. */
  page: Hop;
}

/** Starts a sample-app sign-in for `email` (login_hint), up to the password page. */
export async function startSignIn(
  server: TestServer,
  email: string,
  options: { browser?: Browser; extra?: Record<string, string> } = {},
): Promise<SignIn> {
  const browser = options.browser ?? new Browser();
  const config = await discover(defaultIssuer(server), 'orgbench-sample', await secretOf(server, 'orgbench-sample'));
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: sampleRedirect(server),
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    login_hint: email,
    ...options.extra,
  });
  const page = await browser.follow(url.href, sampleRedirect(server));
  if (!page.body.includes('name="password"')) throw new Error(`no password page: ${page.body.slice(0, 300)}`);
  return { browser, config, verifier, state, page };
}

/** Posts a form of `page` (its first form, or the one posting to `action`) and follows redirects. */
export async function submit(
  server: TestServer,
  browser: Browser,
  page: Hop,
  form: Record<string, string>,
  action?: string,
) {
  const target = action ? new URL(action, page.url).href : formAction(page);
  return browser.follow(target, sampleRedirect(server), { method: 'POST', form });
}

/** Posts the password and follows until the app's callback or the next page. */
export function postPassword(server: TestServer, signIn: SignIn, email: string, password: string): Promise<Hop> {
  return submit(server, signIn.browser, signIn.page, { email, password });
}

/** Redeems the code of a callback hop: the app's tokens. */
export async function redeem(server: TestServer, signIn: SignIn, hop: Hop) {
  if (!hop.location?.startsWith(sampleRedirect(server))) {
    throw new Error(`not at the callback (HTTP ${hop.status}): ${hop.body.replace(/<[^>]+>/g, ' ').slice(0, 300)}`);
  }
  return oidc.authorizationCodeGrant(signIn.config, new URL(hop.location), {
    pkceCodeVerifier: signIn.verifier,
    expectedState: signIn.state,
  });
}

/** The visible text of a page, tags removed and spaces collapsed. */
export const textOf = (hop: Hop): string =>
  hop.body
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
