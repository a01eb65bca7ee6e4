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
