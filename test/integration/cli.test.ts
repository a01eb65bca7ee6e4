// The headless CLI as a process: readiness, flags, one server per data folder, signals.
import { createServer } from 'node:net';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCli, serveJson, waitForLine, type CliRun } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('orgbench CLI', () => {
  let dir: ReturnType<typeof makeTempDir>;
  const running: CliRun[] = [];

  beforeAll(() => assertCliBuilt());
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(async () => {
    for (const run of running.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) {
        run.child.kill('SIGKILL');
        await run.exited;
      }
    }
    dir.remove();
  });

  it('prints help and version', async () => {
    const help = runCli(['--help']);
    expect((await help.exited).code).toBe(0);
    expect(help.stdout()).toMatch(/serve/);
    const serveHelp = runCli(['serve', '--help']);
    await serveHelp.exited;
    expect(serveHelp.stdout()).toMatch(/--data <dir>[\s\S]*--port <port>[\s\S]*--admin-port <port>[\s\S]*--json/);
    const version = runCli(['--version']);
    await version.exited;
    expect(version.stdout().trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('serves with --json: one readiness line, live listeners, the default issuer', async () => {
    const { run, ready } = await serveJson(dir.path);
    running.push(run);
    expect(ready).toMatchObject({ event: 'ready', dataDir: dir.path });
    expect((await fetch(`${ready.protocolUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${ready.adminUrl}/healthz`)).status).toBe(200);
    expect(ready.issuers).toEqual([`${ready.protocolUrl}/default/default`]);
    expect(ready.uiUrl).toMatch(new RegExp(`^${ready.adminUrl}/#code=[\\w-]{20,}$`));
  });

  it('prints a human readiness line, writes the token file 0600, never prints the token', async () => {
    const run = runCli(['serve', '--data', dir.path, '--port', '0', '--admin-port', '0']);
    running.push(run);
    await waitForLine(run, (line) => line.startsWith('Orgbench ready'));
    const tokenFile = join(dir.path, 'admin-token');
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(run.stdout()).not.toContain(token);
    expect(run.stderr()).not.toContain(token);
  });

  it('uses ORGBENCH_ADMIN_TOKEN when set', async () => {
    const token = 'fixed-token-for-scripts-0123456789abcdef';
    const { run, ready } = await serveJson(dir.path, { ORGBENCH_ADMIN_TOKEN: token });
    running.push(run);
    const response = await fetch(`${ready.adminUrl}/api/orgs`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(run.stdout() + run.stderr()).not.toContain(token);
  });

  it('refuses a second server on the same data folder, naming the holder', async () => {
    const { run, ready } = await serveJson(dir.path);
    running.push(run);
    const second = runCli(['serve', '--data', dir.path, '--port', '0', '--admin-port', '0', '--json']);
    running.push(second);
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.stderr()).toContain(`pid ${ready.pid}`);
    expect(second.stderr()).toContain(ready.adminUrl);
    expect(second.stderr()).toContain('--data');
    expect(second.stdout()).toBe('');
    // The first server is unharmed.
    expect((await fetch(`${ready.adminUrl}/healthz`)).status).toBe(200);
  });

  it('names the busy port and the flag that changes it', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      for (const [flag, args] of [
        ['--port', ['--port', String(port), '--admin-port', '0']],
        ['--admin-port', ['--port', '0', '--admin-port', String(port)]],
      ] as const) {
        const run = runCli(['serve', '--data', dir.path, ...args]);
        running.push(run);
        expect((await run.exited).code).toBe(1);
        const lines = run
          .stderr()
          .trim()
          .split('\n')
          .filter((line) => !line.startsWith('oidc-provider WARNING'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`Port ${port}`);
        expect(lines[0]).toContain(`${flag} <port>`);
        // The refused start released the data folder.
        expect(existsSync(join(dir.path, 'orgbench.lock'))).toBe(false);
      }
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad port value', async () => {
    const run = runCli(['serve', '--data', dir.path, '--port', 'http']);
    expect((await run.exited).code).not.toBe(0);
    expect(run.stderr()).toMatch(/--port.*must be a port number/);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly within 3 s on %s', async (signal) => {
    const { run } = await serveJson(dir.path);
    running.push(run);
    const started = Date.now();
    run.child.kill(signal);
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(existsSync(join(dir.path, 'orgbench.lock'))).toBe(false);
  });

  it('prints a fresh one-time UI address for the running server', async () => {
    const { run, ready } = await serveJson(dir.path);
    running.push(run);
    const uiUrl = runCli(['ui-url', '--data', dir.path]);
    expect((await uiUrl.exited).code).toBe(0);
    const url = uiUrl.stdout().trim();
    expect(url).toMatch(new RegExp(`^${ready.adminUrl}/#code=`));
    expect(url).not.toBe(ready.uiUrl);
    const none = runCli(['ui-url', '--data', join(dir.path, 'elsewhere')]);
    expect((await none.exited).code).toBe(1);
    expect(none.stderr()).toMatch(/No Orgbench server is running/);
  });

  it('login: a whole federated login from the command line, with a fault, and the list of faults', async () => {
    const { run } = await serveJson(dir.path, {}, ['--demo']);
    running.push(run);
    const ok = runCli(['login', '--data', dir.path, '--org', 'acme', '--persona', 'jane', '--json']);
    expect((await ok.exited).code).toBe(0);
    const result = JSON.parse(ok.stdout()) as { ok: boolean; idTokenClaims: Record<string, unknown> };
    expect(result).toMatchObject({
      ok: true,
      idTokenClaims: { email: 'jane@acme.test', org_name: 'Acme Corporation' },
    });

    const broken = runCli(['login', '--data', dir.path, '--org', 'acme', '--fault', 'wrong_issuer']);
    expect((await broken.exited).code).toBe(1);
    expect(broken.stderr()).toMatch(/rejected by rule saml_issuer/);

    const human = runCli(['login', '--data', dir.path, '--org', 'globex']);
    expect((await human.exited).code).toBe(0);
    expect(human.stdout()).toMatch(/^Signed in to globex as priya@globex\.test/);

    const faults = runCli(['login', '--list-faults']);
    expect((await faults.exited).code).toBe(0);
    expect(faults.stdout()).toMatch(/^wrong_audience\s+saml\+oidc/m);

    const unknown = runCli(['login', '--data', dir.path, '--org', 'acme', '--fault', 'gremlins']);
    expect((await unknown.exited).code).toBe(1);
    expect(unknown.stderr()).toContain('fault');
  });
});
