/**
 * Decodes a token and checks its signature, for the token inspector. Keys come from one
 * of Orgbench's own issuers (no network), a pasted JWKS, or a discovery URL (fetched
 * with a 10 s timeout and a 1 MiB cap).
 */
import {
  compactVerify,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { z } from 'zod';
import { ValidationError } from '../errors';
import type { TokenInspection } from '../model/token';
import { CLAIM_GLOSSARY } from './claim-glossary';

export type { TokenInspection };

export const keySourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('issuer'), issuer: z.string().url('must be a URL') }),
  z.strictObject({
    kind: z.literal('jwks'),
    jwks: z
      .string()
      .min(2, 'paste a JWKS document')
      .max(1024 * 1024),
  }),
  z.strictObject({ kind: z.literal('discovery'), url: z.string().url('must be a URL') }),
]);

export type KeySource = z.infer<typeof keySourceSchema>;

export const inspectRequestSchema = z.strictObject({
  token: z
    .string()
    .trim()
    .min(1, 'paste a token')
    .max(64 * 1024, 'is longer than 64 KiB'),
  keys: keySourceSchema.default({ kind: 'auto' }),
});

/** Public keys of Orgbench's own issuers, looked up by issuer URL. */
export type LocalJwks = (issuer: string) => JWK[] | undefined;

const FETCH_LIMIT = 1024 * 1024;

export async function inspectToken(
  token: string,
  source: KeySource,
  localJwks: LocalJwks,
  now: Date,
  orgClaimNames: Record<string, string> = {},
): Promise<TokenInspection> {
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return {
      format: 'opaque',
      header: null,
      claims: null,
      signature: {
        status: 'unverified',
        message: 'Opaque token: only its issuer can read it (introspection).',
        keySource: null,
      },
      expiry: { issuedAt: null, expiresAt: null, notBefore: null, expired: null },
      explanations: [],
    };
  }
  const at = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null);
  const expiry = {
    issuedAt: at(claims.iat),
    expiresAt: at(claims.exp),
    notBefore: at(claims.nbf),
    expired: typeof claims.exp === 'number' ? claims.exp * 1000 <= now.getTime() : null,
  };
  const explanations = Object.keys(claims).map((claim) => ({
    claim,
    meaning: CLAIM_GLOSSARY[claim] ?? orgClaimNames[claim] ?? 'A custom claim.',
  }));
  return {
    format: 'jwt',
    header,
    claims,
    signature: await verify(token, claims, source, localJwks),
    expiry,
    explanations,
  };
}

async function verify(
  token: string,
  claims: JWTPayload,
  source: KeySource,
  localJwks: LocalJwks,
): Promise<TokenInspection['signature']> {
  let keys: JSONWebKeySet;
  let label: string;
  try {
    ({ keys, label } = await resolveKeys(claims, source, localJwks));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    return { status: 'unverified', message: (error as Error).message, keySource: null };
  }
  try {
    // Signature only, no exp/nbf checks: expiry is shown separately, so an expired token
    // (even one without iat) still verifies here.
    await compactVerify(token, createLocalJWKSet(keys));
    return { status: 'valid', message: `Signature verified with ${label}.`, keySource: label };
  } catch (error) {
    return { status: 'invalid', message: `Signature check failed: ${(error as Error).message}`, keySource: label };
  }
}

async function resolveKeys(
  claims: JWTPayload,
  source: KeySource,
  localJwks: LocalJwks,
): Promise<{ keys: JSONWebKeySet; label: string }> {
  switch (source.kind) {
    case 'auto':
    case 'issuer': {
      const issuer = source.kind === 'issuer' ? source.issuer : typeof claims.iss === 'string' ? claims.iss : '';
      const local = localJwks(issuer);
      if (!local)
        throw new Error(`No Orgbench issuer is ${issuer || 'named in the token'}; paste a JWKS or a discovery URL.`);
      return { keys: { keys: local }, label: `the keys of ${issuer}` };
    }
    case 'jwks': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(source.jwks);
      } catch {
        throw new ValidationError([{ path: 'keys.jwks', message: 'is not valid JSON' }]);
      }
      return { keys: asKeySet(parsed), label: 'the pasted JWKS' };
    }
    case 'discovery': {
      const discovery = (await fetchJson(source.url)) as { jwks_uri?: unknown };
      if (typeof discovery.jwks_uri !== 'string') throw new Error('The discovery document has no jwks_uri.');
      return { keys: (await fetchJson(discovery.jwks_uri)) as JSONWebKeySet, label: discovery.jwks_uri };
    }
  }
}

/** A pasted JWKS, or one JWK taken as a set of one; anything else is a mistake in `keys.jwks`. */
function asKeySet(parsed: unknown): JSONWebKeySet {
  const isKey = (value: unknown): value is JWK =>
    typeof value === 'object' && value !== null && typeof (value as JWK).kty === 'string';
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (Array.isArray(keys) && keys.every(isKey)) return { keys };
  if (isKey(parsed)) return { keys: [parsed] };
  throw new ValidationError([
    { path: 'keys.jwks', message: 'must be a JWKS ({"keys": [...]}) or one JWK with a "kty"' },
  ]);
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}.`);
  const text = await response.text();
  if (text.length > FETCH_LIMIT) throw new Error(`${url} returned more than 1 MiB.`);
  return JSON.parse(text) as unknown;
}
