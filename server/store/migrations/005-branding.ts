import type { Migration } from '../migrate';

/**
 * Themes (the overrides of one workspace or one organization) and their uploaded assets:
 * logos and font files, stored in the database so a data folder carries its branding.
 */
export const m005Branding: Migration = {
  version: 5,
  name: 'themes, logos and fonts',
  sql: `
CREATE TABLE workspace_themes (
  tenant_id TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  overrides TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, workspace_id),
  FOREIGN KEY (tenant_id, workspace_id) REFERENCES workspaces(tenant_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE org_themes (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  overrides TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE theme_assets (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('logo', 'font')),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`,
};
