/**
 * From a verified ID token (and userinfo) to the ExternalProfile the spine maps: claims
 * flattened to attribute values, the checks openid-client leaves to us (`iat` in the
 * future, the claims the mapping needs), and the decoded token for the trace.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Mapping } from '../../model/federation';
import { ATTRIBUTE_FALLBACKS, readAttribute, type MappedField } from '../attribute-defaults';
import type { ExternalProfile } from '../contracts';

/** Claim a mock IdP sets to name the persona that signed in. */
export const PERSONA_CLAIM = 'orgbench_persona';

/** Header and claims of a JWT, unverified, for display only. */
export function decodeForTrace(jwt: string | undefined): Record<string, unknown> | undefined {
  if (!jwt) return undefined;
  try {
    return {
      header: decodeProtectedHeader(jwt),
      claims: decodeJwt(jwt),
      signature: jwt.split('.')[2] ? 'present' : 'none',
    };
  } catch {
    return { raw: jwt.slice(0, 2000), decodable: false };
  }
}

function toValue(value: unknown): string | string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  return JSON.stringify(value);
}

/** Every claim as an attribute value (numbers and booleans as text, objects as JSON). */
export function claimsToAttributes(...sources: Record<string, unknown>[]): Record<string, string | string[]> {
  const attributes: Record<string, string | string[]> = {};
  for (const source of sources) {
    for (const [name, raw] of Object.entries(source)) {
      const value = toValue(raw);
      if (value !== undefined && !(name in attributes)) attributes[name] = value;
    }
  }
  return attributes;
}

/** True when `iat` lies further in the future than the tolerance (openid-client does not check it). */
export function issuedInFuture(claims: { iat?: unknown }, nowSeconds: number, toleranceSeconds: number): boolean {
  return typeof claims.iat === 'number' && claims.iat > nowSeconds + toleranceSeconds;
}

/** The mapped user fields the claims do not provide (under the mapped name or the usual ones). */
export function missingMappedFields(mapping: Mapping, attributes: Record<string, string | string[]>): MappedField[] {
  const fields = Object.keys(ATTRIBUTE_FALLBACKS) as MappedField[];
  return fields.filter((field) => {
    const mapped = mapping.attributes[field];
    if (field !== 'email' && !mapped) return false;
    return readAttribute(attributes, field, mapped) === undefined;
  });
}

export function buildProfile(
  claims: Record<string, unknown>,
  userinfo: Record<string, unknown> | undefined,
  fromMockIdp: boolean,
): ExternalProfile {
  const persona = claims[PERSONA_CLAIM];
  return {
    subject: String(claims.sub),
    // The ID token wins over userinfo where both name a claim: it is the signed one.
    attributes: claimsToAttributes(claims, userinfo ?? {}),
    persona: fromMockIdp && typeof persona === 'string' ? persona : null,
  };
}
