/**
 * Signing keys per tenant, generated on first use and persisted, so discovery and JWKS
 * stay stable across restarts and no development key is ever served. Each tenant gets
 * an RSA key (RS256, the ID-token default every RP understands) and an EC P-256 key
 * (ES256, cheaper for access tokens).
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { KeyRepository, StoredKey } from '../store/key-repository';
import type { Clock } from '../runtime/clock';

const KEY_SPECS = [
  { alg: 'RS256', options: { modulusLength: 2048, extractable: true } },
  { alg: 'ES256', options: { extractable: true } },
] as const;

/** The private JWKs a tenant signs with, creating them if the tenant has none yet. */
export async function ensureTenantKeys(keys: KeyRepository, tenant: string, clock: Clock): Promise<JWK[]> {
  const scope = `tenant:${tenant}`;
  const existing = keys.published(scope);
  const missing = KEY_SPECS.filter((spec) => !existing.some((key) => key.alg === spec.alg && key.status === 'active'));
  if (missing.length > 0) {
    const generated = await Promise.all(missing.map((spec) => generateKey(scope, spec.alg, spec.options, clock)));
    keys.transaction(() => {
      // Another caller may have raced us here; keep whichever landed first.
      const now = keys.published(scope);
      for (const key of generated) {
        if (!now.some((k) => k.alg === key.alg && k.status === 'active')) keys.insert(key);
      }
    });
  }
  return keys.published(scope).map((key) => key.privateJwk);
}

async function generateKey(
  scope: string,
  alg: string,
  options: { modulusLength?: number; extractable: true },
  clock: Clock,
): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(alg, options);
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    scope,
    use: 'sig',
    alg,
    privateJwk: { ...jwk, kid, alg, use: 'sig' },
    status: 'active',
    createdAt: clock.now().toISOString(),
  };
}

export interface PublicKeyInfo {
  kid: string;
  alg: string;
  status: 'active' | 'retiring' | 'retired';
  createdAt: string;
}

/** The keys of a tenant without their private parts. */
export function listTenantKeys(keys: KeyRepository, tenant: string): PublicKeyInfo[] {
  return keys.all(`tenant:${tenant}`).map(({ kid, alg, status, createdAt }) => ({ kid, alg, status, createdAt }));
}

/**
 * Rotation with overlap: fresh keys start signing at once; the keys they replace stay
 * published (status "retiring") so tokens signed with them still verify; keys retired
 * by an earlier rotation leave the JWKS.
 */
export async function rotateTenantKeys(keys: KeyRepository, tenant: string, clock: Clock): Promise<PublicKeyInfo[]> {
  const scope = `tenant:${tenant}`;
  const fresh = await Promise.all(KEY_SPECS.map((spec) => generateKey(scope, spec.alg, spec.options, clock)));
  keys.transaction(() => {
    for (const key of keys.all(scope)) {
      if (key.status === 'retiring') keys.setStatus(key.kid, 'retired');
      if (key.status === 'active') keys.setStatus(key.kid, 'retiring');
    }
    for (const key of fresh) keys.insert(key);
  });
  return listTenantKeys(keys, tenant);
}
