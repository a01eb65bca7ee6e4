/**
 * The federation spine at run time: which protocol starts a connection's login, where a
 * validated answer goes (JIT, hand-off), where a rejected one goes (the error page of
 * the interaction), and the deps the protocol ends and mock IdPs receive.
 */
import type { ProtocolKind } from '../model/federation';
import type { Logger } from '../runtime/logger';
import type { Services } from '../services';
import type { TraceRecorder } from '../trace/trace-recorder';
import { completeFederatedLogin } from './complete-federated-login';
import { FederationError, type StartUpstreamLogin } from './contracts';
import type { FederationDeps } from './federation-deps';

export interface FederationFailure {
  rule: string;
  message: string;
  traceId: string;
}

const FAILURE_TTL_MS = 10 * 60 * 1000;
const MAX_FAILURES = 1000;

export class FederationRuntime {
  readonly deps: FederationDeps;
  readonly #protocols: Record<ProtocolKind, StartUpstreamLogin>;
  readonly #services: Services;
  readonly #failures = new Map<string, FederationFailure & { expiresAt: number }>();

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
      fail: ({ interactionUid, issuerPath, error, trace }) =>
        this.#recordFailure(interactionUid, issuerPath, error, trace, protocolUrl),
    };
    this.#protocols = protocols(this.deps);
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
