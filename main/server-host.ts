/**
 * Entry of the Electron utility process that runs the server. It receives the admin
 * token through the environment (removed at once), starts the same `startServer` the
 * CLI uses and reports readiness or failure to the main process.
 */
import { startServer } from '../server/index';
import { createLogger } from '../server/runtime/logger';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

async function run(): Promise<void> {
  const adminToken = process.env.ORGBENCH_ADMIN_TOKEN;
  delete process.env.ORGBENCH_ADMIN_TOKEN;
  const server = await startServer(
    {
      ...(process.env.ORGBENCH_DATA ? { dataDir: process.env.ORGBENCH_DATA } : {}),
      port: Number(process.env.ORGBENCH_PORT ?? 4100),
      adminPort: 0,
      ...(adminToken ? { adminToken } : {}),
      ...(process.env.ORGBENCH_NATIVE_BINDING ? { nativeBinding: process.env.ORGBENCH_NATIVE_BINDING } : {}),
      ...(process.env.ORGBENCH_UI_DIR ? { uiDir: process.env.ORGBENCH_UI_DIR } : {}),
    },
    { logger: createLogger() },
  );
  parentPort?.postMessage({
    type: 'ready',
    protocolUrl: server.protocolUrl,
    adminUrl: server.adminUrl,
    dataDir: server.dataDir,
  });
  parentPort?.on('message', ({ data }) => {
    if ((data as { type?: string }).type === 'stop') {
      void server.close().then(() => process.exit(0));
    }
  });
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  parentPort?.postMessage({ type: 'failed', message });
  process.exit(1);
});
