/**
 * The protocol ends: how each kind of connection starts its upstream login, and the
 * routes of this SP's endpoints and of the mock IdPs.
 */
import type { ProtocolKind } from '../model/federation';
import { FederationError, type StartUpstreamLogin } from './contracts';
import type { RouterFactory } from './federation-app';

const unavailable =
  (kind: string): StartUpstreamLogin =>
  async () => {
    throw new FederationError('protocol_unavailable', `${kind} connections are not available in this build.`, 501);
  };

export function upstreamProtocols(): Record<ProtocolKind, StartUpstreamLogin> {
  return { saml: unavailable('SAML'), oidc: unavailable('OIDC') };
}

export function federationRouters(): RouterFactory[] {
  return [];
}
