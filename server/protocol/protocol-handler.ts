/**
 * The protocol listener: everything a browser or relying party must reach. Requests
 * under a workspace issuer's path go to that issuer's oidc-provider; `/sample` is the
 * built-in sample app; the rest is the listener's own small surface.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { version } from '../../package.json';
import { createThemeHttp } from '../branding/theme-http';
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
import { issuerHostOf, unknownHostAnswer, vanityReturnUrl, vanityRootAnswer } from '../vanity/host-routing';
import { allowFramingByAdmin } from './frame-ancestors';

export interface ProtocolDeps {
  federation: FederationRuntime;
  issuers: IssuerRegistry;
  services: Services;
  logger: Logger;
  protocolUrl: string;
  /** The admin listener's URL: the Orgbench UI there may frame hosted pages. */
  adminUrl: string;
}

export function createProtocolHandler(deps: ProtocolDeps) {
  const sample = createSampleApp(deps.services, deps.protocolUrl).callback();
  const federation = createFederationApp(deps.federation.deps, federationRouters()).callback();
  const themes = createThemeHttp({
    themes: deps.services.themes,
    orgs: deps.services.orgs,
    adminUrl: deps.adminUrl,
    onError: (error) => deps.logger.error('theme request failed', { error }),
  });
  return (req: IncomingMessage, res: ServerResponse): void => {
    allowFramingByAdmin(res, deps.adminUrl);
    if ((req.url ?? '').startsWith('/_orgbench/') && themes(req, res)) return;
    route(req, res, deps, { sample, federation }).catch((error: unknown) => {
      deps.logger.error('protocol request failed', { method: req.method, path: loggablePath(req.url), error });
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
  // The Host decides the issuer's origin: an org's vanity host, an unknown *.localhost name, or loopback.
  const host = deps.services.vanity.resolve(req.headers.host);
  if (host.kind === 'unknown') {
    const answer = unknownHostAnswer(host.host, deps.protocolUrl);
    return sendJson(res, answer.status, answer.body);
  }
  const vanity = host.kind === 'vanity' ? host.target : undefined;
  const back = vanity ? undefined : vanityReturnUrl(deps.services.db, deps.protocolUrl, req.url ?? '/');
  if (back) {
    res.writeHead(303, { Location: back, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  if (path === '/sample' || path.startsWith('/sample/')) return apps.sample(req, res);
  if (path.startsWith('/federation/') || path.startsWith('/mock/')) return apps.federation(req, res);
  if (await deps.issuers.handle(req, res, vanity && issuerHostOf(vanity))) return;
  if (vanity && path === '/' && isRead) {
    const answer = vanityRootAnswer(vanity);
    return sendJson(res, answer.status, answer.body);
  }
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

/**
 * The request path as it may be logged: no query (codes, states, SAML messages) and no
 * long opaque segments (reset, invitation and verification links carry their token there).
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z0-9_~.-]{24,}$/.test(segment) ? '…' : segment))
    .join('/');
}
