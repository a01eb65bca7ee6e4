/** SQL for tenants and their workspaces. */
import type { Tenant, WorkspacePreset, WorkspaceSettings } from '../model/workspace';
import { statement, type Db } from './open-database';

interface TenantRow {
  id: string;
  name: string;
  kind: 'shared' | 'dedicated';
  org_id: string | null;
  created_at: string;
}

interface WorkspaceRow {
  tenant_id: string;
  id: string;
  name: string;
  preset: WorkspacePreset;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface WorkspaceRecord {
  tenantId: string;
  id: string;
  name: string;
  preset: WorkspacePreset;
  settings: WorkspaceSettings;
  createdAt: string;
  updatedAt: string;
}

export class TenantRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  listTenants(): Tenant[] {
    return statement<[], TenantRow>(this.#db, 'SELECT * FROM tenants ORDER BY kind DESC, id').all().map(toTenant);
  }

  findTenant(id: string): Tenant | undefined {
    const row = statement<[string], TenantRow>(this.#db, 'SELECT * FROM tenants WHERE id = ?').get(id);
    return row ? toTenant(row) : undefined;
  }

  findTenantOfOrg(orgId: string): Tenant | undefined {
    const row = statement<[string], TenantRow>(this.#db, 'SELECT * FROM tenants WHERE org_id = ?').get(orgId);
    return row ? toTenant(row) : undefined;
  }

  insertTenant(tenant: Tenant): void {
    statement(this.#db, 'INSERT INTO tenants (id, name, kind, org_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
      tenant.id,
      tenant.name,
      tenant.kind,
      tenant.orgId,
      tenant.createdAt,
    );
  }

  deleteTenant(id: string): void {
    statement(this.#db, 'DELETE FROM tenants WHERE id = ?').run(id);
  }

  listWorkspaces(): WorkspaceRecord[] {
    return statement<[], WorkspaceRow>(this.#db, 'SELECT * FROM workspaces ORDER BY tenant_id, id')
      .all()
      .map(toWorkspace);
  }

  findWorkspace(tenantId: string, id: string): WorkspaceRecord | undefined {
    const row = statement<[string, string], WorkspaceRow>(
      this.#db,
      'SELECT * FROM workspaces WHERE tenant_id = ? AND id = ?',
    ).get(tenantId, id);
    return row ? toWorkspace(row) : undefined;
  }

  insertWorkspace(workspace: WorkspaceRecord): void {
    statement(
      this.#db,
      'INSERT INTO workspaces (tenant_id, id, name, preset, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      workspace.tenantId,
      workspace.id,
      workspace.name,
      workspace.preset,
      JSON.stringify(workspace.settings),
      workspace.createdAt,
      workspace.updatedAt,
    );
  }

  updateWorkspace(workspace: WorkspaceRecord): void {
    statement(
      this.#db,
      'UPDATE workspaces SET name = ?, settings = ?, updated_at = ? WHERE tenant_id = ? AND id = ?',
    ).run(workspace.name, JSON.stringify(workspace.settings), workspace.updatedAt, workspace.tenantId, workspace.id);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toTenant(row: TenantRow): Tenant {
  return { id: row.id, name: row.name, kind: row.kind, orgId: row.org_id, createdAt: row.created_at };
}

function toWorkspace(row: WorkspaceRow): WorkspaceRecord {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    name: row.name,
    preset: row.preset,
    settings: JSON.parse(row.settings) as WorkspaceSettings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
