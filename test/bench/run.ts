/**
 * `npm run bench`: figures printed, never asserted. All traffic stays on 127.0.0.1,
 * every loop is bounded in count, and servers run as child processes so the load
 * generator does not share their event loop.
 *
 *   1. admin API: create, list, rename organizations
 *   2. client_credentials tokens/s: Orgbench (SQLite, org claims) vs a bare oidc-provider
 *   3. authorization-code logins/s through the hosted pages: Orgbench vs bare
 *   4. federated logins/s (SAML through the mock Okta, OIDC through the mock Entra ID)
 *      against a direct identity-pool login, in the same run
 *   5. start-up time and resident memory with 10 000 organizations in the database
 *
 * `BENCH_SECTIONS=tokens,federation npm run bench` runs only some of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as oidc from 'openid-client';
import { createServices } from '../../server/services';
import { openDatabase } from '../../server/store/open-database';
import { Browser, login } from '../helpers/browser-client';
import { makeTempDir } from '../helpers/temp-dir';
import { BARE_M2M, BARE_RESOURCE, BARE_WEB } from './bare-clients';

const ROOT = join(import.meta.dirname, '..', '..');
const results: string[] = [];

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

function print(line: string): void {
  results.push(line);
  process.stdout.write(`${line}\n`);
}

/** Runs `call` `count` times with `concurrency` in flight; returns requests per second. */
async function measure(
  label: string,
  count: number,
  concurrency: number,
  call: (i: number) => Promise<void>,
): Promise<number> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const rate = count / ((performance.now() - started) / 1000);
  print(
    `${label.padEnd(52)} ${rate.toFixed(0).padStart(6)} /s   p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms   (n=${count})`,
  );
  return rate;
}

