/**
 * The OIDC fault switches, applied where a real IdP would get them wrong: in the ID
 * token's claims (times, audience, issuer, nonce, a missing email), in its encoding
 * (alg none, an unpublished key, a payload changed after signing), and in the
 * authorization response (error, refused consent, another state).
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ActiveFault, FaultName, VendorPreset } from '../../model/federation';
import { EMAIL_CLAIMS, ID_TOKEN_LIFETIME } from './vendor-claims';
import { base62, guid } from './vendor-ids';

/** The faults of one login, by name, with their amount (minutes of skew, ms of delay). */
export type FaultSwitches = Partial<Record<FaultName, { amount: number | null }>>;

/** Longest delay the `slow` fault may cause, whatever amount was asked for. */
export const MAX_SLOW_MS = 30_000;
/** How far ahead `not_yet_valid` puts `iat`/`nbf`, and how far back `expired` puts `exp`. */
export const FAULT_SHIFT_SECONDS = 10 * 60;

export function toSwitches(faults: readonly ActiveFault[]): FaultSwitches {
  const switches: FaultSwitches = {};
  for (const fault of faults) switches[fault.fault] = { amount: fault.amount };
  return switches;
}

/** How many milliseconds the token endpoint waits under the `slow` fault. */
export function slowDelayMs(switches: FaultSwitches): number {
  const amount = switches.slow?.amount ?? 0;
  return Math.max(0, Math.min(MAX_SLOW_MS, amount));
}

/** The issuer a misconfigured or mixed-up tenant of this vendor would name instead. */
export function lookalikeIssuer(preset: VendorPreset, issuer: string, claims: Record<string, unknown>): string {
  switch (preset) {
    case 'entra':
      // The v1 issuer of the same tenant (the v1/v2 mismatch).
      return `https://sts.windows.net/${typeof claims.tid === 'string' ? claims.tid : guid('tenant', issuer)}/`;
    case 'okta':
      return `${issuer}/oauth2/default`; // custom authorization server instead of the org one
    case 'google':
      return issuer.replace(/^https?:\/\//, ''); // the scheme-less legacy spelling
    case 'ping':
      return `${issuer}/as`;
    default:
      return `${issuer}/`; // a trailing slash: a different string, so a different issuer
  }
}

/** A client id of another app at the same vendor. */
export function otherClientId(preset: VendorPreset, clientId: string): string {
  switch (preset) {
    case 'entra':
    case 'ping':
      return guid('other-app', clientId);
    case 'okta':
      return `0oa${base62(17, 'other-app', clientId)}`;
    case 'google':
      return `${base62(12, 'other-app', clientId).replace(/\D/g, '7')}-other.apps.googleusercontent.com`;
    default:
      return `${clientId}-other`;
  }
}

/** The ID token claims with the claim-level faults applied (a new object). */
export function applyClaimFaults(
  claims: Record<string, unknown>,
  switches: FaultSwitches,
  context: { preset: VendorPreset; issuer: string; clientId: string; now: number },
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...claims };
  const lifetime = ID_TOKEN_LIFETIME[context.preset];
  const setTimes = (iat: number) => {
    out.iat = iat;
    out.exp = iat + lifetime;
    if ('nbf' in claims) out.nbf = iat;
    if ('auth_time' in claims) out.auth_time = iat;
  };
  if (switches.clock_skew) setTimes(context.now + (switches.clock_skew.amount ?? 0) * 60);
  if (switches.expired) {
    setTimes(context.now - lifetime - FAULT_SHIFT_SECONDS);
  }
  if (switches.not_yet_valid) setTimes(context.now + FAULT_SHIFT_SECONDS);
  if (switches.wrong_audience) {
    out.aud = otherClientId(context.preset, context.clientId);
    if ('azp' in out) out.azp = out.aud;
  }
  if (switches.wrong_issuer) out.iss = lookalikeIssuer(context.preset, context.issuer, claims);
  if (switches.wrong_nonce) out.nonce = randomBytes(16).toString('base64url');
  if (switches.missing_attribute) for (const name of EMAIL_CLAIMS) delete out[name];
  return out;
}

export interface SigningKey {
  privateKey: KeyObject;
  kid: string;
}

const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The value `tampered` swaps in after signing: a privilege the IdP never asserted. */
export function tamperedClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const domain = email?.split('@')[1];
  return domain ? { ...claims, email: `ceo@${domain}` } : { ...claims, sub: `${String(claims.sub)}-admin` };
}

/**
 * Encodes the ID token: signed RS256 with the IdP's key, or as the encoding faults say
 * (alg none, a key the JWKS does not publish, a payload changed after signing).
 */
export async function encodeIdToken(
  claims: Record<string, unknown>,
  header: { kid: string; typ?: string },
  keys: { idp: SigningKey; unknown: () => Promise<SigningKey> },
  switches: FaultSwitches,
): Promise<string> {
  if (switches.unsigned) {
    const { kid: _kid, ...rest } = header;
    return `${b64json({ ...rest, alg: 'none' })}.${b64json(claims)}.`;
  }
  const key = switches.unknown_key ? await keys.unknown() : keys.idp;
  const jwt = await new SignJWT(claims)
    .setProtectedHeader({ ...header, alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
  if (!switches.tampered) return jwt;
  const [protectedHeader, , signature] = jwt.split('.');
  return `${protectedHeader}.${b64json(tamperedClaims(claims))}.${signature}`;
}
