/**
 * Applications: create, change, delete, rotate secrets. Every change is validated by
 * the workspace's own oidc-provider (redirect URI rules, auth methods), so an app that
 * saves is an app the provider accepts.
 */
import { randomBytes } from 'node:crypto';
import {
  createApplicationSchema,
  updateApplicationSchema,
  type Application,
  type ApplicationWithSecret,
} from '../model/application';
import { DEFAULT_TENANT, DEFAULT_WORKSPACE } from '../model/workspace';
import type { Organization } from '../model/organization';
import { parseInput } from '../model/validation';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Clock } from '../runtime/clock';
import type { AppRecord, ApplicationRepository } from '../store/application-repository';
import type { OrganizationRepository } from '../store/organization-repository';
import type { TenantService } from '../tenants/tenant-service';
import { kindNeedsSecret, toClientMetadata } from './client-metadata';

/** Checks client metadata with the workspace's provider; throws its complaint. */
export type ClientMetadataValidator = (
  tenant: string,
  workspace: string,
  metadata: Record<string, unknown>,
) => Promise<void>;

export const newClientSecret = (): string => randomBytes(32).toString('base64url');
const newClientId = (): string => `app_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;

export class ApplicationService {
  readonly #repo: ApplicationRepository;
  readonly #orgs: OrganizationRepository;
  readonly #tenants: TenantService;
  readonly #clock: Clock;
  #validate: ClientMetadataValidator = async () => {};

  constructor(repo: ApplicationRepository, orgs: OrganizationRepository, tenants: TenantService, clock: Clock) {
    this.#repo = repo;
    this.#orgs = orgs;
    this.#tenants = tenants;
    this.#clock = clock;
  }

  /** Set once the issuers exist (they validate client metadata). */
  useValidator(validate: ClientMetadataValidator): void {
    this.#validate = validate;
  }

  list(): Application[] {
    return this.#repo.list().map((record) => this.#view(record));
  }

  get(clientId: string): Application {
    return this.#view(this.#mustFind(clientId));
  }

  record(clientId: string): AppRecord | undefined {
    return this.#repo.find(clientId);
  }

  async create(input: unknown, source: AppRecord['source'] = 'admin'): Promise<ApplicationWithSecret> {
    const record = await this.prepare(input, source);
    if (this.#repo.find(record.clientId)) {
      throw new ConflictError('client_id_taken', `An application with client_id "${record.clientId}" exists.`, [
        { path: 'clientId', message: 'already used by another application' },
      ]);
    }
    this.#repo.upsert(record);
    return { ...this.#view(record), clientSecret: record.clientSecret };
  }

  /**
   * Validates an application (schema, workspace, owner, the provider's own client rules)
   * and builds its record without saving it. An existing app of the same client_id keeps
   * its creation time and, unless `secret` is given, its secret.
   */
  async prepare(input: unknown, source: AppRecord['source'], secret?: string): Promise<AppRecord> {
    const data = parseInput(createApplicationSchema, input);
    const tenantId = data.tenantId ?? DEFAULT_TENANT;
    const workspaceId = data.workspaceId ?? DEFAULT_WORKSPACE;
    if (!this.#tenants.findWorkspace(tenantId, workspaceId)) {
      throw new ValidationError([{ path: 'workspaceId', message: `no workspace "${tenantId}/${workspaceId}"` }]);
    }
    const clientId = data.clientId ?? newClientId();
    const existing = this.#repo.find(clientId);
    const ownerOrgId = this.#resolveOwner(data.ownerOrgId ?? null);
    if (data.kind === 'm2m' && (data.redirectUris?.length ?? 0) > 0) {
      throw new ValidationError([{ path: 'redirectUris', message: 'machine-to-machine apps have no redirect URIs' }]);
    }
    if (data.kind !== 'm2m' && (data.redirectUris?.length ?? 0) === 0) {
      throw new ValidationError([{ path: 'redirectUris', message: 'must list at least one redirect URI' }]);
    }
    const now = this.#clock.now().toISOString();
    const needsSecret = kindNeedsSecret(data.kind);
    const record: AppRecord = {
      clientId,
      tenantId,
      workspaceId,
      name: data.name,
      kind: data.kind,
      ownerOrgId,
      requireOrganization: data.requireOrganization ?? false,
      clientSecret: needsSecret ? (secret ?? existing?.clientSecret ?? newClientSecret()) : null,
      redirectUris: data.redirectUris ?? [],
      postLogoutRedirectUris: data.postLogoutRedirectUris ?? [],
      source,
      metadata: {},
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.#check(record);
    return record;
  }

  /** Saves a record made by `prepare` (synchronous, so it can join a transaction). */
  commit(record: AppRecord): void {
    this.#repo.upsert(record);
  }

  async update(clientId: string, input: unknown): Promise<Application> {
    const patch = parseInput(updateApplicationSchema, input);
    const current = this.#mustFind(clientId);
    const next: AppRecord = {
      ...current,
      name: patch.name ?? current.name,
      ownerOrgId: patch.ownerOrgId === undefined ? current.ownerOrgId : this.#resolveOwner(patch.ownerOrgId),
      requireOrganization: patch.requireOrganization ?? current.requireOrganization,
      redirectUris: patch.redirectUris ?? current.redirectUris,
      postLogoutRedirectUris: patch.postLogoutRedirectUris ?? current.postLogoutRedirectUris,
      updatedAt: this.#clock.now().toISOString(),
    };
    if (next.kind !== 'm2m' && next.redirectUris.length === 0) {
      throw new ValidationError([{ path: 'redirectUris', message: 'must list at least one redirect URI' }]);
    }
    await this.#check(next);
    this.#repo.upsert(next);
    return this.#view(next);
  }

  /** A new secret for a confidential app; the old one stops working at once. */
  rotateSecret(clientId: string): ApplicationWithSecret {
    const current = this.#mustFind(clientId);
    if (!kindNeedsSecret(current.kind)) {
      throw new ConflictError('app_is_public', `"${current.name}" is a public client and has no secret.`);
    }
    const next = { ...current, clientSecret: newClientSecret(), updatedAt: this.#clock.now().toISOString() };
    this.#repo.upsert(next);
    return { ...this.#view(next), clientSecret: next.clientSecret };
  }

  /** The secret of an app, for the admin's explicit "reveal" and for the built-in sample app. */
  revealSecret(clientId: string): string | null {
    return this.#mustFind(clientId).clientSecret;
  }

  delete(clientId: string): void {
    if (!this.#repo.delete(clientId)) this.#notFound(clientId);
  }

  /** Stores a client that arrived through Dynamic Client Registration. */
  saveRegistered(tenantId: string, workspaceId: string, metadata: Record<string, unknown>, record: AppRecord): void {
    this.#repo.upsert({ ...record, tenantId, workspaceId, metadata });
  }

  /**
   * The application an org with the per-organization isolation model signs in with,
   * created (a web app named after the org) when it has none in that workspace.
   */
  async ensureOrgApplication(org: Organization, tenantId: string, redirectUris: string[]): Promise<Application> {
    const existing = this.#repo.ownedBy(org.id).find((app) => app.tenantId === tenantId && app.kind !== 'm2m');
    if (existing) return this.#view(existing);
    const created = await this.create(
      {
        name: `${org.name} app`,
        kind: 'web',
        clientId: `${org.slug}-${tenantId === DEFAULT_TENANT ? 'app' : 'dedicated'}`,
        tenantId,
        workspaceId: DEFAULT_WORKSPACE,
        ownerOrgId: org.id,
        requireOrganization: true,
        redirectUris,
      },
      'system',
    );
    return created;
  }

  async #check(record: AppRecord): Promise<void> {
    try {
      await this.#validate(record.tenantId, record.workspaceId, toClientMetadata(record));
    } catch (error) {
      const message =
        (error as { error_description?: string; message?: string }).error_description ?? (error as Error).message;
      throw new ValidationError([{ path: pathOfMetadataError(message), message }]);
    }
  }

  #resolveOwner(ownerOrgId: string | null): string | null {
    if (ownerOrgId === null) return null;
    const org = this.#orgs.find(ownerOrgId) ?? this.#orgs.findBySlug(ownerOrgId);
    if (!org) throw new ValidationError([{ path: 'ownerOrgId', message: `no organization "${ownerOrgId}"` }]);
    return org.id;
  }

  #mustFind(clientId: string): AppRecord {
    const record = this.#repo.find(clientId);
    if (!record) this.#notFound(clientId);
    return record;
  }

  #notFound(clientId: string): never {
    throw new NotFoundError('app_not_found', `No application has the client_id "${clientId}".`);
  }

  #view(record: AppRecord): Application {
    const { clientSecret, metadata: _metadata, ...rest } = record;
    return {
      ...rest,
      hasSecret: clientSecret !== null,
      issuer: this.#tenants.issuerOf({ tenant: record.tenantId, workspace: record.workspaceId }),
    };
  }
}

/** `redirect_uris must …` → `redirectUris`. */
function pathOfMetadataError(message: string): string {
  if (/post_logout_redirect_uris/.test(message)) return 'postLogoutRedirectUris';
  if (/redirect_uris/.test(message)) return 'redirectUris';
  return '';
}
