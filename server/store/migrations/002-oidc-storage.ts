import type { Migration } from '../migrate';

export const m002OidcStorage: Migration = {
  version: 2,
  name: 'oidc storage and signing keys',
  sql: `
CREATE TABLE oidc_payloads (
  issuer TEXT NOT NULL,
  model TEXT NOT NULL,
  id TEXT NOT NULL,
  payload TEXT NOT NULL,
  grant_id TEXT,
  user_code TEXT,
  uid TEXT,
  consumed_at INTEGER,
  expires_at INTEGER,
  PRIMARY KEY (issuer, model, id)
) STRICT;
CREATE INDEX oidc_payloads_grant ON oidc_payloads(issuer, grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payloads_uid ON oidc_payloads(issuer, uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payloads_user_code ON oidc_payloads(issuer, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_payloads_expiry ON oidc_payloads(expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY,
  scope TEXT NOT NULL,
  use TEXT NOT NULL,
  alg TEXT NOT NULL,
  private_jwk TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'retiring', 'retired')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX signing_keys_scope ON signing_keys(scope, status);

CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`,
};
