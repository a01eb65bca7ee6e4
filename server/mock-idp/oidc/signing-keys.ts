/**
 * A mock IdP's signing key and its JWKS, from the RSA key and certificate it was created
 * with, with `kid` (and `x5t`/`x5c`) shaped like the vendor's: Entra's 27-character
 * `x5t`, Okta's 43-character thumbprint, Google's 40 hex digits. Also the one key that
 * no JWKS publishes, for the `unknown_key` fault.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { VendorPreset } from '../../model/federation';
import type { MockIdpRecord } from '../../store/mock-idp-repository';
import type { SigningKey } from './token-faults';
import { guid } from './vendor-ids';

/** Entra adds a non-standard `issuer` to each key. */
export type PublishedJwk = JWK & { issuer?: string };

export interface MockSigningMaterial extends SigningKey {
  /** The public JWK as the vendor publishes it. */
  jwk: PublishedJwk;
}

/** DER bytes of a PEM certificate. */
export function certificateDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** The `kid` the vendor would give this key. */
export function vendorKid(preset: VendorPreset, certDer: Buffer, thumbprint: string): string {
  switch (preset) {
    case 'entra':
      return createHash('sha1').update(certDer).digest('base64url'); // kid = x5t
    case 'google':
      return createHash('sha1').update(certDer).digest('hex');
    case 'ping':
      return guid('kid', thumbprint);
    case 'secureauth':
      return BigInt(`0x${createHash('sha256').update(certDer).digest('hex').slice(0, 32)}`).toString(10);
    default:
      return thumbprint; // RFC 7638, 43 base64url characters (Okta's shape)
  }
}

const cache = new Map<string, MockSigningMaterial>();

/** The IdP's signing key and public JWK (cached per key and preset). */
export async function signingMaterial(record: MockIdpRecord, issuer: string): Promise<MockSigningMaterial> {
  const der = certificateDer(record.certificatePem);
  const cacheKey = `${record.id}:${record.preset}:${issuer}:${createHash('sha256').update(der).digest('hex')}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const privateKey = createPrivateKey(record.privateKeyPem);
  const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
  const thumbprint = await calculateJwkThumbprint({ kty, n, e } as JWK);
  const kid = vendorKid(record.preset, der, thumbprint);
  const jwk: PublishedJwk =
    record.preset === 'entra'
      ? { kty, use: 'sig', kid, x5t: kid, n, e, x5c: [der.toString('base64')], issuer }
      : record.preset === 'okta'
        ? { kty, alg: 'RS256', kid, use: 'sig', e, n }
        : { kty, alg: 'RS256', use: 'sig', kid, n, e };
  const material = { privateKey, kid, jwk };
  if (cache.size > 200) cache.clear();
  cache.set(cacheKey, material);
  return material;
}

let unknown: SigningKey | undefined;

/** A key generated once per process and published nowhere. */
export async function unknownSigningKey(): Promise<SigningKey> {
  if (!unknown) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { kty, n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
    unknown = { privateKey: privateKey as KeyObject, kid: await calculateJwkThumbprint({ kty, n, e } as JWK) };
  }
  return unknown;
}
