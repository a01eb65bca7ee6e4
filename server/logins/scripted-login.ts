/**
 * A whole federated login driven over HTTP through the real endpoints, as a person in a
 * browser would: the app's authorize request, the org's IdP (a mock answers for the
 * chosen persona, with a fault if asked), the ACS or callback with every validation
 * rule, consent, and the code exchange. Used by `orgbench login` and `POST /api/logins`.
 */
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { faultNameSchema } from '../model/federation';
import { parseInput } from '../model/validation';
import { OrgbenchError } from '../errors';
import type { Services } from '../services';
import { readForm, ScriptedBrowser, type Page } from './scripted-browser';

export const scriptedLoginSchema = z.strictObject({
  org: z.string().min(1, 'name the organization (id or slug)'),
  persona: z.string().min(1).optional(),
  client: z.string().min(1).optional(),
  fault: faultNameSchema.optional(),
  /** For faults that take an amount (clock_skew minutes, slow milliseconds). */
  amount: z.number().int().optional(),
});

export type ScriptedLoginResult =
  | {
      ok: true;
      org: string;
      clientId: string;
      persona: string | null;
      traceId: string | null;
      tokens: Record<string, unknown>;
      idTokenClaims: Record<string, unknown> | null;
    }
  | {
      ok: false;
      org: string;
      clientId: string;
      persona: string | null;
      traceId: string | null;
      rule: string;
      message: string;
    };

export async function runScriptedLogin(services: Services, input: unknown): Promise<ScriptedLoginResult> {
  const request = parseInput(scriptedLoginSchema, input);
  const org = services.orgs.get(request.org);
  const [connection] = services.connections.enabledOf(org.id);
  const mockIdp = connection?.mockIdpId ? services.mockIdps.get(connection.mockIdpId) : undefined;
  const persona = request.persona ?? mockIdp?.personas[0]?.handle ?? null;
  if (request.fault) {
    if (!mockIdp)
      throw new OrgbenchError(
        'fault_needs_mock_idp',
        `${org.name} does not sign in through a mock IdP, so no fault can be switched on.`,
        { status: 409 },
      );
    services.mockIdps.addFault(mockIdp.id, {
      fault: request.fault,
      mode: 'next',
      ...(request.amount !== undefined ? { amount: request.amount } : {}),
    });
  }

  const clientId =
    request.client ?? services.isolation.compare(org.id).find((model) => model.active)?.clientId ?? 'orgbench-sample';
  const app = services.apps.get(clientId);
  const redirectUri = app.redirectUris[0];
  if (!redirectUri)
    throw new OrgbenchError('client_has_no_redirect', `${clientId} has no redirect URI to sign in with.`, {
      status: 409,
    });
  const secret = services.apps.revealSecret(clientId);
  const config = await oidc.discovery(
    new URL(app.issuer),
    clientId,
    undefined,
    secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
    {
      execute: [oidc.allowInsecureRequests],
    },
  );
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const authorize = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    organization: org.slug,
    ...(persona ? { login_hint: persona } : {}),
  });

  const browser = new ScriptedBrowser();
  const base = { org: org.slug, clientId, persona };
  let page = await browser.follow(authorize.href, redirectUri);
  for (let step = 0; step < 8 && !page.location?.startsWith(redirectUri); step += 1) {
    const failure = rejection(page);
    if (failure) return { ok: false, ...base, traceId: traceOf(services, browser.pages), ...failure };
    const autopost = readForm(page, 'data-autopost');
    if (!autopost) {
      return {
        ok: false,
        ...base,
        traceId: traceOf(services, browser.pages),
        rule: 'unexpected_page',
        message: `The login stopped at ${page.url} (HTTP ${page.status}): ${textOf(page).slice(0, 200)}`,
      };
    }
    page = await browser.follow(autopost.action, redirectUri, autopost.fields);
  }
  const callback = new URL(page.location ?? redirectUri);
  if (callback.searchParams.get('error')) {
    return {
      ok: false,
      ...base,
      traceId: traceOf(services, browser.pages),
      rule: callback.searchParams.get('error') ?? 'error',
      message: callback.searchParams.get('error_description') ?? 'The sign-in was refused.',
    };
  }
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  return {
    ok: true,
    ...base,
    traceId: traceOf(services, browser.pages),
    tokens: { ...tokens },
    idTokenClaims: tokens.id_token ? decodeJwt(tokens.id_token) : null,
  };
}

/** The rule and sentence of an Orgbench error page, if `page` is one. */
function rejection(page: Page): { rule: string; message: string } | undefined {
  const rule = /data-rule="([^"]+)"/.exec(page.body)?.[1];
  if (rule)
    return {
      rule,
      message: textOf({ ...page, body: /role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? page.body }),
    };
  if (page.status >= 400) return { rule: `http_${page.status}`, message: textOf(page).slice(0, 300) };
  return undefined;
}

function textOf(page: Page): string {
  return page.body
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function traceOf(services: Services, pages: Page[]): string | null {
  for (const page of pages) {
    const uid = /\/interaction\/([^/?#]+)/.exec(page.url)?.[1];
    if (uid) return services.traces.forInteraction(uid)?.id ?? null;
  }
  return null;
}
