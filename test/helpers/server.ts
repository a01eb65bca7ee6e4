/** Starts the real server in-process on free loopback ports with its own data folder. */
import { afterEach, beforeEach } from 'vitest';
import { startServer, type RunningServer, type ServerOptions, type StartServerDeps } from '../../server/index';
import { makeTempDir } from './temp-dir';

export interface TestServer extends RunningServer {
  /** Calls the admin API with the admin token; JSON in, JSON out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

/** Starts a server on `dataDir`; `deps` injects what tests control (a clock that can be moved on). */
export async function startTestServer(
  options: ServerOptions = {},
  dataDir = makeTempDir(),
  deps: StartServerDeps = {},
): Promise<TestServer> {
  const server = await startServer({ port: 0, adminPort: 0, dataDir: dataDir.path, ...options }, deps);
  const api: TestServer['api'] = async (method, path, body) => {
    const response = await fetch(`${server.adminUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${server.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: response.headers,
    };
  };
  return {
    ...server,
    api,
    async stop() {
      await server.close();
    },
  };
}

/**
 * A fresh server and data folder for every test of the calling `describe`, stopped and
 * removed afterwards (`makeDeps` gives each its injected deps, e.g. a clock). `restart()` stops
 * it and starts a new one on the same folder.
 */
export function serverPerTest(options: ServerOptions = {}, makeDeps: () => StartServerDeps = () => ({})) {
  const state: { dir?: ReturnType<typeof makeTempDir>; server?: TestServer; deps?: StartServerDeps } = {};
  const must = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('serverPerTest is only usable inside a test');
    return value;
  };
  beforeEach(async () => {
    state.dir = makeTempDir();
    state.deps = makeDeps();
    state.server = await startTestServer(options, state.dir, state.deps);
  });
  afterEach(async () => {
    await state.server?.stop();
    state.dir?.remove();
  });
  return {
    get server(): TestServer {
      return must(state.server);
    },
    async restart(): Promise<TestServer> {
      await must(state.server).stop();
      state.server = await startTestServer(options, must(state.dir), state.deps);
      return state.server;
    },
  };
}
