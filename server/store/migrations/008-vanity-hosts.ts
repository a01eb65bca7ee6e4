import type { Migration } from '../migrate';

/**
 * Custom vanity login hosts, one row per host name, each owned by one organization.
 * The automatic `login.<slug>.localhost` host of every org is derived, never stored.
 */
export const m008VanityHosts: Migration = {
  version: 8,
  name: 'vanity login hosts',
  sql: `
CREATE TABLE vanity_hosts (
  host TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX vanity_hosts_org ON vanity_hosts(org_id);
`,
};
