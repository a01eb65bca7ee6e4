/**
 * Turns what openid-client (and oauth4webapi beneath it) throws into the stable rule of
 * the check that failed, so a trace can say *why* an upstream login was refused. The
 * library's own error codes and the claim it names decide; messages are only read where
 * one code covers several checks.
 */
import { FederationError } from '../contracts';

interface ErrorFacts {
  code: string | undefined;
  messages: string[];
  claim: string | undefined;
  attribute: string | undefined;
  oauthError: string | undefined;
  oauthDescription: string | undefined;
  status: number | undefined;
}

/** Rule ids of the OIDC relying party, one per check (shown in traces, errors and the CLI). */
export const OIDC_RULES = {
  state: 'oidc_state',
  issuer: 'oidc_issuer',
  nonce: 'oidc_nonce',
  signature: 'oidc_signature',
  audience: 'oidc_audience',
  expired: 'oidc_expired',
  notYetValid: 'oidc_not_yet_valid',
  idpError: 'oidc_idp_error',
  consentDenied: 'oidc_consent_denied',
  requiredClaim: 'oidc_required_claim',
  insecureIssuer: 'oidc_insecure_issuer',
  discovery: 'oidc_discovery',
  discoveryIssuer: 'oidc_discovery_issuer',
  tokenRequest: 'oidc_token_request',
  tokenResponse: 'oidc_token_response',
  timeout: 'oidc_timeout',
  unreachable: 'oidc_unreachable',
  userinfo: 'oidc_userinfo',
  missingCode: 'oidc_missing_code',
} as const;

function factsOf(error: unknown): ErrorFacts {
  const facts: ErrorFacts = {
    code: undefined,
    messages: [],
    claim: undefined,
    attribute: undefined,
    oauthError: undefined,
    oauthDescription: undefined,
    status: undefined,
  };
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const item = current as Record<string, unknown>;
    if (current instanceof Error) facts.messages.push(current.message);
    if (typeof item.code === 'string') facts.code ??= item.code;
    if (typeof item.claim === 'string') facts.claim ??= item.claim;
    if (typeof item.attribute === 'string') facts.attribute ??= item.attribute;
    if (typeof item.error === 'string') facts.oauthError ??= item.error;
    if (typeof item.error_description === 'string') facts.oauthDescription ??= item.error_description;
    if (typeof item.status === 'number') facts.status ??= item.status;
    current = item.cause;
  }
  return facts;
}

const mentions = (facts: ErrorFacts, text: string) => facts.messages.some((message) => message.includes(text));

const fail = (rule: string, message: string, status = 400) => new FederationError(rule, message, status);

/** The FederationError for an error thrown during the code exchange or ID token checks. */
export function classifyOidcError(error: unknown): FederationError {
  if (error instanceof FederationError) return error;
  const facts = factsOf(error);
  const detail = facts.messages.at(-1) ?? 'unknown error';

  switch (facts.code) {
    case 'OAUTH_RESPONSE_BODY_ERROR':
      return fail(
        OIDC_RULES.tokenRequest,
        `The IdP refused the code exchange: ${facts.oauthError ?? 'error'}${facts.oauthDescription ? ` (${facts.oauthDescription})` : ''}.`,
        502,
      );
    case 'OAUTH_TIMEOUT':
    case 'OAUTH_ABORT':
      return fail(OIDC_RULES.timeout, 'The IdP did not answer in time.', 504);
    case 'OAUTH_HTTP_REQUEST_FORBIDDEN':
    case 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN':
      return fail(OIDC_RULES.insecureIssuer, `The IdP named an endpoint Orgbench may not call: ${detail}.`, 502);
    case 'OAUTH_KEY_SELECTION_FAILED':
      return fail(OIDC_RULES.signature, 'The ID token is signed with a key the IdP does not publish in its JWKS.');
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      if (facts.claim === 'nbf')
        return fail(OIDC_RULES.notYetValid, 'The ID token is not valid yet (nbf is in the future).');
      if (facts.claim === 'auth_time')
        return fail(OIDC_RULES.expired, 'The sign-in at the IdP is too old (auth_time).');
      return fail(OIDC_RULES.expired, `The ID token has expired (${facts.claim ?? 'exp'}).`);
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      if (facts.claim === 'aud' || facts.claim === 'azp') {
        return fail(
          OIDC_RULES.audience,
          `The ID token is meant for another client (${facts.claim} does not name this client).`,
        );
      }
      if (facts.claim === 'iss') return fail(OIDC_RULES.issuer, 'The ID token was issued by another issuer (iss).');
      if (facts.claim === 'nonce')
        return fail(OIDC_RULES.nonce, 'The ID token nonce does not belong to this sign-in (replayed or forged).');
      return fail(OIDC_RULES.tokenResponse, `An ID token claim has an unexpected value: ${detail}.`);
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
      if (facts.attribute === 'issuer')
        return fail(OIDC_RULES.discoveryIssuer, 'The discovery document names another issuer.', 502);
      if (facts.attribute === 'sub')
        return fail(OIDC_RULES.userinfo, 'The userinfo answer is about another subject.', 502);
      return fail(OIDC_RULES.tokenResponse, detail, 502);
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
    case 'OAUTH_PARSE_ERROR':
      return fail(
        OIDC_RULES.tokenResponse,
        `The IdP answered with something that is not a valid OAuth response: ${detail}.`,
        502,
      );
    case 'OAUTH_UNSUPPORTED_OPERATION':
      return fail(OIDC_RULES.signature, `The ID token cannot be verified: ${detail}.`);
    default:
      break;
  }
  if (mentions(facts, 'signature verification failed')) {
    return fail(
      OIDC_RULES.signature,
      'The ID token signature does not verify with the IdP’s published keys (tampered or forged).',
    );
  }
  if (mentions(facts, '"alg" header parameter')) {
    return fail(
      OIDC_RULES.signature,
      'The ID token is not signed with the expected algorithm (alg "none" or another algorithm).',
    );
  }
  if (mentions(facts, '"nonce" (nonce) claim missing')) return fail(OIDC_RULES.nonce, 'The ID token carries no nonce.');
  if (mentions(facts, 'claim missing'))
    return fail(OIDC_RULES.requiredClaim, `The ID token lacks a required claim: ${detail}.`);
  if (mentions(facts, '"state"')) return fail(OIDC_RULES.state, `The callback state does not match: ${detail}.`);
  if (mentions(facts, '"iss" (issuer)'))
    return fail(OIDC_RULES.issuer, `The callback issuer does not match: ${detail}.`);
  if (mentions(facts, 'Authorization Code'))
    return fail(OIDC_RULES.missingCode, 'The callback carries no authorization code.');
  if (error instanceof TypeError && mentions(facts, 'fetch failed')) {
    return fail(OIDC_RULES.unreachable, 'The IdP could not be reached.', 502);
  }
  return fail(OIDC_RULES.tokenResponse, `The IdP’s token response was refused: ${detail}.`, 502);
}
