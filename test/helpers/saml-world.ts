/**
 * A small world for SAML unit tests: a real SQLite file, an IdP key (and an attacker's),
 * this SP's key, connections shaped like the ConnectionService's, responses from the mock
 * IdP's builder, and validation through the real pipeline (node-saml, xml-crypto).
 */
import { join } from 'node:path';
import { FederationError, type ExternalProfile } from '../../server/federation/contracts';
import { newRequestId, REQUEST_TTL_MS } from '../../server/federation/saml/saml-sp-options';
import { NAMEID_FORMATS } from '../../server/federation/saml/saml-vocabulary';
import { validateSamlResponse } from '../../server/federation/saml/validate-saml-response';
import { createSelfSignedCertificate, type KeyAndCertificate } from '../../server/mock-idp/certificate';
import { NO_FAULTS, planFaults, type FaultPlan } from '../../server/mock-idp/saml/apply-faults';
import {
  buildSamlResponse,
  type PersonaClaims,
  type SamlIdpIdentity,
} from '../../server/mock-idp/saml/build-saml-response';
import type {
  ActiveFault,
  Connection,
  FaultName,
  SamlConnectionConfig,
  SamlMockSettings,
  VendorPreset,
} from '../../server/model/federation';
import type { Clock } from '../../server/runtime/clock';
import { openDatabase, type Db } from '../../server/store/open-database';
import { SamlCacheRepository } from '../../server/store/saml-cache-repository';
import type { StepInput, TraceRecorder } from '../../server/trace/trace-recorder';
import { makeTempDir } from './temp-dir';

export const BASE = 'http://127.0.0.1:4100';
export const IDP_ENTITY = `${BASE}/mock/saml/acme`;

export const JANE: PersonaClaims = {
  handle: 'jane',
  email: 'jane@acme.example',
  displayName: 'Jane Admin',
  givenName: 'Jane',
  familyName: 'Admin',
  subject: 'a1b2c3d4e5',
  groups: ['admins', 'everyone'],
  attributes: {},
};

export const DEFAULT_SETTINGS: SamlMockSettings = {
  signResponse: true,
  signAssertion: true,
  encryptAssertion: false,
  nameIdFormat: 'emailAddress',
  assertionLifetimeMinutes: 5,
};

export interface MemoryTrace extends TraceRecorder {
  steps: StepInput[];
  outcome: 'pending' | 'success' | 'failure';
  failedRule: string | null;
}

export function memoryTrace(): MemoryTrace {
  const trace: MemoryTrace = {
    id: 'trc_test',
    steps: [],
    outcome: 'pending',
    failedRule: null,
    step: (step) => void trace.steps.push(step),
    pass: (rule, title, detail) =>
      void trace.steps.push({
        from: 'orgbench',
        to: 'orgbench',
        title,
        status: 'ok',
        rule,
        ...(detail ? { detail } : {}),
      }),
    fail(rule, message, detail) {
      trace.steps.push({
        from: 'orgbench',
        to: 'orgbench',
        title: message,
        status: 'fail',
        rule,
        ...(detail ? { detail } : {}),
      });
      trace.outcome = 'failure';
      trace.failedRule = rule;
    },
    succeed: () => void (trace.outcome = 'success'),
    annotate: () => undefined,
  };
  return trace;
}

export type Outcome =
  | { ok: true; profile: ExternalProfile; requestId: string | null; trace: MemoryTrace }
  | { ok: false; rule: string; message: string; status: number; trace: MemoryTrace };

export interface RespondOptions {
  preset?: VendorPreset;
  settings?: Partial<SamlMockSettings>;
  faults?: FaultName[] | FaultPlan;
  /** Amount for clock_skew (minutes) or slow (ms). */
  amount?: number;
  inResponseTo?: string | null;
  persona?: Partial<PersonaClaims>;
  idp?: SamlIdpIdentity;
  now?: Date;
}

export class SamlWorld {
  readonly dir = makeTempDir('orgbench-saml-');
  db: Db;
  cache: SamlCacheRepository;
  clock: Clock & { offsetMs: number };

  private constructor(
    readonly idpKey: KeyAndCertificate,
    readonly spKey: KeyAndCertificate,
    readonly attackerKey: KeyAndCertificate,
    readonly nextIdpKey: KeyAndCertificate,
  ) {
    this.db = openDatabase({ file: join(this.dir.path, 'orgbench.db') });
    this.cache = new SamlCacheRepository(this.db);
    const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
    this.clock = clock;
  }

  static async create(): Promise<SamlWorld> {
    const now = new Date();
    const [idp, sp, attacker, next] = await Promise.all([
      createSelfSignedCertificate('Acme IdP', now),
      createSelfSignedCertificate('Orgbench SP', now),
      createSelfSignedCertificate('Attacker', now),
      createSelfSignedCertificate('Acme IdP (next)', now),
    ]);
    return new SamlWorld(idp, sp, attacker, next);
  }

