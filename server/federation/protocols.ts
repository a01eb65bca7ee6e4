/**
 * The protocol ends: how each kind of connection starts its upstream login, and the
 * routes of this SP's endpoints and of the mock IdPs.
 */
import type { ProtocolKind } from '../model/federation';
import { createOidcMockIdpRoutes } from '../mock-idp/oidc/mock-oidc-routes';
import { createSamlMockIdpLogoutRoutes } from '../mock-idp/saml/saml-mock-idp-logout-routes';
import { createSamlMockIdpRoutes } from '../mock-idp/saml/saml-mock-idp-routes';
import type { StartUpstreamLogin } from './contracts';
import type { RouterFactory } from './federation-app';
import type { FederationDeps } from './federation-deps';
import { createOidcRpRoutes } from './oidc/oidc-rp-routes';
import { createStartOidcLogin } from './oidc/start-oidc-login';
import { createSamlSpRoutes } from './saml/saml-sp-routes';
import { createStartSamlLogin } from './saml/start-saml-login';

export function upstreamProtocols(deps: FederationDeps): Record<ProtocolKind, StartUpstreamLogin> {
  return { saml: createStartSamlLogin(deps), oidc: createStartOidcLogin(deps) };
}

export function federationRouters(): RouterFactory[] {
  return [
    createSamlSpRoutes,
    createSamlMockIdpRoutes,
    createSamlMockIdpLogoutRoutes,
    createOidcRpRoutes,
    createOidcMockIdpRoutes,
  ];
}
