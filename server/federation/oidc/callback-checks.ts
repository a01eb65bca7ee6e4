/**
 * The checks of the OIDC callback around the code exchange, each a step of the pipeline
 * in oidc-callback.ts: it passes (and says so in the trace) or rejects with its rule.
 */
import * as oidc from 'openid-client';
import { readAttribute } from '../attribute-defaults';
import type { CallbackRun } from './callback-run';
import { single } from './callback-run';
import { classifyOidcError, OIDC_RULES } from './classify-oidc-error';
import { CLOCK_TOLERANCE_SECONDS, discoverUpstream } from './discover-upstream';
import { capturingFetch } from './exchange-code';
import { buildProfile, claimsToAttributes, issuedInFuture, missingMappedFields } from './id-token-profile';

/** The transaction is alive and was started for the connection whose redirect URI was called. */
export function checkTransaction(run: CallbackRun): void {
  const { deps, transaction, connectionId } = run;
  if (transaction.expiresAt <= deps.clock.now().getTime()) {
    run.reject(OIDC_RULES.state, 'The IdP answered after the 10 minutes a sign-in may take; start again.');
  }
  if (transaction.connectionId !== connectionId) {
    run.reject(
      OIDC_RULES.issuer,
      'Mix-up: the answer to a sign-in started for another connection arrived at this connection’s redirect URI.',
      { startedFor: transaction.connectionId, arrivedAt: connectionId },
    );
  }
  run.connection = deps.connections.get(connectionId);
  run.trace.annotate({ orgId: run.connection.orgId, connectionId: run.connection.id });
  run.trace.pass(OIDC_RULES.state, 'State matches the sign-in started here', { state: transaction.state });
  if (!run.connection.enabled) {
    run.reject('connection_disabled', `The connection “${run.connection.name}” was switched off.`, undefined, 403);
  }
}

/** RFC 9207 / RFC 9700 §4.4: the answer names the issuer that sent it, and it is this connection's. */
export async function checkIssuerParameter(run: CallbackRun): Promise<void> {
  run.upstream = await discoverUpstream(run.deps, run.connection, capturingFetch(run.capture));
  const expected = run.upstream.issuer;
  const iss = single(run.query, 'iss');
  if (iss !== undefined && iss !== expected) {
    run.reject(OIDC_RULES.issuer, `Mix-up: the answer comes from ${iss}, not from this connection’s issuer.`, {
      expected,
      received: iss,
    });
  }
  if (iss === undefined && run.upstream.sendsIssParameter) {
    run.reject(OIDC_RULES.issuer, 'The answer has no iss although the IdP advertises RFC 9207 (possible mix-up).', {
      expected,
    });
  }
  run.trace.pass(
    OIDC_RULES.issuer,
    iss ? `Answer issuer is ${iss}` : 'The IdP does not send iss (RFC 9207); the redirect URI binds the answer to it',
    { expected, received: iss ?? null },
  );
}

/** An error answer (refused consent, an IdP failure) ends the login; otherwise a code must be there. */
export function checkErrorAnswer(run: CallbackRun): void {
  const error = single(run.query, 'error');
  if (error) {
    const description = single(run.query, 'error_description');
    const detail = { error, error_description: description ?? null };
    const why = description ? ` (${description.replace(/\.$/, '')})` : '';
    if (error === 'access_denied') {
      run.reject(
        OIDC_RULES.consentDenied,
        `The user or the IdP refused the sign-in: access_denied${why}.`,
        detail,
        403,
      );
    }
    run.reject(OIDC_RULES.idpError, `The IdP answered with an error: ${error}${why}.`, detail, 502);
  }
  if (!single(run.query, 'code')) run.reject(OIDC_RULES.missingCode, 'The answer carries no authorization code.');
}

/** openid-client checks `exp` and `nbf` but leaves an `iat` in the future to us. */
export function checkIssuedAt(run: CallbackRun): void {
  const now = Math.floor(run.deps.clock.now().getTime() / 1000);
  const { iat } = run.claims;
  if (issuedInFuture(run.claims, now, CLOCK_TOLERANCE_SECONDS)) {
    run.reject(OIDC_RULES.notYetValid, 'The ID token was issued in the future (iat): the IdP’s clock is ahead.', {
      iat,
      now,
    });
  }
  run.trace.pass(OIDC_RULES.notYetValid, 'Issued in the past (iat)', { iat, now });
}

/** Userinfo, only when the ID token lacks claims the mapping uses (thin tokens: Okta, PingFederate). */
export async function fetchMissingClaims(run: CallbackRun): Promise<void> {
  const missing = missingMappedFields(run.connection.mapping, claimsToAttributes(run.claims));
  const endpoint = run.upstream.config.serverMetadata().userinfo_endpoint;
  const accessToken = run.tokens.access_token;
  if (missing.length === 0 || !endpoint || !accessToken) return;
  const began = Date.now();
  try {
    run.userinfo = await oidc.fetchUserInfo(run.upstream.config, accessToken, String(run.claims.sub));
  } catch (error) {
    run.reject(OIDC_RULES.userinfo, `Userinfo failed: ${classifyOidcError(error).message}`, { endpoint }, 502);
  }
  run.trace.step({
    from: 'orgbench',
    to: 'idp',
    title: `Userinfo (for ${missing.join(', ')})`,
    status: 'ok',
    durationMs: Date.now() - began,
    detail: { endpoint, userinfo: run.userinfo },
  });
}

/** The profile for the spine, which must at least carry the email the mapping reads. */
export function checkRequiredClaims(run: CallbackRun): void {
  const { mapping } = run.connection;
  const profile = buildProfile(run.claims, run.userinfo, run.connection.mockIdpId !== null);
  const email = readAttribute(profile.attributes, 'email', mapping.attributes.email);
  if (!email) {
    run.reject(
      OIDC_RULES.requiredClaim,
      `The IdP sent no email claim (looked for “${mapping.attributes.email}” and the usual names) in the ID token or userinfo.`,
      { claims: Object.keys(profile.attributes) },
    );
  }
  run.trace.pass(OIDC_RULES.requiredClaim, `Email from “${email?.name}”`, { subject: profile.subject });
  if (profile.persona) run.trace.annotate({ persona: profile.persona });
  run.profile = profile;
}