  /** Closes and reopens the database file, as a restart would. */
  restart(): void {
    this.db.close();
    this.db = openDatabase({ file: join(this.dir.path, 'orgbench.db') });
    this.cache = new SamlCacheRepository(this.db);
  }

  close(): void {
    this.db.close();
    this.dir.remove();
  }

  idp(preset: VendorPreset = 'generic', settings: Partial<SamlMockSettings> = {}, key = this.idpKey): SamlIdpIdentity {
    return { id: 'idp_acme', entityId: IDP_ENTITY, preset, settings: { ...DEFAULT_SETTINGS, ...settings }, key };
  }

  connection(id = 'con_a', saml: Partial<SamlConnectionConfig> = {}, orgId = 'org_a'): Connection {
    const base = `${BASE}/federation/saml/${id}`;
    return {
      id,
      orgId,
      name: `Connection ${id}`,
      kind: 'saml',
      mockIdpId: null,
      saml: {
        idpEntityId: IDP_ENTITY,
        idpSsoUrl: `${IDP_ENTITY}/sso`,
        idpCertificates: [this.idpKey.certificatePem],
        wantAssertionsSigned: true,
        wantResponseSigned: false,
        allowSha1: false,
        signAuthnRequests: true,
        nameIdFormat: 'emailAddress',
        idpInitiated: false,
        binding: 'redirect',
        clockSkewSeconds: 60,
        ...saml,
      },
      oidc: null,
      mapping: { attributes: { email: 'email' }, groupRoles: [], defaultRoles: [], jit: 'create_and_update' },
      enabled: true,
      sp: {
        entityId: base,
        acsUrl: `${base}/acs`,
        metadataUrl: `${base}/metadata`,
        sloUrl: `${base}/slo`,
        redirectUri: null,
      },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
  }

  /** A pending AuthnRequest of `connection` (as startSamlLogin stores it); returns its ID. */
  pendingRequest(connection: Connection, interactionUid = 'uid-1'): string {
    const id = newRequestId();
    const createdAt = this.clock.now().getTime();
    this.cache.saveRequest({
      id,
      connectionId: connection.id,
      interactionUid,
      issuerPath: '/default/main',
      createdAt,
      expiresAt: createdAt + REQUEST_TTL_MS,
    });
    return id;
  }

  /** A response from the mock IdP's builder, addressed to `connection`. */
  async respond(connection: Connection, options: RespondOptions = {}): Promise<string> {
    const faults = Array.isArray(options.faults)
      ? planFaults(
          options.faults.map((fault, index): ActiveFault => ({
            id: `flt_${index}`,
            mockIdpId: 'idp_acme',
            fault,
            mode: 'next',
            amount: options.amount ?? null,
            createdAt: '',
          })),
        )
      : (options.faults ?? NO_FAULTS);
    const built = await buildSamlResponse({
      idp: options.idp ?? this.idp(options.preset, options.settings),
      target: {
        acsUrl: connection.sp.acsUrl,
        audience: connection.sp.entityId,
        inResponseTo: options.inResponseTo === undefined ? null : options.inResponseTo,
        requestedNameIdFormat: NAMEID_FORMATS[connection.saml?.nameIdFormat ?? 'emailAddress'],
      },
      now: options.now ?? this.clock.now(),
      faults,
      persona: { ...JANE, ...options.persona },
      spCertificatePem: this.spKey.certificatePem,
    });
    return built.xml;
  }

  /** Posts `xml` (as an IdP would, base64) to `connection`'s validation pipeline. */
  async validate(xml: string, connection: Connection, relayState?: string): Promise<Outcome> {
    return this.validateEncoded(Buffer.from(xml, 'utf8').toString('base64'), connection, relayState);
  }

  async validateEncoded(samlResponse: string, connection: Connection, relayState?: string): Promise<Outcome> {
    const trace = memoryTrace();
    try {
      const result = await validateSamlResponse(
        {
          connection,
          keys: { spPrivateKeyPem: this.spKey.privateKeyPem, spCertificatePem: this.spKey.certificatePem },
          samlResponse,
          relayState,
          cache: this.cache,
          clock: this.clock,
        },
        trace,
      );
      return { ok: true, profile: result.profile, requestId: result.request?.id ?? null, trace };
    } catch (error) {
      if (error instanceof FederationError)
        return { ok: false, rule: error.rule, message: error.message, status: error.status, trace };
      throw error;
    }
  }

  /** An SP-initiated round: a pending request, a response to it, validation with its RelayState. */
  async signIn(
    connection: Connection,
    options: RespondOptions = {},
  ): Promise<Outcome & { xml: string; requestId: string }> {
    const requestId = this.pendingRequest(connection);
    const xml = await this.respond(connection, { inResponseTo: requestId, ...options });
    return { ...(await this.validate(xml, connection, requestId)), xml, requestId };
  }
}
