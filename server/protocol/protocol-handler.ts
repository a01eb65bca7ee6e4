/**
 * The protocol listener: everything a browser or relying party must reach. Requests
 * under a workspace issuer's path go to that issuer's oidc-provider; `/sample` is the
 * built-in sample app; the rest is the listener's own small surface.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { version } from '../../package.json';
import { createFederationApp } from '../federation/federation-app';
import type { FederationRuntime } from '../federation/federation-runtime';
import { federationRouters } from '../federation/protocols';
import type { IssuerRegistry } from '../oidc/issuer-registry';
import { AUTOPOST_PATH, AUTOPOST_SCRIPT } from '../web/autopost';
import type { Logger } from '../runtime/logger';
import { createSampleApp } from '../sample-app/sample-app';
import type { Services } from '../services';
import { HOSTED_CSS } from '../web/hosted-css';
import { HOSTED_CSS_PATH } from '../web/html';

export interface ProtocolDeps {
  federation: FederationRuntime;
  issuers: IssuerRegistry;
  services: Services;
  logger: Logger;
  protocolUrl: string;
}

export function createProtocolHandler(deps: ProtocolDeps) {
  const sample = createSampleApp(deps.services, deps.protocolUrl).callback();
  const federation = createFederationApp(deps.federation.deps, federationRouters()).callback();
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, deps, { sample, federation }).catch((error: unknown) => {
      deps.logger.error('protocol request failed', { method: req.method, url: req.url, error });
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'Unexpected error.' });
      else res.destroy();
    });
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ProtocolDeps,
  apps: Record<'sample' | 'federation', (req: IncomingMessage, res: ServerResponse) => Promise<void>>,
): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  if (path === '/healthz' && isRead) return sendJson(res, 200, { status: 'ok', version });
  if (path === HOSTED_CSS_PATH && isRead) {
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
    res.end(HOSTED_CSS);
    return;
  }
  if (path === AUTOPOST_PATH && isRead) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
    res.end(AUTOPOST_SCRIPT);
    return;
  }
  if (path === '/sample' || path.startsWith('/sample/')) return apps.sample(req, res);
  if (path.startsWith('/federation/') || path.startsWith('/mock/')) return apps.federation(req, res);
  if (await deps.issuers.handle(req, res)) return;
  if (path === '/' && isRead) {
    return sendJson(res, 200, {
      service: 'orgbench',
      version,
      sampleApp: `${deps.protocolUrl}/sample`,
      issuers: deps.issuers.list().map((entry) => entry.issuer),
    });
  }
  sendJson(res, 404, { error: 'not_found', error_description: `Nothing is served at ${path}.` });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}
