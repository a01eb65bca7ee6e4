/** SQL for applications (OIDC clients) and APIs. */
import type { ApplicationKind } from '../model/application';
import { statement, type Db } from './open-database';

interface AppRow {
  client_id: string;
  tenant_id: string;
  workspace_id: string;
  name: string;
  kind: ApplicationKind;
  owner_org_id: string | null;
  require_organization: number;
  client_secret: string | null;
  redirect_uris: string;
  post_logout_redirect_uris: string;
  source: AppRecord['source'];
  metadata: string;
  created_at: string;
  updated_at: string;
}

export interface AppRecord {
  clientId: string;
  tenantId: string;
  workspaceId: string;
  name: string;
  kind: ApplicationKind;
  ownerOrgId: string | null;
  requireOrganization: boolean;
  clientSecret: string | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  source: 'admin' | 'registration' | 'config' | 'system';
  /** Further client metadata kept verbatim (dynamic registrations). */
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface ApiResourceRecord {
  tenantId: string;
  workspaceId: string;
  identifier: string;
  name: string;
  scopes: string[];
}

export class ApplicationRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): AppRecord[] {
    return statement<[], AppRow>(
      this.#db,
      'SELECT * FROM applications ORDER BY tenant_id, workspace_id, name COLLATE NOCASE',
    )
      .all()
      .map(toRecord);
  }

  find(clientId: string): AppRecord | undefined {
    const row = statement<[string], AppRow>(this.#db, 'SELECT * FROM applications WHERE client_id = ?').get(clientId);
    return row ? toRecord(row) : undefined;
  }

  /** The app of `clientId` if it belongs to that workspace. */
  findIn(tenantId: string, workspaceId: string, clientId: string): AppRecord | undefined {
    const app = this.find(clientId);
    return app && app.tenantId === tenantId && app.workspaceId === workspaceId ? app : undefined;
  }

  ownedBy(orgId: string): AppRecord[] {
    return statement<[string], AppRow>(
      this.#db,
      'SELECT * FROM applications WHERE owner_org_id = ? ORDER BY created_at',
    )
      .all(orgId)
      .map(toRecord);
  }

  upsert(app: AppRecord): void {
    statement(
      this.#db,
      `INSERT INTO applications (client_id, tenant_id, workspace_id, name, kind, owner_org_id, require_organization,
           client_secret, redirect_uris, post_logout_redirect_uris, source, metadata, created_at, updated_at)
         VALUES (@clientId, @tenantId, @workspaceId, @name, @kind, @ownerOrgId, @requireOrganization, @clientSecret,
           @redirectUris, @postLogoutRedirectUris, @source, @metadata, @createdAt, @updatedAt)
         ON CONFLICT (client_id) DO UPDATE SET name = excluded.name, owner_org_id = excluded.owner_org_id,
           require_organization = excluded.require_organization, client_secret = excluded.client_secret,
           redirect_uris = excluded.redirect_uris, post_logout_redirect_uris = excluded.post_logout_redirect_uris,
           metadata = excluded.metadata, updated_at = excluded.updated_at`,
    ).run({
      ...app,
      requireOrganization: app.requireOrganization ? 1 : 0,
      redirectUris: JSON.stringify(app.redirectUris),
      postLogoutRedirectUris: JSON.stringify(app.postLogoutRedirectUris),
      metadata: JSON.stringify(app.metadata),
    });
  }

  delete(clientId: string): boolean {
    return statement(this.#db, 'DELETE FROM applications WHERE client_id = ?').run(clientId).changes > 0;
  }

  resources(tenantId: string, workspaceId: string): ApiResourceRecord[] {
    return statement<[string, string], { identifier: string; name: string; scopes: string }>(
      this.#db,
      'SELECT identifier, name, scopes FROM api_resources WHERE tenant_id = ? AND workspace_id = ? ORDER BY identifier',
    )
      .all(tenantId, workspaceId)
      .map((row) => ({
        tenantId,
        workspaceId,
        identifier: row.identifier,
        name: row.name,
        scopes: JSON.parse(row.scopes) as string[],
      }));
  }

  upsertResource(resource: ApiResourceRecord, now: string): void {
    statement(
      this.#db,
      `INSERT INTO api_resources (tenant_id, workspace_id, identifier, name, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, workspace_id, identifier) DO UPDATE SET name = excluded.name, scopes = excluded.scopes`,
    ).run(
      resource.tenantId,
      resource.workspaceId,
      resource.identifier,
      resource.name,
      JSON.stringify(resource.scopes),
      now,
    );
  }

  deleteResource(tenantId: string, workspaceId: string, identifier: string): boolean {
    return (
      statement(this.#db, 'DELETE FROM api_resources WHERE tenant_id = ? AND workspace_id = ? AND identifier = ?').run(
        tenantId,
        workspaceId,
        identifier,
      ).changes > 0
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toRecord(row: AppRow): AppRecord {
  return {
    clientId: row.client_id,
    tenantId: row.tenant_id,
    workspaceId: row.workspace_id,
    name: row.name,
    kind: row.kind,
    ownerOrgId: row.owner_org_id,
    requireOrganization: row.require_organization === 1,
    clientSecret: row.client_secret,
    redirectUris: JSON.parse(row.redirect_uris) as string[],
    postLogoutRedirectUris: JSON.parse(row.post_logout_redirect_uris) as string[],
    source: row.source,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
