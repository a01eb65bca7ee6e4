/**
 * The protocol listener: everything a browser or relying party must reach. Requests
 * under a workspace issuer's path go to that issuer's oidc-provider; the rest is the
 * listener's own small surface (health, an index of issuers).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { version } from '../../package.json';
import type { IssuerRegistry } from '../oidc/issuer-registry';
import type { Logger } from '../runtime/logger';

export function createProtocolHandler(issuers: IssuerRegistry, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res, issuers).catch((error: unknown) => {
      logger.error('protocol request failed', { method: req.method, url: req.url, error });
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'Unexpected error.' });
      else res.destroy();
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, issuers: IssuerRegistry): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    sendJson(res, 200, { status: 'ok', version });
    return;
  }
  if (await issuers.handle(req, res)) return;
  if (path === '/' && req.method === 'GET') {
    sendJson(res, 200, { service: 'orgbench', version, issuers: issuers.list().map((entry) => entry.issuer) });
    return;
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
