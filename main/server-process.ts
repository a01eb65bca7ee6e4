/**
 * Starts the server in an Electron utility process and keeps it alive: a crash is
 * restarted within a budget; a failure to start is reported once, plainly.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import { RestartBudget } from './restart-budget';

export interface ServerConnection {
  protocolUrl: string;
  adminUrl: string;
  adminToken: string;
  dataDir: string;
}

type ReadyMessage = { type: 'ready'; protocolUrl: string; adminUrl: string; dataDir: string };
type FailedMessage = { type: 'failed'; message: string };

export interface ServerProcessOptions {
  bundleDir: string;
  env: Record<string, string>;
  onCrash: (willRestart: boolean) => void;
  onRestarted: (connection: ServerConnection) => void;
}

export class ServerProcess {
  readonly #options: ServerProcessOptions;
  readonly #budget = new RestartBudget();
  readonly #token = randomBytes(32).toString('base64url');
  #child: UtilityProcess | undefined;
  #stopping = false;

  constructor(options: ServerProcessOptions) {
    this.#options = options;
  }

  /** Resolves with the listeners' URLs once the server reports ready. */
  start(): Promise<ServerConnection> {
    return new Promise((resolve, reject) => {
      const child = utilityProcess.fork(join(this.#options.bundleDir, 'server-host.js'), [], {
        serviceName: 'Orgbench server',
        stdio: 'inherit',
        env: { ...process.env, ...this.#options.env, ORGBENCH_ADMIN_TOKEN: this.#token },
      });
      this.#child = child;
      let settled = false;
      child.on('message', (message: ReadyMessage | FailedMessage) => {
        if (settled) return;
        settled = true;
        if (message.type === 'ready') resolve({ ...message, adminToken: this.#token });
        else reject(new Error(message.message));
      });
      child.on('exit', (code) => {
        if (!settled) {
          settled = true;
          reject(new Error(`The Orgbench server exited during start-up (code ${code}).`));
          return;
        }
        if (!this.#stopping) this.#restart();
      });
    });
  }

  stop(): void {
    this.#stopping = true;
    this.#child?.postMessage({ type: 'stop' });
    const child = this.#child;
    setTimeout(() => child?.kill(), 3000).unref();
  }

  #restart(): void {
    const willRestart = this.#budget.tryConsume(Date.now());
    this.#options.onCrash(willRestart);
    if (!willRestart) return;
    this.start().then(this.#options.onRestarted, () => this.#options.onCrash(false));
  }
}
