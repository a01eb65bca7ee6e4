/**
 * An organization's connections to its IdPs. A connection to a mock IdP hosted here is
 * filled from that IdP (entity ID, SSO URL and certificate, or issuer and a client);
 * a connection to a real IdP takes its metadata or discovery values directly. Each
 * connection has its own SP key and certificate, ACS URL and redirect URI.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors';
import {
  connectionInputSchema,
  mappingPatchSchema,
  mappingSchema,
  oidcConnectionSchema,
  samlConnectionSchema,
  type Connection,
  type Mapping,
  type OidcConnectionConfig,
  type SamlConnectionConfig,
} from '../model/federation';
import { formatPath, parseInput } from '../model/validation';
import { createSelfSignedCertificate } from '../mock-idp/certificate';
import type { MockIdpService } from '../mock-idp/mock-idp-service';
import { SAML_VENDOR_SHAPES } from '../mock-idp/saml/vendor-shapes';
import type { OrganizationService } from '../organizations/organization-service';
import type { Clock } from '../runtime/clock';
import { newId } from '../runtime/ids';
import type { ConnectionRecord, ConnectionRepository } from '../store/connection-repository';
import { checkUpstreamIssuer } from './oidc/upstream-issuer';

const DEFAULT_MAPPING: Mapping = {
  attributes: { email: 'email' },
  groupRoles: [],
  defaultRoles: [],
  jit: 'create_and_update',
};

const updateSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    // `idpSloUrl: null` removes the IdP's single logout URL; other absent keys keep their value.
    saml: samlConnectionSchema
      .partial()
      .extend({ idpSloUrl: z.string().url('must be a URL').nullable().optional() })
      .optional(),
    oidc: oidcConnectionSchema.partial().optional(),
    mapping: mappingPatchSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'must change at least one field' });

export class ConnectionService {
  readonly #repo: ConnectionRepository;
  readonly #orgs: OrganizationService;
  readonly #mockIdps: MockIdpService;
  readonly #clock: Clock;
  readonly #protocolUrl: () => string;

  constructor(
    repo: ConnectionRepository,
    orgs: OrganizationService,
    mockIdps: MockIdpService,
    clock: Clock,
    protocolUrl: () => string,
  ) {
    this.#repo = repo;
    this.#orgs = orgs;
    this.#mockIdps = mockIdps;
    this.#clock = clock;
    this.#protocolUrl = protocolUrl;
  }

  list(): Connection[] {
    return this.#repo.list().map((record) => this.#view(record));
  }

  ofOrg(orgIdOrSlug: string): Connection[] {
    return this.#repo.ofOrg(this.#orgs.get(orgIdOrSlug).id).map((record) => this.#view(record));
  }

  /** Enabled connections of an org (home-realm discovery routes to these). */
  enabledOf(orgId: string): Connection[] {
    return this.#repo
      .ofOrg(orgId)
      .filter((record) => record.enabled)
      .map((record) => this.#view(record));
  }

  get(id: string): Connection {
    return this.#view(this.#mustFind(id));
  }

  /** The full record with secrets and the SP key (for the protocol ends, never the API). */
  record(id: string): ConnectionRecord {
    return this.#mustFind(id);
  }

  async create(orgIdOrSlug: string, input: unknown): Promise<Connection> {
    const org = this.#orgs.get(orgIdOrSlug);
    const data = parseInput(connectionInputSchema, input);
    const mock = data.mockIdp ? this.#mockIdps.record(data.mockIdp) : undefined;
    if (data.mockIdp && !mock)
      throw new ValidationError([{ path: 'mockIdp', message: `no mock IdP "${data.mockIdp}"` }]);
    if (mock && mock.kind !== data.kind) {
      throw new ValidationError([{ path: 'mockIdp', message: `${mock.name} is a ${mock.kind.toUpperCase()} IdP` }]);
    }
    const id = newId('con');
    const config =
      data.kind === 'saml' ? this.#samlConfig(data.saml ?? {}, mock) : this.#oidcConfig(data.oidc ?? {}, mock, id);
    const mapping = parseInput(mappingSchema, { ...DEFAULT_MAPPING, ...data.mapping });
    const now = this.#clock.now();
    const sp = await createSelfSignedCertificate(`Orgbench SP for ${org.name}`, now);
    const record: ConnectionRecord = {
      id,
      orgId: org.id,
      name: data.name,
      kind: data.kind,
      mockIdpId: mock?.id ?? null,
      config,
      mapping,
      enabled: data.enabled,
      spPrivateKeyPem: sp.privateKeyPem,
      spCertificatePem: sp.certificatePem,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    this.#repo.upsert(record);
    return this.#view(record);
  }

  update(id: string, input: unknown): Connection {
    const patch = parseInput(updateSchema, input);
    const current = this.#mustFind(id);
    const config =
      current.kind === 'saml'
        ? validated(samlConnectionSchema, withoutNulls({ ...current.config, ...patch.saml }), 'saml')
        : validated(oidcConnectionSchema, { ...current.config, ...patch.oidc }, 'oidc');
    if (current.kind === 'oidc') assertUpstreamIssuer((config as OidcConnectionConfig).issuer);
    const next: ConnectionRecord = {
      ...current,
      name: patch.name ?? current.name,
      config,
      mapping: patch.mapping ? parseInput(mappingSchema, { ...current.mapping, ...patch.mapping }) : current.mapping,
      enabled: patch.enabled ?? current.enabled,
      updatedAt: this.#clock.now().toISOString(),
    };
    this.#repo.upsert(next);
    return this.#view(next);
  }

  delete(id: string): void {
    this.#repo.delete(this.#mustFind(id).id);
  }

  /** The user linked to an external subject of this connection, if any. */
  linkedUser(connectionId: string, subject: string): string | undefined {
    return this.#repo.linkedUser(connectionId, subject);
  }

  link(connectionId: string, subject: string, userId: string): void {
    this.#repo.link(connectionId, subject, userId, this.#clock.now().toISOString());
  }

  spUrls(id: string): Connection['sp'] & { samlBase: string } {
    const samlBase = `${this.#protocolUrl()}/federation/saml/${id}`;
    return {
      samlBase,
      entityId: samlBase,
      acsUrl: `${samlBase}/acs`,
      metadataUrl: `${samlBase}/metadata`,
      sloUrl: `${samlBase}/slo`,
      redirectUri: `${this.#protocolUrl()}/federation/oidc/${id}/callback`,
    };
  }

  #samlConfig(input: Partial<SamlConnectionConfig>, mock: ReturnType<MockIdpService['record']>): SamlConnectionConfig {
    const fromMock = mock
      ? {
          idpEntityId: this.#mockIdps.urls(mock).entityId,
          idpSsoUrl: this.#mockIdps.urls(mock).ssoUrl,
          // The vendor's single-logout endpoint, where the vendor has one.
          ...(SAML_VENDOR_SHAPES[mock.preset].logout === 'none'
            ? {}
            : { idpSloUrl: `${this.#mockIdps.urls(mock).entityId}/slo` }),
          idpCertificates: [mock.certificatePem],
          // Ask for the NameID format the IdP sends (a mismatch fails saml_nameid_format).
          ...(typeof mock.settings.nameIdFormat === 'string' ? { nameIdFormat: mock.settings.nameIdFormat } : {}),
          // Follow the IdP's signing habits: many sign only the assertion.
          wantAssertionsSigned: mock.settings.signAssertion !== false,
          wantResponseSigned: mock.settings.signResponse === true && mock.settings.signAssertion === false,
        }
      : {};
    return validated(samlConnectionSchema, { ...fromMock, ...input }, 'saml');
  }

  #oidcConfig(
    input: Partial<OidcConnectionConfig>,
    mock: ReturnType<MockIdpService['record']>,
    id: string,
  ): OidcConnectionConfig {
    const config = this.#oidcConfigUnchecked(input, mock, id);
    assertUpstreamIssuer(config.issuer);
    return config;
  }

  #oidcConfigUnchecked(
    input: Partial<OidcConnectionConfig>,
    mock: ReturnType<MockIdpService['record']>,
    id: string,
  ): OidcConnectionConfig {
    const fromMock = mock
      ? {
          issuer: this.#mockIdps.urls(mock).entityId,
          clientId: `orgbench-${id}`,
          clientSecret: randomBytes(24).toString('base64url'),
        }
      : {};
    return validated(oidcConnectionSchema, { ...fromMock, ...input }, 'oidc');
  }

  #mustFind(id: string): ConnectionRecord {
    const record = this.#repo.find(id);
    if (!record) throw new NotFoundError('connection_not_found', `No connection has the id "${id}".`);
    return record;
  }

  #view(record: ConnectionRecord): Connection {
    const { samlBase: _samlBase, ...sp } = this.spUrls(record.id);
    const oidc =
      record.kind === 'oidc'
        ? (() => {
            const { clientSecret, ...rest } = record.config as OidcConnectionConfig;
            return { ...rest, hasClientSecret: Boolean(clientSecret) };
          })()
        : null;
    return {
      id: record.id,
      orgId: record.orgId,
      name: record.name,
      kind: record.kind,
      mockIdpId: record.mockIdpId,
      saml: record.kind === 'saml' ? (record.config as SamlConnectionConfig) : null,
      oidc,
      mapping: record.mapping,
      enabled: record.enabled,
      sp: record.kind === 'saml' ? { ...sp, redirectUri: null } : { ...sp, metadataUrl: null, sloUrl: null },
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}

/** Parses a protocol config, naming paths under `saml.` / `oidc.`. */
function validated<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.map((issue) => ({
    path: formatPath([prefix, ...issue.path]),
    message: issue.message,
  }));
  throw new ValidationError(fields);
}

/** An upstream issuer over plain HTTP must be loopback (security.md §2 #27). */
function assertUpstreamIssuer(issuer: string): void {
  const verdict = checkUpstreamIssuer(issuer);
  if (!verdict.ok) throw new ValidationError([{ path: 'oidc.issuer', message: verdict.reason }]);
}

/** A merged patch without the keys set to null (null means "remove"). */
function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== null));
}
