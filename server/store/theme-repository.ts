/** SQL for themes (workspace and org overrides) and theme assets. No rules here: see branding/. */
import type { AssetKind, ThemeAsset, ThemeOverrides, ThemeScope, StoredTheme } from '../model/theme';
import { statement, type Db } from './open-database';

interface ThemeRow {
  overrides: string;
  updated_at: string;
}

interface AssetRow {
  id: string;
  kind: AssetKind;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface AssetRecord extends ThemeAsset {
  data: Buffer;
}

export class ThemeRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  find(scope: ThemeScope): StoredTheme | undefined {
    const row =
      scope.kind === 'org'
        ? statement<[string], ThemeRow>(this.#db, 'SELECT overrides, updated_at FROM org_themes WHERE org_id = ?').get(
            scope.orgId,
          )
        : statement<[string, string], ThemeRow>(
            this.#db,
            'SELECT overrides, updated_at FROM workspace_themes WHERE tenant_id = ? AND workspace_id = ?',
          ).get(scope.tenantId, scope.workspaceId);
    return row
      ? { scope, overrides: JSON.parse(row.overrides) as ThemeOverrides, updatedAt: row.updated_at }
      : undefined;
  }

  save(theme: StoredTheme): void {
    const overrides = JSON.stringify(theme.overrides);
    if (theme.scope.kind === 'org') {
      statement(
        this.#db,
        `INSERT INTO org_themes (org_id, overrides, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (org_id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at`,
      ).run(theme.scope.orgId, overrides, theme.updatedAt);
    } else {
      statement(
        this.#db,
        `INSERT INTO workspace_themes (tenant_id, workspace_id, overrides, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, workspace_id) DO UPDATE SET overrides = excluded.overrides, updated_at = excluded.updated_at`,
      ).run(theme.scope.tenantId, theme.scope.workspaceId, overrides, theme.updatedAt);
    }
  }

  delete(scope: ThemeScope): boolean {
    const result =
      scope.kind === 'org'
        ? statement(this.#db, 'DELETE FROM org_themes WHERE org_id = ?').run(scope.orgId)
        : statement(this.#db, 'DELETE FROM workspace_themes WHERE tenant_id = ? AND workspace_id = ?').run(
            scope.tenantId,
            scope.workspaceId,
          );
    return result.changes > 0;
  }

  /** Every stored theme's overrides (to find where an asset is used). */
  allOverrides(): ThemeOverrides[] {
    const rows = statement<[], { overrides: string }>(
      this.#db,
      'SELECT overrides FROM org_themes UNION ALL SELECT overrides FROM workspace_themes',
    ).all();
    return rows.map((row) => JSON.parse(row.overrides) as ThemeOverrides);
  }

  insertAsset(asset: AssetRecord): void {
    statement(
      this.#db,
      `INSERT INTO theme_assets (id, kind, name, content_type, size, sha256, data, created_at)
       VALUES (@id, @kind, @name, @contentType, @size, @sha256, @data, @createdAt)`,
    ).run(asset);
  }

  listAssets(): ThemeAsset[] {
    return statement<[], AssetRow>(
      this.#db,
      'SELECT id, kind, name, content_type, size, sha256, created_at FROM theme_assets ORDER BY created_at, id',
    )
      .all()
      .map(toAsset);
  }

  findAsset(id: string): ThemeAsset | undefined {
    const row = statement<[string], AssetRow>(
      this.#db,
      'SELECT id, kind, name, content_type, size, sha256, created_at FROM theme_assets WHERE id = ?',
    ).get(id);
    return row ? toAsset(row) : undefined;
  }

  assetData(id: string): { contentType: string; sha256: string; data: Buffer } | undefined {
    const row = statement<[string], { content_type: string; sha256: string; data: Buffer }>(
      this.#db,
      'SELECT content_type, sha256, data FROM theme_assets WHERE id = ?',
    ).get(id);
    return row ? { contentType: row.content_type, sha256: row.sha256, data: row.data } : undefined;
  }

  deleteAsset(id: string): boolean {
    return statement(this.#db, 'DELETE FROM theme_assets WHERE id = ?').run(id).changes > 0;
  }
}

function toAsset(row: AssetRow): ThemeAsset {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}
