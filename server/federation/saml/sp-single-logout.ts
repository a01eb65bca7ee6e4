/**
 * SAML single logout at this SP, both ways:
 *
 *   IdP-initiated  the IdP's LogoutRequest (Redirect or POST) passes saml-logout-checks and
 *                  node-saml, is used once, ends every Orgbench session of the user it names
 *                  (and the grants those sessions hold), and is answered with a signed
 *                  LogoutResponse by Redirect to the IdP's single-logout URL.
 *   SP-initiated   when a user signs out of Orgbench (RP-initiated logout at an issuer) and
 *                  their sign-in came through a SAML connection whose IdP has a single-logout
 *                  URL, a signed LogoutRequest naming the NameID and SessionIndex goes
 *                  upstream; the IdP's LogoutResponse comes back here, is checked, and the
 *                  browser continues to where the issuer was sending it.
 */
import { SAML, type CacheItem, type CacheProvider, type Profile } from '@node-saml/node-saml';
import type { Connection, SamlConnectionConfig } from '../../model/federation';
import type { Clock } from '../../runtime/clock';
import type { Logger } from '../../runtime/logger';
import type { OidcSessionRepository } from '../../store/oidc-session-repository';
import type { SamlCacheRepository } from '../../store/saml-cache-repository';
import type { SamlLogoutRepository } from '../../store/saml-logout-repository';
import type { ConnectionService } from '../connection-service';
import { FederationError, type ExternalProfile } from '../contracts';
import { checkLogoutMessage, logoutStatus, logoutSubject, type IncomingLogoutMessage } from './saml-logout-checks';
import { isRequestHandle, newRequestId, samlSettings, spSamlConfig } from './saml-sp-options';
import { STATUS } from './saml-vocabulary';

/** How long a LogoutRequest sent upstream waits for its answer. */
export const LOGOUT_TTL_MS = 10 * 60 * 1000;
/** How long an upstream SAML session is remembered for a later logout. */
export const UPSTREAM_SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface SingleLogoutDeps {
  clock: Clock;
  logger: Logger;
  connections: ConnectionService;
  logouts: SamlLogoutRepository;
  samlCache: SamlCacheRepository;
  sessions: OidcSessionRepository;
}

