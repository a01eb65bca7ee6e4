// The default tenant's issuer on the protocol listener: discovery and JWKS, read by a
// real relying party (openid-client), with keys that persist and are never dev keys.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { serverPerTest, startTestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';

interface Jwks {
  keys: { kid: string; kty: string; alg: string; d?: string; p?: string }[];
}

/** Key material of oidc-provider's development keystore, read from the installed package. */
function devKeyMaterial(): string[] {
  const path = createRequire(import.meta.url)
    .resolve('oidc-provider/package.json')
    .replace(/package\.json$/, 'lib/consts/dev_keystore.js');
  const source = readFileSync(path, 'utf8');
  return [...source.matchAll(/\b(?:n|x|kid): '([^']+)'/g)].map((match) => match[1] as string);
}

describe('default issuer', () => {
  const ctx = serverPerTest();

  const issuer = () => ctx.server.issuers[0]?.issuer ?? '';

  it('is discoverable by openid-client with PKCE S256 only', async () => {
    const config = await client.discovery(new URL(issuer()), 'probe', undefined, undefined, {
      execute: [client.allowInsecureRequests],
    });
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(`${ctx.server.protocolUrl}/default/default`);
    expect(metadata.jwks_uri).toBe(`${issuer()}/jwks`);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.introspection_endpoint).toBe(`${issuer()}/token/introspection`);
  });

  it('publishes an RSA and an EC public key, never private parts or dev keys, stable across restarts', async () => {
    const read = async () => (await (await fetch(`${issuer()}/jwks`)).json()) as Jwks;
    const first = await read();
    expect(first.keys.map((key) => `${key.kty}/${key.alg}`).sort()).toEqual(['EC/ES256', 'RSA/RS256']);
    for (const key of first.keys) {
      expect(key.d).toBeUndefined();
      expect(key.p).toBeUndefined();
    }
    const devMaterial = devKeyMaterial();
    expect(devMaterial.length).toBeGreaterThanOrEqual(2);
    for (const key of first.keys as unknown as Record<string, string>[]) {
      for (const field of ['n', 'x', 'kid']) expect(devMaterial).not.toContain(key[field]);
    }

    await ctx.restart();
    const second = await read();
    expect(second.keys.map((key) => key.kid).sort()).toEqual(first.keys.map((key) => key.kid).sort());
  });

  it('gives each data folder its own keys', async () => {
    const other = makeTempDir();
    const otherServer = await startTestServer({}, other);
    try {
      const kids = async (url: string) =>
        ((await (await fetch(`${url}/jwks`)).json()) as Jwks).keys.map((key) => key.kid).sort();
      expect(await kids(issuer())).not.toEqual(await kids(otherServer.issuers[0]?.issuer ?? ''));
    } finally {
      await otherServer.stop();
      other.remove();
    }
  });

  it('offers no development login: an authorize request does not log anyone in', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const url = new URL(`${issuer()}/auth`);
    url.search = new URLSearchParams({
      client_id: 'unknown-client',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'http://127.0.0.1:9/cb',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/invalid_client/);
  });

  it('answers health and a JSON 404 on the protocol listener', async () => {
    expect(await (await fetch(`${ctx.server.protocolUrl}/healthz`)).json()).toMatchObject({ status: 'ok' });
    const missing = await fetch(`${ctx.server.protocolUrl}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });
});
