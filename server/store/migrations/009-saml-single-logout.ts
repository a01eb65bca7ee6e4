import type { Migration } from '../migrate';

/**
 * SAML single logout at this SP: the upstream sessions behind Orgbench sign-ins (NameID and
 * SessionIndex per connection, so a logout can name them to the IdP), and the
 * LogoutRequests this SP sent and still waits on (with where the browser goes after).
 */
export const m009SamlSingleLogout: Migration = {
  version: 9,
  name: 'saml single logout',
  sql: `
CREATE TABLE saml_sessions (
  id INTEGER PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  name_id TEXT NOT NULL,
  name_id_format TEXT,
  session_index TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX saml_sessions_subject ON saml_sessions(connection_id, name_id);

CREATE TABLE saml_logout_requests (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL,
  continue_url TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
`,
};
