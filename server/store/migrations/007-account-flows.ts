import type { Migration } from '../migrate';

/**
 * Account flows that send notifications: the per-org MFA setting, one-time MFA challenges,
 * password-reset and email-verification tokens, invitations, and the browsers each user has
 * signed in from. Every secret (token, code, device cookie) is stored only as a hash.
 */
export const m007AccountFlows: Migration = {
  version: 7,
  name: 'invitations, password reset, email verification, MFA and known devices',
  sql: `
ALTER TABLE users ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1));

CREATE TABLE org_account_settings (
  org_id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  mfa TEXT NOT NULL DEFAULT 'off' CHECK (mfa IN ('off', 'email', 'sms')),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE mfa_challenges (
  id TEXT PRIMARY KEY,
  interaction_uid TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  destination TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  sends INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL CHECK (status IN ('pending', 'passed', 'dead')),
  trace_id TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX mfa_challenges_interaction ON mfa_challenges(interaction_uid);

CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  org_id TEXT REFERENCES organizations(id) ON DELETE SET NULL,
  return_to TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE INDEX account_tokens_user ON account_tokens(user_id, purpose);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  email TEXT NOT NULL COLLATE NOCASE,
  roles TEXT NOT NULL DEFAULT '[]',
  inviter_name TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
  user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sends INTEGER NOT NULL DEFAULT 1,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  revoked_at TEXT
) STRICT;
CREATE UNIQUE INDEX invitations_pending ON invitations(org_id, email) WHERE status = 'pending';

CREATE TABLE known_devices (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device_hash TEXT NOT NULL,
  description TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  PRIMARY KEY (user_id, device_hash)
) STRICT;
`,
};