function spawnReady(
  command: string,
  args: string[],
): Promise<{ child: ChildProcess; ready: Record<string, string>; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, ready: JSON.parse(line) as Record<string, string>, ms: performance.now() - started });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`)));
  });
}

function rssMiB(pid: number | undefined): string {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? `${(Number(kb) / 1024).toFixed(0)} MiB` : 'n/a';
  } catch {
    return 'n/a (no /proc)';
  }
}

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
};

const serveArgs = (dataDir: string, extra: string[] = []) => [
  join(ROOT, 'bin', 'orgbench.js'),
  'serve',
  '--data',
  dataDir,
  '--port',
  '0',
  '--admin-port',
  '0',
  '--json',
  ...extra,
];

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function clientCredentials(tokenUrl: string, id: string, secret: string, resource: string, scope: string) {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { authorization: basic(id, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope }),
  });
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/** A login against the bare baseline: its interactions finish without pages. */
async function bareLogin(issuer: string): Promise<void> {
  const browser = new Browser();
  const config = await oidc.discovery(
    new URL(issuer),
    BARE_WEB.clientId,
    undefined,
    oidc.ClientSecretBasic(BARE_WEB.secret),
    {
      execute: [oidc.allowInsecureRequests],
    },
  );
  const verifier = oidc.randomPKCECodeVerifier();
  const redirect = `${issuer}/cb`;
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirect,
    scope: 'openid',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: 'bench',
  });
  const hop = await browser.follow(url.href, redirect);
  if (!hop.location?.startsWith(redirect)) throw new Error(`bare login stopped at ${hop.url} (HTTP ${hop.status})`);
  await oidc.authorizationCodeGrant(config, new URL(hop.location ?? ''), {
    pkceCodeVerifier: verifier,
    expectedState: 'bench',
  });
}

async function adminApiFigures(): Promise<void> {
  print('— admin API (orgbench serve, SQLite synchronous=FULL)');
  const dir = makeTempDir('orgbench-bench-');
  const { child, ready } = await spawnReady(process.execPath, serveArgs(dir.path));
  const token = readFileSync(join(dir.path, 'admin-token'), 'utf8').trim();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const ids: string[] = [];
  try {
    await measure('create organization', 1000, 4, async (i) => {
      const parentId = i % 10 === 0 ? null : (ids[Math.floor(i / 10) * 10] ?? null);
      const response = await fetch(`${ready.adminUrl}/api/orgs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `Customer ${i}`, parentId, domains: [`customer-${i}.example`] }),
      });
      ids[i] = ((await response.json()) as { id: string }).id;
    });
    await measure('list 1000 organizations', 200, 4, async () => {
      await (await fetch(`${ready.adminUrl}/api/orgs`, { headers })).arrayBuffer();
    });
    await measure('rename organization', 500, 4, async (i) => {
      await (
        await fetch(`${ready.adminUrl}/api/orgs/${ids[i % ids.length]}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ name: `Renamed ${i}` }),
        })
      ).arrayBuffer();
    });
  } finally {
    await stop(child);
    dir.remove();
  }
}

async function tokenFigures(): Promise<void> {
  print('— tokens (JWT access tokens, ES256; Orgbench adds org claims and keeps SQLite state)');
  const dir = makeTempDir('orgbench-bench-');
  const orgbench = await spawnReady(process.execPath, serveArgs(dir.path, ['--demo']));
  const bare = await spawnReady(join(ROOT, 'node_modules', '.bin', 'tsx'), [
    join(ROOT, 'test', 'bench', 'bare-provider.ts'),
  ]);
  const issuer = `${orgbench.ready.protocolUrl}/default/default`;
  try {
    const warm = (url: string, id: string, secret: string, resource: string, scope: string) =>
      measure('  (warm-up)', 200, 8, () => clientCredentials(url, id, secret, resource, scope)).then(() =>
        results.pop(),
      );
    await warm(`${bare.ready.url}/token`, BARE_M2M.clientId, BARE_M2M.secret, BARE_RESOURCE, 'read');
    await warm(
      `${issuer}/token`,
      'acme-reporting',
      'orgbench-demo-acme-reporting-secret',
      'urn:orgbench:demo:invoices',
      'invoices:read',
    );
    const bareRate = await measure('client_credentials, bare oidc-provider (memory)', 3000, 16, () =>
      clientCredentials(`${bare.ready.url}/token`, BARE_M2M.clientId, BARE_M2M.secret, BARE_RESOURCE, 'read'),
    );
    const orgRate = await measure('client_credentials, Orgbench (SQLite, org claims)', 3000, 16, () =>
      clientCredentials(
        `${issuer}/token`,
        'acme-reporting',
        'orgbench-demo-acme-reporting-secret',
        'urn:orgbench:demo:invoices',
        'invoices:read',
      ),
    );
    print(`${'  Orgbench / bare'.padEnd(52)} ${(orgRate / bareRate).toFixed(2)}× (target ≥ 0.80×)`);

    const secret = (
      (await (
        await fetch(`${orgbench.ready.adminUrl}/api/apps/orgbench-sample/secret`, {
          headers: { authorization: `Bearer ${readFileSync(join(dir.path, 'admin-token'), 'utf8').trim()}` },
        })
      ).json()) as { clientSecret: string }
    ).clientSecret;
    const bareLogins = await measure('authorization-code logins, bare (no pages)', 100, 4, () =>
      bareLogin(bare.ready.url ?? ''),
    );
    const orgLogins = await measure('authorization-code logins, Orgbench (hosted pages)', 100, 4, async () => {
      await login({
        issuer,
        clientId: 'orgbench-sample',
        clientSecret: secret,
        redirectUri: `${orgbench.ready.protocolUrl}/sample/callback`,
        email: 'alice@acme.test',
        password: 'orgbench-demo',
        organization: 'acme',
      });
    });
    print(
      `${'  Orgbench / bare'.padEnd(52)} ${(orgLogins / bareLogins).toFixed(2)}× (Orgbench hashes a real password with scrypt)`,
    );
    print(
      `${'resident memory after the token runs'.padEnd(52)} Orgbench ${rssMiB(orgbench.child.pid)}, bare ${rssMiB(bare.child.pid)}`,
    );
  } finally {
    await stop(orgbench.child);
    await stop(bare.child);
    dir.remove();
  }
}

/** A login as a browser makes it: pages, redirects and auto-posts, until the app's redirect URI. */
async function browserLogin(authorize: string, redirectUri: string, form?: Record<string, string>): Promise<string> {
  const browser = new Browser();
  let hop = await browser.follow(authorize, redirectUri);
  for (let step = 0; step < 8 && !hop.location?.startsWith(redirectUri); step += 1) {
    const autopost = /<form[^>]*data-autopost[^>]*>[\s\S]*?<\/form>/.exec(hop.body)?.[0];
    const passwordForm = hop.body.includes('name="password"');
    if (autopost) {
      const action = /action="([^"]+)"/.exec(autopost)?.[1] ?? '';
      const fields: Record<string, string> = {};
      for (const input of autopost.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
        fields[input[1] as string] = (input[2] as string)
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
      }
      hop = await browser.follow(new URL(action.replace(/&amp;/g, '&'), hop.url).href, redirectUri, { form: fields });
    } else if (passwordForm && form) {
      const action = /<form[^>]*action="([^"]+)"/.exec(hop.body)?.[1] ?? '';
      hop = await browser.follow(new URL(action, hop.url).href, redirectUri, { form });
    } else {
      throw new Error(`login stopped at ${hop.url} (HTTP ${hop.status})`);
    }
  }
  const code = new URL(hop.location ?? '').searchParams.get('code');
  if (!code) throw new Error(`no code: ${hop.location}`);
  return code;
}

async function federationFigures(): Promise<void> {
  print('— federated logins (hosted pages, mock IdP answering for a persona, strict validation, JIT)');
  const dir = makeTempDir('orgbench-bench-');
  const { child, ready } = await spawnReady(process.execPath, serveArgs(dir.path, ['--demo']));
  const token = readFileSync(join(dir.path, 'admin-token'), 'utf8').trim();
  const admin = async <T>(path: string) =>
    (await (await fetch(`${ready.adminUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
  const redirect = `${ready.protocolUrl}/sample/callback`;
  const authorizeUrl = async (clientId: string, issuer: string, params: Record<string, string>) => {
    const { clientSecret } = await admin<{ clientSecret: string }>(`/api/apps/${clientId}/secret`);
    const config = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
      execute: [oidc.allowInsecureRequests],
    });
    return () =>
      oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirect,
        scope: 'openid email profile',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ...params,
      }).href;
  };
  try {
    const shared = `${ready.protocolUrl}/default/default`;
    const direct = await authorizeUrl('orgbench-sample', shared, { login_hint: 'carol@initech.test' });
    const saml = await authorizeUrl('orgbench-sample', shared, { organization: 'acme', login_hint: 'sam' });
    const oidcLogin = await authorizeUrl('globex-app', shared, { organization: 'globex', login_hint: 'tom' });
    const password = { email: 'carol@initech.test', password: 'orgbench-demo' };
    await browserLogin(saml(), redirect);
    await browserLogin(oidcLogin(), redirect);
    const directRate = await measure('direct login (identity pool, scrypt password)', 60, 4, async () => {
      await browserLogin(direct(), redirect, password);
    });
    const samlRate = await measure('SAML federation (mock Okta → ACS → JIT)', 60, 4, async () => {
      await browserLogin(saml(), redirect);
    });
    const oidcRate = await measure('OIDC federation (mock Entra ID → callback → JIT)', 60, 4, async () => {
      await browserLogin(oidcLogin(), redirect);
    });
    print(`${'  SAML / direct'.padEnd(52)} ${(samlRate / directRate).toFixed(2)}× (target ≥ 0.25×)`);
    print(`${'  OIDC / direct'.padEnd(52)} ${(oidcRate / directRate).toFixed(2)}× (target ≥ 0.40×)`);
  } finally {
    await stop(child);
    dir.remove();
  }
}

