/**
 * A scripted browser for OIDC flows over real HTTP: a cookie jar, manual redirects, and
 * form posts against Orgbench's hosted login pages. The relying party side is
 * openid-client, as a real app would use.
 */
import * as oidc from 'openid-client';
import { CookieJar } from 'tough-cookie';

export interface Hop {
  status: number;
  url: string;
  location: string | null;
  body: string;
}

export class Browser {
  readonly jar = new CookieJar();
  readonly history: Hop[] = [];

  /** One request, cookies in and out, no redirect following. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Hop> {
    const headers: Record<string, string> = {};
    const cookie = await this.jar.getCookieString(url);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const setCookie of response.headers.getSetCookie()) await this.jar.setCookie(setCookie, url);
    const location = response.headers.get('location');
    const hop = {
      status: response.status,
      url,
      location: location ? new URL(location, url).href : null,
      body: await response.text(),
    };
    this.history.push(hop);
    return hop;
  }

  /** Follows redirects until a page (non-3xx) or a URL starting with `stopAt`. */
  async follow(
    url: string,
    stopAt: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Hop> {
    let hop = await this.request(url, init);
    for (let i = 0; i < 20 && hop.location; i += 1) {
      if (hop.location.startsWith(stopAt)) return hop;
      hop = await this.request(hop.location);
    }
    return hop;
  }
}

/** The `action` of the page's form (hosted pages have one form each), made absolute. */
export function formAction(page: Hop): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(page.body);
  if (!match?.[1]) throw new Error(`no form on ${page.url} (HTTP ${page.status}): ${page.body.slice(0, 300)}`);
  return new URL(match[1].replace(/&amp;/g, '&'), page.url).href;
}

export interface LoginOptions {
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  redirectUri: string;
  email: string;
  password: string;
  organization?: string;
  /** Slug to choose if the org picker appears. */
  pick?: string;
  extra?: Record<string, string>;
  browser?: Browser;
}

export interface LoginResult {
  browser: Browser;
  config: oidc.Configuration;
  tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  code: string;
  callback: URL;
  verifier: string;
  /** Pages the user saw, by kind. */
  saw: string[];
}

export async function discover(issuer: string, clientId: string, clientSecret?: string | null) {
  return oidc.discovery(
    new URL(issuer),
    clientId,
    undefined,
    clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests] },
  );
}

/** Runs a full authorization-code + PKCE login through the hosted pages. */
export async function login(options: LoginOptions): Promise<LoginResult> {
  const browser = options.browser ?? new Browser();
  const config = await discover(options.issuer, options.clientId, options.clientSecret);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: options.redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    // An app that knows both the org and the user's email sends both (the org may sign in through its IdP).
    ...(options.organization ? { organization: options.organization, login_hint: options.email } : {}),
    ...options.extra,
  });
  const saw: string[] = [];
  let hop = await browser.follow(url.href, options.redirectUri);
  for (let step = 0; step < 6 && !hop.location?.startsWith(options.redirectUri); step += 1) {
    if (hop.status >= 400) throw new LoginError(hop);
    if (hop.body.includes('name="email"') && !hop.body.includes('name="password"')) {
      saw.push('identifier');
      hop = await browser.follow(formAction(hop), options.redirectUri, { form: { email: options.email } });
    } else if (hop.body.includes('name="password"')) {
      saw.push('password');
      hop = await browser.follow(formAction(hop), options.redirectUri, {
        form: { email: options.email, password: options.password },
      });
    } else if (hop.body.includes('name="organization"')) {
      saw.push('picker');
      const slug = options.pick;
      const value = new RegExp(`value="([^"]+)" data-org="${slug}"`).exec(hop.body)?.[1];
      if (!value) throw new Error(`the picker does not offer ${slug}`);
      hop = await browser.follow(formAction(hop), options.redirectUri, { form: { organization: value } });
    } else {
      throw new LoginError(hop);
    }
  }
  if (!hop.location?.startsWith(options.redirectUri)) throw new LoginError(hop);
  const callback = new URL(hop.location);
  const code = callback.searchParams.get('code') ?? '';
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  return { browser, config, tokens, code, callback, verifier, saw };
}

export class LoginError extends Error {
  readonly hop: Hop;
  constructor(hop: Hop) {
    super(
      `login stopped at ${hop.url} (HTTP ${hop.status}): ${hop.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 400)}`,
    );
    this.hop = hop;
  }
}
