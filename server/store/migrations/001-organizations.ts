import type { Migration } from '../migrate';

export const m001Organizations: Migration = {
  version: 1,
  name: 'organizations',
  sql: `
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  parent_id TEXT REFERENCES organizations(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX organizations_parent ON organizations(parent_id);

CREATE TABLE organization_domains (
  domain TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  position INTEGER NOT NULL
) STRICT;
CREATE INDEX organization_domains_org ON organization_domains(org_id);
`,
};
