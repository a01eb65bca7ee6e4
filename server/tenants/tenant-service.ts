/**
 * Tenants (issuer bases with their own keys) and workspaces (issuers). The shared
 * default tenant and its B2B workspace always exist; a dedicated tenant is created for
 * an organization that chooses the dedicated-tenant isolation model.
 */
import {
  DEFAULT_TENANT,
  DEFAULT_WORKSPACE,
  WORKSPACE_PRESETS,
  createWorkspaceSchema,
  updateWorkspaceSchema,
  type Tenant,
  type Workspace,
} from '../model/workspace';
import type { Organization } from '../model/organization';
import { parseInput } from '../model/validation';
import { ConflictError, NotFoundError } from '../errors';
import type { Clock } from '../runtime/clock';
import type { TenantRepository, WorkspaceRecord } from '../store/tenant-repository';

export interface IssuerAddress {
  tenant: string;
  workspace: string;
}

export class TenantService {
  readonly #repo: TenantRepository;
  readonly #clock: Clock;
  readonly #origin: () => string;
  readonly #listeners = new Set<(address: IssuerAddress) => void>();

  constructor(repo: TenantRepository, clock: Clock, origin: () => string) {
    this.#repo = repo;
    this.#clock = clock;
    this.#origin = origin;
  }

  /** Creates the default tenant and workspace on a fresh database. */
  ensureDefaults(): void {
    this.#repo.transaction(() => {
      const now = this.#clock.now().toISOString();
      if (!this.#repo.findTenant(DEFAULT_TENANT)) {
        this.#repo.insertTenant({ id: DEFAULT_TENANT, name: 'Default', kind: 'shared', orgId: null, createdAt: now });
      }
      if (!this.#repo.findWorkspace(DEFAULT_TENANT, DEFAULT_WORKSPACE)) {
        this.#repo.insertWorkspace({
          tenantId: DEFAULT_TENANT,
          id: DEFAULT_WORKSPACE,
          name: 'B2B',
          preset: 'b2b',
          settings: structuredClone(WORKSPACE_PRESETS.b2b),
          createdAt: now,
          updatedAt: now,
        });
      }
    });
  }

  /** Called when a workspace's settings change, so its provider can be rebuilt. */
  onChange(listener: (address: IssuerAddress) => void): void {
    this.#listeners.add(listener);
  }

  issuerOf(address: IssuerAddress): string {
    return `${this.#origin()}/${address.tenant}/${address.workspace}`;
  }

  listTenants(): Tenant[] {
    return this.#repo.listTenants();
  }

  listWorkspaces(): Workspace[] {
    return this.#repo.listWorkspaces().map((record) => this.#view(record));
  }

  findWorkspace(tenant: string, workspace: string): Workspace | undefined {
    const record = this.#repo.findWorkspace(tenant, workspace);
    return record ? this.#view(record) : undefined;
  }

  getWorkspace(tenant: string, workspace: string): Workspace {
    const found = this.findWorkspace(tenant, workspace);
    if (!found) throw new NotFoundError('workspace_not_found', `No workspace "${tenant}/${workspace}".`);
    return found;
  }

  createWorkspace(tenant: string, input: unknown): Workspace {
    const data = parseInput(createWorkspaceSchema, input);
    return this.#repo.transaction(() => {
      if (!this.#repo.findTenant(tenant)) throw new NotFoundError('tenant_not_found', `No tenant "${tenant}".`);
      if (this.#repo.findWorkspace(tenant, data.id)) {
        throw new ConflictError('workspace_exists', `Tenant "${tenant}" already has a workspace "${data.id}".`, [
          { path: 'id', message: 'already exists in this tenant' },
        ]);
      }
      const now = this.#clock.now().toISOString();
      const settings = { ...structuredClone(WORKSPACE_PRESETS[data.preset]), ...data.settings };
      const record: WorkspaceRecord = {
        tenantId: tenant,
        id: data.id,
        name: data.name,
        preset: data.preset,
        settings,
        createdAt: now,
        updatedAt: now,
      };
      this.#repo.insertWorkspace(record);
      return this.#view(record);
    });
  }

  updateWorkspace(tenant: string, workspace: string, input: unknown): Workspace {
    const patch = parseInput(updateWorkspaceSchema, input);
    const updated = this.#repo.transaction(() => {
      const current = this.#repo.findWorkspace(tenant, workspace);
      if (!current) throw new NotFoundError('workspace_not_found', `No workspace "${tenant}/${workspace}".`);
      const record: WorkspaceRecord = {
        ...current,
        name: patch.name ?? current.name,
        settings: patch.settings ?? current.settings,
        updatedAt: this.#clock.now().toISOString(),
      };
      this.#repo.updateWorkspace(record);
      return this.#view(record);
    });
    for (const listener of this.#listeners) listener({ tenant, workspace });
    return updated;
  }

  /** The dedicated tenant serving `org` (created with a B2B workspace when missing). */
  ensureDedicatedTenant(org: Organization): Tenant {
    return this.#repo.transaction(() => {
      const existing = this.#repo.findTenantOfOrg(org.id);
      if (existing) return existing;
      const clash = this.#repo.findTenant(org.slug);
      if (clash) {
        throw new ConflictError(
          'tenant_exists',
          `A tenant named "${org.slug}" already exists; rename the organization's slug to give it a dedicated tenant.`,
          [{ path: 'isolation', message: `tenant "${org.slug}" already exists` }],
        );
      }
      const now = this.#clock.now().toISOString();
      const tenant: Tenant = { id: org.slug, name: org.name, kind: 'dedicated', orgId: org.id, createdAt: now };
      this.#repo.insertTenant(tenant);
      this.#repo.insertWorkspace({
        tenantId: tenant.id,
        id: DEFAULT_WORKSPACE,
        name: `${org.name} B2B`,
        preset: 'b2b',
        settings: structuredClone(WORKSPACE_PRESETS.b2b),
        createdAt: now,
        updatedAt: now,
      });
      return tenant;
    });
  }

  dedicatedTenantOf(orgId: string): Tenant | undefined {
    return this.#repo.findTenantOfOrg(orgId);
  }

  #view(record: WorkspaceRecord): Workspace {
    return { ...record, issuer: this.issuerOf({ tenant: record.tenantId, workspace: record.id }) };
  }
}
