/**
 * The code exchange: openid-client redeems the code with the PKCE verifier and checks
 * the ID token (signature against the IdP's JWKS even over plain http, iss, aud,
 * exp/nbf, nonce); each check is then written to the trace, or the one that failed is,
 * with the decoded ID token beside it.
 */
import * as oidc from 'openid-client';
import type { CallbackRun } from './callback-run';
import { Rejected } from './callback-run';
import { classifyOidcError, OIDC_RULES } from './classify-oidc-error';
import { decodeForTrace } from './id-token-profile';
import { oidcRedirectUri } from './start-oidc-login';
import { upstreamFetch } from './upstream-fetch';

export async function exchangeCode(run: CallbackRun): Promise<void> {
  const { deps, connection, upstream, transaction, trace } = run;
  // The redirect URI exactly as sent, whatever host name the browser used to come back.
  const currentUrl = new URL(oidcRedirectUri(deps.protocolUrl, connection));
  currentUrl.search = run.query.toString();
  const request = {
    endpoint: upstream.config.serverMetadata().token_endpoint,
    grant_type: 'authorization_code',
    redirect_uri: `${currentUrl.origin}${currentUrl.pathname}`,
  };
  const title = 'Token request (code + PKCE verifier)';
  const began = Date.now();
  let tokens;
  try {
    tokens = await oidc.authorizationCodeGrant(upstream.config, currentUrl, {
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      pkceCodeVerifier: transaction.codeVerifier,
      idTokenExpected: true,
    });
  } catch (error) {
    const failure = classifyOidcError(error);
    const answered = run.capture.tokenBody !== undefined;
    trace.step({
      from: 'orgbench',
      to: 'idp',
      title,
      status: answered ? 'ok' : 'fail',
      durationMs: Date.now() - began,
      detail: request,
    });
    const body = run.capture.tokenBody;
    const idToken = decodeForTrace(typeof body?.id_token === 'string' ? body.id_token : undefined);
    trace.fail(failure.rule, failure.message, idToken ? { id_token: idToken } : undefined);
    throw new Rejected(failure);
  }

  const idToken = decodeForTrace(tokens.id_token);
  trace.step({ from: 'orgbench', to: 'idp', title, status: 'ok', durationMs: Date.now() - began, detail: request });
  trace.step({
    from: 'idp',
    to: 'orgbench',
    title: 'ID token',
    status: 'info',
    detail: { id_token: idToken, token_type: tokens.token_type, scope: tokens.scope ?? null },
  });
  const claims = (tokens.claims() ?? {}) as Record<string, unknown>;
  const header = (idToken?.header ?? {}) as Record<string, unknown>;
  trace.pass(
    OIDC_RULES.signature,
    `Signature verified with the IdP’s JWKS (${String(header.alg)}, kid ${String(header.kid ?? '—')})`,
  );
  trace.pass(OIDC_RULES.issuer, `ID token issuer is ${String(claims.iss)}`);
  trace.pass(OIDC_RULES.audience, `Audience is this client (${connection.oidc?.clientId})`, { aud: claims.aud });
  trace.pass(OIDC_RULES.expired, `Valid until ${new Date(Number(claims.exp) * 1000).toISOString()}`, {
    exp: claims.exp,
    nbf: claims.nbf ?? null,
  });
  trace.pass(OIDC_RULES.nonce, 'Nonce matches this sign-in');
  run.tokens = tokens;
  run.claims = claims;
}

/** upstreamFetch, keeping the token endpoint's JSON so a refused ID token can still be shown. */
export function capturingFetch(capture: { tokenBody?: Record<string, unknown> }): oidc.CustomFetch {
  return async (url, options) => {
    const response = await upstreamFetch(url, options);
    if (options.method === 'POST' && response.headers.get('content-type')?.includes('json')) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as Record<string, unknown> | undefined;
      if (body && 'id_token' in body) capture.tokenBody = body;
    }
    return response;
  };
}
