/**
 * A mock OIDC IdP's clients are the OIDC connections that use it: created from it, or
 * typed with its issuer. Each brings its client id, its one redirect URI and, when it
 * has one, the secret the token endpoint checks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FederationDeps } from '../../federation/federation-deps';

export interface RegisteredClient {
  connectionId: string;
  name: string;
  clientId: string;
  redirectUri: string;
  secret: string | undefined;
}

export function registeredClients(
  deps: Pick<FederationDeps, 'connections' | 'protocolUrl'>,
  idp: { id: string; issuer: string },
): RegisteredClient[] {
  return deps.connections
    .list()
    .filter((connection) => connection.kind === 'oidc' && connection.oidc)
    .filter((connection) => connection.mockIdpId === idp.id || connection.oidc?.issuer === idp.issuer)
    .map((connection) => {
      const secret = (deps.connections.record(connection.id).config as { clientSecret?: unknown }).clientSecret;
      return {
        connectionId: connection.id,
        name: connection.name,
        clientId: connection.oidc?.clientId ?? '',
        redirectUri: connection.sp.redirectUri ?? `${deps.protocolUrl}/federation/oidc/${connection.id}/callback`,
        secret: typeof secret === 'string' && secret ? secret : undefined,
      };
    });
}

/** The registration of `clientId` that uses `redirectUri` (exact match), or any one of it without a URI. */
export function findClient(
  clients: RegisteredClient[],
  clientId: string,
  redirectUri?: string,
): RegisteredClient | undefined {
  const candidates = clients.filter((client) => client.clientId === clientId);
  return redirectUri === undefined ? candidates[0] : candidates.find((client) => client.redirectUri === redirectUri);
}

/** Compares secrets in constant time (over their digests, so lengths leak nothing). */
export function secretMatches(expected: string, presented: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
