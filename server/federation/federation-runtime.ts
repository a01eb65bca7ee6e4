/**
 * The federation spine at run time: which protocol starts a connection's login, where a
 * validated answer goes (JIT, hand-off), where a rejected one goes (the error page of
 * the interaction), and the deps the protocol ends and mock IdPs receive.
 */
import { customerBrandingOfIdp } from '../branding/customer-branding';
import type { ProtocolKind } from '../model/federation';
import type { Logger } from '../runtime/logger';
import type { Services } from '../services';
import type { TraceRecorder } from '../trace/trace-recorder';
import { completeFederatedLogin } from './complete-federated-login';
import { randomBytes } from 'node:crypto';
import { FederationError, type ExternalProfile, type StartUpstreamLogin } from './contracts';
import type { FederationDeps } from './federation-deps';
import { startUpstreamLogout } from './saml/sp-single-logout';
import { OidcSessionRepository } from '../store/oidc-session-repository';
import { SamlCacheRepository } from '../store/saml-cache-repository';
import { SamlLogoutRepository } from '../store/saml-logout-repository';

export interface FederationFailure {
  rule: string;
  message: string;
  traceId: string;
}

const FAILURE_TTL_MS = 10 * 60 * 1000;
const IDP_INITIATED_TTL_MS = 5 * 60 * 1000;

interface ParkedIdpInitiated {
  connectionId: string;
  profile: ExternalProfile;
  traceId: string;
  expiresAt: number;
}
const MAX_FAILURES = 1000;

export class FederationRuntime {
  readonly deps: FederationDeps;
  readonly #protocols: Record<ProtocolKind, StartUpstreamLogin>;
  readonly #services: Services;
  readonly #failures = new Map<string, FederationFailure & { expiresAt: number }>();
  readonly #idpInitiated = new Map<string, ParkedIdpInitiated>();

  constructor(
    services: Services,
    logger: Logger,
    protocolUrl: string,
    protocols: (deps: FederationDeps) => Record<ProtocolKind, StartUpstreamLogin>,
  ) {
    this.#services = services;
    this.deps = {
      db: services.db,
      clock: services.clock,
      logger,
      protocolUrl,
      connections: services.connections,
      mockIdps: services.mockIdps,
      traces: services.traces,
      customerBranding: (mockIdpId) => customerBrandingOfIdp(services, mockIdpId),
      slo: {
        clock: services.clock,
        logger,
        connections: services.connections,
        logouts: new SamlLogoutRepository(services.db),
        samlCache: new SamlCacheRepository(services.db),
        sessions: new OidcSessionRepository(services.db),
      },
      complete: (input) =>
        completeFederatedLogin(
          {
            users: services.users,
            connections: services.connections,
            handoffs: services.handoffs,
            clock: services.clock,
            protocolUrl,
          },
          input,
        ).catch((error: unknown) => {
          if (error instanceof FederationError) return this.deps.fail({ ...input, error, trace: input.trace });
          throw error;
        }),
      startIdpInitiated: ({ connection, profile, trace }) => {
        const handle = randomBytes(18).toString('base64url');
        if (this.#idpInitiated.size >= MAX_FAILURES)
          this.#idpInitiated.delete(this.#idpInitiated.keys().next().value as string);
        this.#idpInitiated.set(handle, {
          connectionId: connection.id,
          profile,
          traceId: trace.id,
          expiresAt: Date.now() + IDP_INITIATED_TTL_MS,
        });
        const org = services.orgs.get(connection.orgId);
        trace.step({
          from: 'orgbench',
          to: 'browser',
          title: 'IdP-initiated: on to the sample app to sign in',
          status: 'ok',
        });
        return `${protocolUrl}/sample/idp-initiated?org=${encodeURIComponent(org.slug)}&handle=${handle}`;
      },
      fail: ({ interactionUid, issuerPath, error, trace }) =>
        this.#recordFailure(interactionUid, issuerPath, error, trace, protocolUrl),
    };
    this.#protocols = protocols(this.deps);
  }

  /**
   * SP-initiated single logout: the URL of a signed LogoutRequest to the IdP of the
   * user's newest SAML sign-in, which comes back to `continueUrl`; undefined when there
   * is no such IdP to sign out of.
   */
  upstreamLogout(userId: string, continueUrl: string): Promise<string | undefined> {
    return startUpstreamLogout(this.deps.slo, userId, continueUrl);
  }

  /** Sends the browser to the connection's IdP; returns the URL. */
  async start(input: {
    connectionId: string;
    interactionUid: string;
    issuerPath: string;
    loginHint: string | undefined;
    trace: TraceRecorder;
  }): Promise<string> {
    const connection = this.#services.connections.get(input.connectionId);
    if (!connection.enabled)
      throw new FederationError('connection_disabled', `The connection “${connection.name}” is switched off.`);
    input.trace.annotate({ orgId: connection.orgId, connectionId: connection.id });
    input.trace.step({
      from: 'orgbench',
      to: 'orgbench',
      title: `Home realm: ${connection.name} (${connection.kind.toUpperCase()})`,
      status: 'ok',
      detail: { connection: connection.name, kind: connection.kind, orgId: connection.orgId },
    });
    return this.#protocols[connection.kind]({
      connection,
      interactionUid: input.interactionUid,
      issuerPath: input.issuerPath,
      loginHint: input.loginHint,
      trace: input.trace,
    });
  }

  /**
   * Hands a parked IdP-initiated answer to the interaction that `login_hint` names, and
   * returns where the browser goes next (the federated hand-off), or undefined if the
   * handle is unknown or expired.
   */
  async resumeIdpInitiated(handle: string, interactionUid: string, issuerPath: string): Promise<string | undefined> {
    const parked = this.#idpInitiated.get(handle);
    this.#idpInitiated.delete(handle);
    if (!parked || parked.expiresAt <= Date.now()) return undefined;
    const trace = this.#services.traces.recorder(parked.traceId);
    if (!trace) return undefined;
    const connection = this.#services.connections.get(parked.connectionId);
    return this.deps.complete({ connection, interactionUid, issuerPath, profile: parked.profile, trace });
  }

  /** The failure recorded for an interaction, if any (read once). */
  takeFailure(uid: string): FederationFailure | undefined {
    const failure = this.#failures.get(uid);
    this.#failures.delete(uid);
    return failure && failure.expiresAt > Date.now() ? failure : undefined;
  }

  #recordFailure(
    uid: string,
    issuerPath: string,
    error: FederationError,
    trace: TraceRecorder,
    protocolUrl: string,
  ): string {
    const existing = this.#services.traces.get(trace.id);
    if (existing?.outcome !== 'failure') trace.fail(error.rule, error.message);
    if (this.#failures.size >= MAX_FAILURES) this.#failures.delete(this.#failures.keys().next().value as string);
    this.#failures.set(uid, {
      rule: error.rule,
      message: error.message,
      traceId: trace.id,
      expiresAt: Date.now() + FAILURE_TTL_MS,
    });
    return `${protocolUrl}${issuerPath}/interaction/${uid}/federation-error`;
  }
}
