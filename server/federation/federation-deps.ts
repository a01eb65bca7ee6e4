/** What the protocol ends (SAML, OIDC) and the mock IdPs need from the rest of the server. */
import type { CustomerBranding } from '../branding/page-theme';
import type { Connection } from '../model/federation';
import type { MockIdpService } from '../mock-idp/mock-idp-service';
import type { Clock } from '../runtime/clock';
import type { Logger } from '../runtime/logger';
import type { Db } from '../store/open-database';
import type { TraceService } from '../trace/trace-service';
import type { ConnectionService } from './connection-service';
import type { ExternalProfile, FederationError } from './contracts';
import type { TraceRecorder } from '../trace/trace-recorder';
import type { SingleLogoutDeps } from './saml/sp-single-logout';

export interface FederationDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Protocol listener origin, e.g. `http://127.0.0.1:4100`. */
  protocolUrl: string;
  connections: ConnectionService;
  mockIdps: MockIdpService;
  traces: TraceService;
  /** The customer org's branding on a mock IdP's pages (the org whose connection uses it). */
  customerBranding?: (mockIdpId: string) => CustomerBranding | undefined;
  /** What SAML single logout needs: upstream sessions, waiting sign-outs, Orgbench sessions. */
  slo: SingleLogoutDeps;
  /**
   * A validated upstream login: maps attributes, provisions the user just in time, maps
   * groups to roles, records the membership, and returns the URL the browser goes to next
   * (`<issuerPath>/interaction/<uid>/federated`).
   */
  complete(input: {
    connection: Connection;
    interactionUid: string;
    issuerPath: string;
    profile: ExternalProfile;
    trace: TraceRecorder;
  }): Promise<string>;
  /**
   * A validated IdP-initiated answer: no sign-in waits for it, so it is parked (single
   * use, 5 minutes) and the browser is sent to the sample app, which starts a sign-in
   * for the org that picks it up. Returns that URL.
   */
  startIdpInitiated(input: { connection: Connection; profile: ExternalProfile; trace: TraceRecorder }): string;
  /** A rejected upstream login: fails the trace and returns the URL of the error page. */
  fail(input: { interactionUid: string; issuerPath: string; error: FederationError; trace: TraceRecorder }): string;
}
