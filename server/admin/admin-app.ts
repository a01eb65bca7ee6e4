/**
 * The admin listener's Koa app. Middleware order is the security story, top to bottom:
 * headers → error mapping → Host → Origin → (public: health, UI files, launch-code
 * exchange) → bearer token → JSON-only bodies → API routes.
 */
import Koa from 'koa';
import Router from '@koa/router';
import { version } from '../../package.json';
import type { HealthStatus, ServerInfo } from '../model/api';
import type { IssuerRegistry } from '../oidc/issuer-registry';
import type { Services } from '../services';
import type { Logger } from '../runtime/logger';
import type { LaunchCodes } from './admin-token';
import { errorHandler } from './error-handler';
import { requireAdminToken, requireAllowedHost, requireAllowedOrigin, requireJsonBody } from './guard';
import { registerAccountRoutes } from './routes/accounts';
import { registerApplicationRoutes } from './routes/applications';
import { registerDemoModeRoutes } from './routes/demo-mode';
import { registerFederationRoutes } from './routes/federation';
import { registerNotificationRoutes } from './routes/notifications';
import { registerOrganizationRoutes } from './routes/organizations';
import { registerThemeRoutes } from './routes/themes';
import { registerTokenRoutes } from './routes/tokens';
import { registerUserRoutes } from './routes/users';
import { registerVanityRoutes } from './routes/vanity';
import { registerWorkspaceRoutes } from './routes/workspaces';
import { registerLaunchLinks, registerSessionExchange } from './routes/session';
import { securityHeaders } from './security-headers';
import { staticUi } from './static-ui';

export interface AdminAppDeps {
  token: string;
  port: () => number;
  launchCodes: LaunchCodes;
  createLaunchUrl: () => string;
  info: () => ServerInfo;
  services: Services;
  issuers: IssuerRegistry;
  uiDir: string | undefined;
  logger: Logger;
  startedAt: number;
  /** The protocol listener's URL: the UI may frame its pages (previews, demo mode). */
  protocolUrl: string;
}

export function createAdminApp(deps: AdminAppDeps): Koa {
  const app = new Koa();
  app.proxy = false;
  const guard = { port: deps.port, token: deps.token };

  const publicRoutes = new Router();
  publicRoutes.get('/healthz', (ctx) => {
    ctx.body = {
      status: 'ok',
      version,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
    } satisfies HealthStatus;
  });
  registerSessionExchange(publicRoutes, deps.launchCodes, deps.token);

  const api = new Router();
  api.get('/api/info', (ctx) => {
    ctx.body = deps.info();
  });
  registerLaunchLinks(api, deps.createLaunchUrl);
  registerOrganizationRoutes(api, deps.services);
  registerUserRoutes(api, deps.services);
  registerApplicationRoutes(api, deps.services);
  registerWorkspaceRoutes(api, deps.services, deps.issuers);
  registerTokenRoutes(api, deps.services, deps.issuers);
  registerFederationRoutes(api, deps.services);
  registerThemeRoutes(api, deps.services, deps.protocolUrl);
  registerAccountRoutes(api, deps.services);
  registerNotificationRoutes(api, deps.services);
  registerVanityRoutes(api, deps.services);
  registerDemoModeRoutes(api, deps.services, deps.protocolUrl);

  app.use(securityHeaders({ frameOrigin: deps.protocolUrl }));
  app.use(errorHandler(deps.logger));
  app.use(requireAllowedHost(guard));
  app.use(requireAllowedOrigin(guard));
  app.use(requireJsonBody());
  app.use(publicRoutes.routes());
  app.use(staticUi(deps.uiDir));
  app.use(requireAdminToken(guard));
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