/** Remembers the upstream session behind a validated SAML sign-in (NameID, SessionIndex). */
export function recordUpstreamSession(deps: SingleLogoutDeps, connection: Connection, profile: ExternalProfile): void {
  const text = (name: string) => {
    const value = profile.attributes[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const now = deps.clock.now().getTime();
  deps.logouts.recordSession(
    {
      connectionId: connection.id,
      nameId: profile.subject,
      nameIdFormat: text('nameIDFormat'),
      sessionIndex: text('sessionIndex'),
      createdAt: now,
    },
    now + UPSTREAM_SESSION_TTL_MS,
  );
}

/** node-saml for sending logout messages: signed with this SP's key, to the IdP's single-logout URL. */
function logoutSaml(
  deps: SingleLogoutDeps,
  connection: Connection,
  saml: SamlConnectionConfig,
  cache: CacheProvider,
  id: string,
): SAML {
  const keys = deps.connections.record(connection.id);
  return new SAML({
    ...spSamlConfig({ connection, keys, cache }),
    logoutUrl: saml.idpSloUrl as string,
    privateKey: keys.spPrivateKeyPem,
    generateUniqueId: () => id,
  });
}

/** Refuses to act on a connection that cannot take part in single logout. */
function sloSettings(connection: Connection): SamlConnectionConfig {
  if (!connection.enabled)
    throw new FederationError('connection_disabled', `The connection “${connection.name}” is switched off.`, 403);
  const saml = samlSettings(connection);
  if (!saml.idpSloUrl) {
    throw new FederationError(
      'saml_slo_url',
      `The connection “${connection.name}” knows no single-logout URL of its IdP, so Orgbench cannot answer it; set idpSloUrl or import the IdP's metadata.`,
    );
  }
  return saml;
}

/**
 * An IdP's LogoutRequest: checked, used once, the user's Orgbench sessions ended.
 * Returns the URL of the signed LogoutResponse (Redirect binding) for the browser.
 */
export async function answerIdpLogout(
  deps: SingleLogoutDeps,
  connection: Connection,
  message: IncomingLogoutMessage,
): Promise<{ location: string; sessionsEnded: number }> {
  const saml = sloSettings(connection);
  const now = deps.clock.now();
  const facts = checkLogoutMessage('LogoutRequest', connection, saml, message, now);
  const subject = logoutSubject(facts.root);
  const sender = logoutSaml(deps, connection, saml, noCache, newRequestId());
  try {
    if (message.binding === 'post') await sender.validatePostRequestAsync({ SAMLRequest: message.encoded as string });
    else await sender.validateRedirectAsync(queryOf(message), message.rawQuery);
  } catch (error) {
    throw new FederationError(
      'saml_logout_request',
      `node-saml refused the LogoutRequest: ${(error as Error).message}`,
    );
  }
  const expires = now.getTime() + LOGOUT_TTL_MS + saml.clockSkewSeconds * 1000;
  if (!deps.samlCache.rememberAssertion(connection.id, `logout:${facts.id}`, expires, now.getTime())) {
    throw new FederationError('saml_replay', `The LogoutRequest ${facts.id} was already used.`);
  }

  const indexes = subject.sessionIndexes.length ? subject.sessionIndexes : [null];
  for (const index of indexes) deps.logouts.endSessions(connection.id, subject.nameId, index);
  const userId = deps.connections.linkedUser(connection.id, subject.nameId);
  const ended = userId ? deps.sessions.endSessionsOf(userId) : { sessions: 0, grants: 0 };
  deps.logger.info('saml single logout from the IdP', {
    connection: connection.id,
    sessions: ended.sessions,
    grants: ended.grants,
  });

  const request: Profile = {
    ID: facts.id,
    issuer: saml.idpEntityId,
    nameID: subject.nameId,
    nameIDFormat: subject.nameIdFormat ?? '',
  };
  const location = await sender.getLogoutResponseUrlAsync(request, message.relayState ?? '', {}, true);
  return { location, sessionsEnded: ended.sessions };
}

/**
 * Sign-out at Orgbench for `userId`, whose newest upstream session came through a SAML
 * connection with single logout: the URL of a signed LogoutRequest to that IdP, which
 * answers at `/slo` and sends the browser on to `continueUrl`. Undefined when there is
 * nothing upstream to sign out of.
 */
export async function startUpstreamLogout(
  deps: SingleLogoutDeps,
  userId: string,
  continueUrl: string,
): Promise<string | undefined> {
  const now = deps.clock.now().getTime();
  const session = deps.logouts.latestSessionOf(userId, now);
  if (!session) return undefined;
  let connection: Connection;
  let saml: SamlConnectionConfig;
  try {
    connection = deps.connections.get(session.connectionId);
    saml = sloSettings(connection);
  } catch (error) {
    if (error instanceof FederationError) return undefined;
    throw error;
  }
  deps.logouts.endSessions(connection.id, session.nameId, null);
  const id = newRequestId();
  const cache: CacheProvider = {
    saveAsync: async (key: string, value: string): Promise<CacheItem> => {
      deps.logouts.savePendingLogout({ id: key, connectionId: connection.id, continueUrl }, now, LOGOUT_TTL_MS);
      return { value, createdAt: now };
    },
    getAsync: async () => null,
    removeAsync: async (key: string | null) => key,
  };
  const user: Profile = {
    issuer: saml.idpEntityId,
    nameID: session.nameId,
    nameIDFormat: session.nameIdFormat ?? '',
    ...(session.sessionIndex ? { sessionIndex: session.sessionIndex } : {}),
  };
  return logoutSaml(deps, connection, saml, cache, id).getLogoutUrlAsync(user, id, {});
}

/**
 * The IdP's LogoutResponse to a LogoutRequest this SP sent: the waiting sign-out is taken
 * once (by RelayState), the response checked, and the browser's next stop returned.
 * `pending` is set as soon as the sign-out is found, so a refused answer can still
 * offer the way back.
 */
export async function completeUpstreamLogout(
  deps: SingleLogoutDeps,
  connection: Connection,
  message: IncomingLogoutMessage,
  found: { continueUrl?: string },
): Promise<{ continueUrl: string; status: string }> {
  const now = deps.clock.now();
  const pending = isRequestHandle(message.relayState)
    ? deps.logouts.takePendingLogout(message.relayState, connection.id, now.getTime())
    : undefined;
  if (!pending) {
    throw new FederationError(
      'saml_in_response_to',
      'No sign-out is waiting for this LogoutResponse (its RelayState is unknown, used or expired).',
    );
  }
  found.continueUrl = pending.continueUrl;
  const saml = samlSettings(connection);
  const facts = checkLogoutMessage('LogoutResponse', connection, saml, message, now);
  const inResponseTo = facts.root.getAttribute('InResponseTo');
  if (inResponseTo !== pending.id) {
    throw new FederationError(
      'saml_in_response_to',
      `The LogoutResponse answers ${inResponseTo || '(nothing)'}, not the LogoutRequest ${pending.id} this SP sent.`,
    );
  }
  const status = logoutStatus(facts.root);
  if (status === STATUS.success) {
    const cache: CacheProvider = {
      saveAsync: async () => null,
      getAsync: async (key: string) => (key === pending.id ? now.toISOString() : null),
      removeAsync: async (key: string | null) => key,
    };
    const checker = logoutSaml(deps, connection, saml, cache, newRequestId());
    try {
      if (message.binding === 'post')
        await checker.validatePostResponseAsync({ SAMLResponse: message.encoded as string });
      else await checker.validateRedirectAsync(queryOf(message), message.rawQuery);
    } catch (error) {
      throw new FederationError(
        'saml_logout_response',
        `node-saml refused the LogoutResponse: ${(error as Error).message}`,
      );
    }
  }
  return { continueUrl: pending.continueUrl, status };
}

/** node-saml only reads messages here; it never needs to remember a request. */
const noCache: CacheProvider = {
  saveAsync: async () => null,
  getAsync: async () => null,
  removeAsync: async (key: string | null) => key,
};

function queryOf(message: IncomingLogoutMessage): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(message.rawQuery));
}
