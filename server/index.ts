/**
 * Orgbench's server as a library: `startServer()` opens the data folder, wires the
 * store, the workspace issuers and both listeners, and returns their URLs, the admin
 * token and `close()`. The CLI and the desktop app both start the server through here.
 * Nothing in server/ imports electron.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../package.json';
import { establishAdminToken, LaunchCodes } from './admin/admin-token';
import { createAdminApp } from './admin/admin-app';
import { resolveServerOptions, type ServerOptions } from './config';
import type { ServerInfo } from './model/api';
import { applyConfigFile } from './config-files/apply-config-file';
import { seedDemo } from './config-files/demo';
import { IssuerRegistry, type IssuerInfo } from './oidc/issuer-registry';
import { ensureSampleApp } from './sample-app/sample-client';
import { FederationRuntime } from './federation/federation-runtime';
import { upstreamProtocols } from './federation/protocols';
import { createServices } from './services';
import { purgeExpired } from './oidc/sqlite-adapter';
import { createProtocolHandler } from './protocol/protocol-handler';
import { systemClock, type Clock } from './runtime/clock';
import { DataLock } from './runtime/data-lock';
import { prepareDataDir } from './runtime/data-dir';
import { deferredHandler, listenLoopback } from './runtime/listen';
import { silentLogger, type Logger } from './runtime/logger';
import { purgeExpiredFederationState } from './store/federation-sweep';
import { openDatabase, type Db } from './store/open-database';

export type { ServerOptions } from './config';
export { OrgbenchError } from './errors';

export const DATABASE_FILE = 'orgbench.db';
const SWEEP_INTERVAL_MS = 60 * 1000;

export interface RunningServer {
  version: string;
  protocolUrl: string;
  adminUrl: string;
  /** Browser-mode address of the UI carrying a one-time launch code. */
  uiUrl: string;
  adminToken: string;
  dataDir: string;
  issuers: IssuerInfo[];
  /** A new one-time UI address (each code works once). */
  createLaunchUrl(): string;
  close(): Promise<void>;
}

export interface StartServerDeps {
  clock?: Clock;
  logger?: Logger;
}

export async function startServer(options: ServerOptions = {}, deps: StartServerDeps = {}): Promise<RunningServer> {
  const config = resolveServerOptions(options);
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;
  const startedAt = Date.now();
  const dataDir = prepareDataDir(config.dataDir);
  const lock = DataLock.acquire(dataDir, clock.now());

  const cleanups: (() => Promise<void> | void)[] = [() => lock.release()];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    const db: Db = openDatabase({
      file: join(dataDir, DATABASE_FILE),
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    });
    cleanups.push(() => {
      db.close();
    });
    const adminToken = establishAdminToken(dataDir, config.adminToken);
    const launchCodes = new LaunchCodes();

    // Listeners bind first (port 0 picks a free port); their handlers need the bound URLs.
    const protocolHandler = deferredHandler();
    const protocol = await listenLoopback(protocolHandler.listener, {
      port: config.port,
      label: 'protocol listener',
      flag: '--port',
    });
    cleanups.push(() => protocol.close());
    const adminHandler = deferredHandler();
    const admin = await listenLoopback(adminHandler.listener, {
      port: config.adminPort,
      label: 'admin listener',
      flag: '--admin-port',
    });
    cleanups.push(() => admin.close());

    const services = createServices(db, clock, () => protocol.url);
    cleanups.push(() => services.tokens.flush());
    const federation = new FederationRuntime(services, logger, protocol.url, upstreamProtocols);
    const issuers = new IssuerRegistry({
      ...services,
      logger,
      origin: protocol.url,
      adminToken,
      demo: config.demo,
      federation,
    });
    services.apps.useValidator(async (tenant, workspace, metadata) => {
      const provider = await issuers.provider({ tenant, workspace });
      await provider.Client.validate(metadata as Parameters<typeof provider.Client.validate>[0]);
    });
    await ensureSampleApp(services, protocol.url);
    if (config.demo) await seedDemo(services);
    if (config.configFile) await applyConfigFile(services, config.configFile);
    protocolHandler.set(
      createProtocolHandler({ issuers, services, logger, protocolUrl: protocol.url, adminUrl: admin.url, federation }),
    );

    const createLaunchUrl = () => `${admin.url}/#code=${launchCodes.issue()}`;
    const info = (): ServerInfo => ({
      version,
      protocolUrl: protocol.url,
      adminUrl: admin.url,
      dataDir,
      issuers: issuers.list(),
    });
    const adminApp = createAdminApp({
      token: adminToken,
      port: () => admin.port,
      launchCodes,
      createLaunchUrl,
      info,
      services,
      issuers,
      uiDir: config.uiDir ?? findBuiltUi(),
      logger,
      startedAt,
      protocolUrl: protocol.url,
    });
    adminHandler.set(adminApp.callback());
    lock.update({ protocolUrl: protocol.url, adminUrl: admin.url });

    const sweeper = setInterval(() => {
      purgeExpired(db);
      services.grantOrgs.purgeOrphans();
      purgeExpiredFederationState(db, Date.now());
      services.accounts.purgeExpired();
      issuers.evictIdle();
    }, SWEEP_INTERVAL_MS);
    sweeper.unref();
    cleanups.push(() => clearInterval(sweeper));

    return {
      version,
      protocolUrl: protocol.url,
      adminUrl: admin.url,
      uiUrl: createLaunchUrl(),
      adminToken,
      dataDir,
      issuers: issuers.list(),
      createLaunchUrl,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The built renderer (out/renderer), found from wherever this module runs: the source
 * tree (tests), out/main (an entry bundle) or out/main/chunks (a shared chunk). Only a
 * folder with built assets counts, so the renderer's source folder is never served.
 */
function findBuiltUi(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../out/renderer'), resolve(here, '../renderer'), resolve(here, '../../renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets')));
}
