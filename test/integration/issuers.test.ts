// Workspace issuers: created on first use, evicted when idle, rebuilt on demand; signing
// keys rotated with overlap.
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { FederationRuntime } from '../../server/federation/federation-runtime';
import { upstreamProtocols } from '../../server/federation/protocols';
import { IssuerRegistry } from '../../server/oidc/issuer-registry';
import { createServices } from '../../server/services';
import { openDatabase } from '../../server/store/open-database';
import { silentLogger } from '../../server/runtime/logger';
import { M2M } from '../helpers/demo';
import { serverPerTest } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

describe('issuer registry', () => {
  it('creates providers lazily and evicts idle ones', async () => {
    const dir = makeTempDir();
    const db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    const http = createServer();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const services = createServices(db, { now: () => new Date() }, () => origin);
    const federation = new FederationRuntime(services, silentLogger, origin, upstreamProtocols);
    const registry = new IssuerRegistry(
      { ...services, logger: silentLogger, origin, adminToken: 'x'.repeat(40), demo: false, federation },
      1000,
    );
    http.on('request', (req, res) => {
      void registry.handle(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    try {
      services.tenants.createWorkspace('default', { id: 'second', name: 'Second' });
      expect(registry.list().map((entry) => entry.issuer)).toEqual([
        `${origin}/default/default`,
        `${origin}/default/second`,
      ]);
      expect(registry.residentCount()).toBe(0);
      const discover = (path: string) =>
        fetch(`${origin}${path}/.well-known/openid-configuration`).then((r) => r.json() as Promise<{ issuer: string }>);
      expect((await discover('/default/second')).issuer).toBe(`${origin}/default/second`);
      expect(registry.residentCount()).toBe(1);
      await discover('/default/default');
      expect(registry.residentCount()).toBe(2);
      expect(registry.evictIdle(Date.now() + 2000)).toBe(2);
      expect(registry.residentCount()).toBe(0);
      expect((await discover('/default/default')).issuer).toBe(`${origin}/default/default`);
      expect((await fetch(`${origin}/default/missing/.well-known/openid-configuration`)).status).toBe(404);
    } finally {
      http.close();
      db.close();
      dir.remove();
    }
  });
});

describe('key rotation', () => {
  const ctx = serverPerTest({ demo: true });

  it('signs with the new keys at once and keeps the old ones published until the next rotation', async () => {
    const issuer = `${ctx.server.protocolUrl}/default/default`;
    const token = async () => {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${M2M.clientId}:${M2M.secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          resource: 'urn:orgbench:demo:invoices',
          scope: 'invoices:read',
        }),
      });
      return String(((await response.json()) as { access_token: string }).access_token);
    };
    const kids = async () =>
      ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

    const before = await token();
    const oldKid = decodeProtectedHeader(before).kid;
    const rotated = await ctx.server.api('POST', '/api/tenants/default/keys/rotate');
    expect(rotated.status).toBe(200);
    const after = await token();
    const newKid = decodeProtectedHeader(after).kid;
    expect(newKid).not.toBe(oldKid);
    expect(await kids()).toEqual(expect.arrayContaining([oldKid, newKid]));

    const inspected = await ctx.server.api('POST', '/api/tokens/inspect', { token: before, keys: { kind: 'auto' } });
    expect(inspected.body).toMatchObject({ signature: { status: 'valid' } });

    await ctx.server.api('POST', '/api/tenants/default/keys/rotate');
    const unknown = await ctx.server.api('POST', '/api/tenants/nowhere/keys/rotate');
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'tenant_not_found' } } });
    expect(await kids()).not.toContain(oldKid);
    expect(await kids()).toContain(newKid);
  });
});
