/**
 * The seams between the federation spine (connections, interaction hand-off, JIT) and
 * the two protocols (SAML in federation/saml/, OIDC in federation/oidc/).
 *
 *   start:    interaction → protocol.start()  → URL of the upstream IdP (browser goes there)
 *   finish:   ACS / callback validates strictly → ExternalProfile → completeFederatedLogin()
 *             → URL of `<issuer>/interaction/<uid>/federated` (browser comes back)
 */
import type { Connection } from '../model/federation';
import type { TraceRecorder } from '../trace/trace-recorder';

/** What an upstream IdP said about the user, after every validation rule passed. */
export interface ExternalProfile {
  /** NameID (SAML) or `sub` (OIDC): the IdP's stable id for the user. */
  subject: string;
  /** Every attribute or claim, by the name the IdP used. */
  attributes: Record<string, string | string[]>;
  /** The persona handle, when the IdP is a mock (for traces and `orgbench login`). */
  persona: string | null;
}

export interface StartContext {
  connection: Connection;
  interactionUid: string;
  /** `/{tenant}/{workspace}` of the issuer the login belongs to. */
  issuerPath: string;
  /** Extra upstream hints (e.g. a persona handle for a mock IdP's `login_hint`). */
  loginHint: string | undefined;
  trace: TraceRecorder;
}

/** A protocol's way to send the browser upstream. */
export type StartUpstreamLogin = (context: StartContext) => Promise<string>;

/**
 * A rejected upstream response or callback. `rule` is a stable id of the validation rule
 * that failed (`saml_audience`, `oidc_nonce`, …) shown in traces, errors and the CLI.
 */
export class FederationError extends Error {
  readonly rule: string;
  readonly status: number;
  constructor(rule: string, message: string, status = 400) {
    super(message);
    this.name = 'FederationError';
    this.rule = rule;
    this.status = status;
  }
}
