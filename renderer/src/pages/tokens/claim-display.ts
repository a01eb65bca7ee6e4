/**
 * How claims and header parameters read in the inspector: values as text, timestamps
 * as dates, and which claims carry the organization (highlighted in the tables).
 */

/** Claims whose number is a time in seconds since 1970. */
export const TIME_CLAIMS: readonly string[] = ['iat', 'exp', 'nbf', 'auth_time', 'updated_at'];

/** Meanings of the JOSE header parameters the inspector meets. */
export const HEADER_GLOSSARY: Record<string, string> = {
  alg: 'Signing algorithm, e.g. ES256 (ECDSA P-256) or RS256 (RSA).',
  typ: 'Token type: at+jwt for an access token (RFC 9068), JWT otherwise.',
  kid: 'Key id: which key of the issuer’s JWKS signed this token.',
  cty: 'Content type of a nested token.',
  jku: 'URL of the JWKS holding the signing key (never trusted blindly).',
  x5t: 'Thumbprint of the signing certificate.',
  crit: 'Extensions the verifier must understand.',
  enc: 'Content encryption algorithm (encrypted tokens).',
};

/** A claim value as one line of text: strings as they are, everything else as JSON. */
export function formatClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** The date a time claim stands for, or `undefined` when the claim is not a time. */
export function claimDate(claim: string, value: unknown): Date | undefined {
  if (!TIME_CLAIMS.includes(claim) || typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return new Date(value * 1000);
}

/**
 * True for claims that carry the organization: the `org_*` / `organization_*` names and
 * any claim the server explains as belonging to the organization (renamed org claims,
 * organization attributes).
 */
export function isOrgClaim(claim: string, meaning: string | undefined): boolean {
  return /^org(anization)?_/i.test(claim) || /organization/i.test(meaning ?? '');
}
