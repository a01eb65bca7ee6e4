// The admin listener's defences (security.md §3), probed over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/raw-http';
import { startTestServer, type TestServer } from '../helpers/server';

describe('admin API guard', () => {
  let server: TestServer;
  let port: string;
  const orgCount = async () =>
    ((await server.api('GET', '/api/orgs')).body as { organizations: unknown[] }).organizations.length;

  beforeAll(async () => {
    server = await startTestServer();
    port = new URL(server.adminUrl).port;
  });
  afterAll(() => server.stop());

  it('answers /healthz without a token', async () => {
    const response = await fetch(`${server.adminUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('refuses a missing, wrong or cookie-only credential with 401', async () => {
    const missing = await fetch(`${server.adminUrl}/api/orgs`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await fetch(`${server.adminUrl}/api/orgs`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const cookie = await fetch(`${server.adminUrl}/api/orgs`, { headers: { cookie: `token=${server.adminToken}` } });
    expect(cookie.status).toBe(401);
    const basic = await fetch(`${server.adminUrl}/api/orgs`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${server.adminToken}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });

  it.each(['evil.example', `evil.example:${'PORT'}`, `127.0.0.1.nip.io:${'PORT'}`, 'localhost:1', '127.0.0.1'])(
    'refuses Host %s even with the token',
    async (host) => {
      const response = await rawRequest(`${server.adminUrl}/api/orgs`, {
        headers: { host: host.replace('PORT', port), authorization: `Bearer ${server.adminToken}` },
      });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'host_not_allowed' } });
    },
  );

  it('refuses a request with no Host at all', async () => {
    const response = await rawRequest(`${server.adminUrl}/healthz`, { omitHost: true });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]'])('accepts the loopback Host %s', async (name) => {
    const response = await rawRequest(`${server.adminUrl}/api/orgs`, {
      headers: { host: `${name}:${port}`, authorization: `Bearer ${server.adminToken}` },
    });
    expect(response.status).toBe(200);
  });

  it('refuses foreign, null and protocol-listener origins, and grants no CORS', async () => {
    for (const origin of [
      'https://evil.example',
      'null',
      server.protocolUrl,
      `http://127.0.0.1:${port}.evil.example`,
    ]) {
      const response = await rawRequest(`${server.adminUrl}/api/orgs`, {
        method: 'POST',
        headers: {
          origin,
          authorization: `Bearer ${server.adminToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name: 'Should not exist' }),
      });
      expect(response.status, origin).toBe(403);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(await orgCount()).toBe(0);
  });

  it('answers a preflight without any CORS or private-network grant', async () => {
    const response = await rawRequest(`${server.adminUrl}/api/orgs`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-private-network': 'true',
      },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it('accepts its own origin', async () => {
    const response = await fetch(`${server.adminUrl}/api/orgs`, {
      headers: { origin: server.adminUrl, authorization: `Bearer ${server.adminToken}` },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ['text/plain', '{"name":"Sneaky"}'],
    ['application/x-www-form-urlencoded', 'name=Sneaky'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nSneaky\r\n--x--'],
  ])('refuses a %s body, even with the token', async (type, body) => {
    const response = await fetch(`${server.adminUrl}/api/orgs`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${server.adminToken}` },
      body,
    });
    expect(response.status).toBe(415);
    expect(await orgCount()).toBe(0);
  });

  it('accepts a body-less request that declares JSON, and refuses a declared form even without a body', async () => {
    const json = await fetch(`${server.adminUrl}/api/orgs`, {
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json; charset=utf-8' },
    });
    expect(json.status).toBe(200);
    const form = await fetch(`${server.adminUrl}/api/session/launch-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });

  it('refuses bodies over 1 MiB with 413 and malformed JSON with 400', async () => {
    const big = await server.api('POST', '/api/orgs', { name: 'x'.repeat(1024 * 1024 + 10) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ error: { code: 'body_too_large' } });
    const bad = await fetch(`${server.adminUrl}/api/orgs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: '{"name":',
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'invalid_json' } });
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|\/work\//);
  });

  it('sends hardening headers on every response', async () => {
    const response = await fetch(`${server.adminUrl}/healthz`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('exchanges a launch code for the token exactly once', async () => {
    const code = new URL(server.createLaunchUrl()).hash.replace('#code=', '');
    const exchange = () =>
      fetch(`${server.adminUrl}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ token: server.adminToken });
    const second = await exchange();
    expect(second.status).toBe(401);
    expect(await second.json()).toMatchObject({ error: { code: 'launch_code_invalid' } });
  });

  it('serves the UI shell and its assets without the token, but never the token', async () => {
    const page = await fetch(`${server.adminUrl}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toContain(server.adminToken);
    const traversal = await rawRequest(`${server.adminUrl}/..%2f..%2fpackage.json`);
    expect(traversal.status).not.toBe(200);
  });
});
