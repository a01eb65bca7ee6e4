/**
 * Sends the browser to a connection's upstream OIDC IdP: discovery, then an
 * authorization-code request with PKCE (S256), `state` and `nonce`, whose transaction
 * is stored bound to the connection and the waiting interaction (RFC 9700 §4.4, §2.1.1).
 */
import * as oidc from 'openid-client';
import type { Connection } from '../../model/federation';
import { OidcRpRepository } from '../../store/oidc-rp-repository';
import { FederationError, type StartUpstreamLogin } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import { discoverUpstream } from './discover-upstream';

/** How long the IdP has to send the browser back. */
export const OIDC_TRANSACTION_TTL_MS = 10 * 60 * 1000;

/** The redirect URI of a connection: one per upstream, so answers cannot be mixed up. */
export function oidcRedirectUri(protocolUrl: string, connection: Pick<Connection, 'id' | 'sp'>): string {
  return connection.sp.redirectUri ?? `${protocolUrl}/federation/oidc/${encodeURIComponent(connection.id)}/callback`;
}

/** `openid` first, then the connection's other scopes. */
export function requestedScopes(scopes: readonly string[] | undefined): string {
  return ['openid', ...(scopes ?? []).filter((scope) => scope !== 'openid')].join(' ');
}

/** The protocol's start: returns the URL of the IdP's authorization endpoint. */
export function createStartOidcLogin(deps: FederationDeps): StartUpstreamLogin {
  const transactions = new OidcRpRepository(deps.db);
  return async ({ connection, interactionUid, issuerPath, loginHint, trace }) => {
    const began = Date.now();
    let upstream;
    try {
      upstream = await discoverUpstream(deps, connection);
    } catch (error) {
      if (error instanceof FederationError) trace.fail(error.rule, error.message, { issuer: connection.oidc?.issuer });
      throw error;
    }
    const server = upstream.config.serverMetadata();
    trace.step({
      from: 'orgbench',
      to: 'idp',
      title: `Discovery of ${upstream.issuer}`,
      status: 'ok',
      durationMs: Date.now() - began,
      detail: {
        issuer: server.issuer,
        authorization_endpoint: server.authorization_endpoint,
        token_endpoint: server.token_endpoint,
        jwks_uri: server.jwks_uri,
        userinfo_endpoint: server.userinfo_endpoint,
        authorization_response_iss_parameter_supported: upstream.sendsIssParameter,
        id_token_alg: upstream.idTokenAlg,
      },
    });

    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = deps.clock.now().getTime();
    transactions.purgeExpired(now);
    transactions.insert({
      state,
      connectionId: connection.id,
      interactionUid,
      issuerPath,
      nonce,
      codeVerifier,
      createdAt: now,
      expiresAt: now + OIDC_TRANSACTION_TTL_MS,
    });

    const parameters: Record<string, string> = {
      response_type: 'code',
      redirect_uri: oidcRedirectUri(deps.protocolUrl, connection),
      scope: requestedScopes(connection.oidc?.scopes),
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...(loginHint ? { login_hint: loginHint } : {}),
    };
    const url = oidc.buildAuthorizationUrl(upstream.config, parameters);
    trace.step({
      from: 'browser',
      to: 'idp',
      title: 'Authorization request (code flow, PKCE S256)',
      status: 'info',
      detail: { endpoint: `${url.origin}${url.pathname}`, client_id: connection.oidc?.clientId, ...parameters },
    });
    return url.href;
  };
}
