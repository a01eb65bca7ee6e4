import type { Migration } from '../migrate';

/**
 * Mock IdPs with personas and fault switches, org connections to upstream IdPs, the
 * links between external identities and users, the SAML and OIDC relying-party caches
 * (in-flight requests, seen assertion IDs), the hand-off of a validated upstream login to
 * the interaction, and login traces.
 */
export const m004Federation: Migration = {
  version: 4,
  name: 'federation, mock IdPs and traces',
  sql: `
CREATE TABLE mock_idps (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('saml', 'oidc')),
  preset TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  private_key_pem TEXT NOT NULL,
  certificate_pem TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE personas (
  id TEXT PRIMARY KEY,
  mock_idp_id TEXT NOT NULL REFERENCES mock_idps(id) ON DELETE CASCADE,
  handle TEXT NOT NULL,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL,
  given_name TEXT,
  family_name TEXT,
  subject TEXT NOT NULL,
  groups TEXT NOT NULL DEFAULT '[]',
  attributes TEXT NOT NULL DEFAULT '{}',
  position INTEGER NOT NULL,
  UNIQUE (mock_idp_id, handle)
) STRICT;

CREATE TABLE mock_idp_faults (
  id TEXT PRIMARY KEY,
  mock_idp_id TEXT NOT NULL REFERENCES mock_idps(id) ON DELETE CASCADE,
  fault TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('next', 'always')),
  amount INTEGER,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX mock_idp_faults_idp ON mock_idp_faults(mock_idp_id);

CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('saml', 'oidc')),
  mock_idp_id TEXT REFERENCES mock_idps(id) ON DELETE SET NULL,
  config TEXT NOT NULL,
  mapping TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  sp_private_key_pem TEXT NOT NULL,
  sp_certificate_pem TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX connections_org ON connections(org_id);

CREATE TABLE user_identities (
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  external_subject TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, external_subject)
) STRICT;

CREATE TABLE saml_requests (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL,
  interaction_uid TEXT NOT NULL,
  issuer_path TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE saml_assertion_ids (
  connection_id TEXT NOT NULL,
  assertion_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (connection_id, assertion_id)
) STRICT;

CREATE TABLE oidc_rp_transactions (
  state TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL,
  interaction_uid TEXT NOT NULL,
  issuer_path TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

CREATE TABLE federated_logins (
  interaction_uid TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  org_id TEXT NOT NULL,
  trace_id TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;

ALTER TABLE grant_orgs ADD COLUMN trace_id TEXT;

CREATE TABLE traces (
  id TEXT PRIMARY KEY,
  interaction_uid TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  org_id TEXT,
  connection_id TEXT,
  client_id TEXT,
  persona TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'success', 'failure')),
  failed_rule TEXT,
  summary TEXT
) STRICT;
CREATE INDEX traces_started ON traces(started_at);
CREATE INDEX traces_interaction ON traces(interaction_uid);

CREATE TABLE trace_steps (
  trace_id TEXT NOT NULL REFERENCES traces(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  lane_from TEXT NOT NULL,
  lane_to TEXT NOT NULL,
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'fail', 'info')),
  rule TEXT,
  detail TEXT,
  duration_ms INTEGER,
  PRIMARY KEY (trace_id, seq)
) STRICT;
`,
};