async function startupFigures(): Promise<void> {
  print('— start-up with 10 000 organizations');
  const dir = makeTempDir('orgbench-bench-');
  const seeded = performance.now();
  const db = openDatabase({ file: join(dir.path, 'orgbench.db') });
  const services = createServices(db, { now: () => new Date() }, () => 'http://127.0.0.1:4100');
  services.orgRepo.transaction(() => {
    let parentId: string | null = null;
    for (let i = 0; i < 10_000; i += 1) {
      const org = services.orgs.create({
        name: `Tenant customer ${i}`,
        parentId: i % 5 === 0 ? null : parentId,
        domains: [`c${i}.example`],
      });
      if (i % 5 === 0) parentId = org.id;
    }
  });
  db.close();
  print(`${'seeding 10 000 orgs (one transaction)'.padEnd(52)} ${(performance.now() - seeded).toFixed(0)} ms`);
  const { child, ready, ms } = await spawnReady(process.execPath, serveArgs(dir.path));
  print(`${'process start to readiness line (target < 1 s)'.padEnd(52)} ${ms.toFixed(0)} ms`);
  const first = performance.now();
  await (await fetch(`${ready.protocolUrl}/default/default/.well-known/openid-configuration`)).arrayBuffer();
  print(`${'first discovery request (provider built lazily)'.padEnd(52)} ${(performance.now() - first).toFixed(0)} ms`);
  print(`${'resident memory when ready (target < 300 MB)'.padEnd(52)} ${rssMiB(child.pid)}`);
  await stop(child);
  dir.remove();
}

async function main(): Promise<void> {
  print(`Orgbench bench — Node ${process.version}, ${new Date().toISOString()}`);
  const sections = (process.env.BENCH_SECTIONS ?? 'admin,tokens,federation,startup').split(',');
  if (sections.includes('admin')) await adminApiFigures();
  if (sections.includes('tokens')) await tokenFigures();
  if (sections.includes('federation')) await federationFigures();
  if (sections.includes('startup')) await startupFigures();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
