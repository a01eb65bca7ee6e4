/**
 * One callback being validated: what the checks share (the transaction, the query, the
 * trace) and what they learn on the way (connection, upstream, tokens, claims), plus the
 * one way a check refuses: record the rule in the trace, then stop the pipeline.
 */
import type * as oidc from 'openid-client';
import type { Connection } from '../../model/federation';
import type { OidcRpTransaction } from '../../store/oidc-rp-repository';
import type { TraceRecorder } from '../../trace/trace-recorder';
import { FederationError, type ExternalProfile } from '../contracts';
import type { FederationDeps } from '../federation-deps';
import type { Upstream } from './discover-upstream';

/** Thrown once the failure is in the trace, so the catch point only routes the browser. */
export class Rejected extends Error {
  constructor(readonly error: FederationError) {
    super(error.message);
  }
}

/** The single value of a query parameter; absent or repeated gives undefined. */
export function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}

const missing = (what: string): never => {
  throw new Error(`OIDC callback: ${what} is read before the step that sets it`);
};

export class CallbackRun {
  #connection: Connection | undefined;
  #upstream: Upstream | undefined;
  #tokens: (oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers) | undefined;
  #claims: Record<string, unknown> | undefined;
  #profile: ExternalProfile | undefined;
  /** The token endpoint's raw answer, kept so a refused ID token can still be shown. */
  readonly capture: { tokenBody?: Record<string, unknown> } = {};
  userinfo: Record<string, unknown> | undefined;

  constructor(
    readonly deps: FederationDeps,
    readonly transaction: OidcRpTransaction,
    readonly connectionId: string,
    readonly query: URLSearchParams,
    readonly trace: TraceRecorder,
  ) {}

  /** Records `rule` as the reason the login failed and stops the pipeline. */
  reject(rule: string, message: string, detail?: Record<string, unknown>, status?: number): never {
    this.trace.fail(rule, message, detail);
    throw new Rejected(new FederationError(rule, message, status));
  }

  get connection(): Connection {
    return this.#connection ?? missing('the connection');
  }
  set connection(value: Connection) {
    this.#connection = value;
  }
  get upstream(): Upstream {
    return this.#upstream ?? missing('the upstream');
  }
  set upstream(value: Upstream) {
    this.#upstream = value;
  }
  get tokens(): oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers {
    return this.#tokens ?? missing('the token response');
  }
  set tokens(value: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers) {
    this.#tokens = value;
  }
  get claims(): Record<string, unknown> {
    return this.#claims ?? missing('the ID token claims');
  }
  set claims(value: Record<string, unknown>) {
    this.#claims = value;
  }
  get profile(): ExternalProfile {
    return this.#profile ?? missing('the profile');
  }
  set profile(value: ExternalProfile) {
    this.#profile = value;
  }
}
