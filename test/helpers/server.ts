/** Starts the real server in-process on free loopback ports with its own data folder. */
import { startServer, type RunningServer, type ServerOptions } from '../../server/index';
import { makeTempDir } from './temp-dir';

export interface TestServer extends RunningServer {
  /** Calls the admin API with the admin token; JSON in, JSON out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestServer(options: ServerOptions = {}, dataDir = makeTempDir()): Promise<TestServer> {
  const server = await startServer({ port: 0, adminPort: 0, dataDir: dataDir.path, ...options });
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
