import type { Migration } from '../migrate';

/**
 * Tenants and workspaces (each workspace is an issuer), the identity pool and org
 * memberships, applications (OIDC clients), APIs, the org bound to each grant, and the
 * log of issued tokens for the inspector.
 */
export const m003IdentityModel: Migration = {
  version: 3,
  name: 'tenants, workspaces, users, memberships, applications, tokens',
  sql: `
CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('shared', 'dedicated')),
  org_id TEXT UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE workspaces (
  tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  preset TEXT NOT NULL,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;

ALTER TABLE organizations ADD COLUMN isolation TEXT NOT NULL DEFAULT 'shared_application'
  CHECK (isolation IN ('shared_application', 'per_organization_application', 'dedicated_tenant'));
ALTER TABLE organizations ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  given_name TEXT,
  family_name TEXT,
  password_hash TEXT,
  attributes TEXT NOT NULL DEFAULT '{}',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  roles TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id)
) STRICT;
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE applications (
  client_id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('web', 'spa', 'native', 'm2m')),
  owner_org_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  require_organization INTEGER NOT NULL DEFAULT 0,
  client_secret TEXT,
  redirect_uris TEXT NOT NULL DEFAULT '[]',
  post_logout_redirect_uris TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL CHECK (source IN ('admin', 'registration', 'config', 'system')),
  metadata TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (tenant_id, workspace_id) REFERENCES workspaces(tenant_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX applications_workspace ON applications(tenant_id, workspace_id);
CREATE INDEX applications_owner ON applications(owner_org_id);

CREATE TABLE api_resources (
  tenant_id TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  identifier TEXT NOT NULL,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant_id, workspace_id, identifier),
  FOREIGN KEY (tenant_id, workspace_id) REFERENCES workspaces(tenant_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE grant_orgs (
  issuer TEXT NOT NULL,
  grant_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (issuer, grant_id)
) STRICT;

CREATE TABLE issued_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  issuer TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('access_token', 'id_token', 'refresh_token')),
  format TEXT NOT NULL CHECK (format IN ('jwt', 'opaque')),
  client_id TEXT NOT NULL,
  org_id TEXT,
  subject TEXT,
  grant_type TEXT NOT NULL,
  value TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT
) STRICT;
CREATE INDEX issued_tokens_time ON issued_tokens(issued_at);
CREATE INDEX issued_tokens_org ON issued_tokens(org_id);
`,
};
