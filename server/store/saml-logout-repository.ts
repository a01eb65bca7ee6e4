/**
 * SQL for SAML single logout at this SP: the upstream sessions behind sign-ins (so a
 * logout can name NameID and SessionIndex to the IdP, and an IdP's LogoutRequest can be
 * matched), and the LogoutRequests sent upstream that still wait for their answer.
 */
import { statement, type Db } from './open-database';

export interface SamlSessionRecord {
  connectionId: string;
  nameId: string;
  nameIdFormat: string | null;
  sessionIndex: string | null;
  createdAt: number;
}

export interface PendingLogout {
  /** The LogoutRequest ID, also the RelayState handle. */
  id: string;
  connectionId: string;
  /** Where the browser goes once the IdP answered (the OP's post-logout redirect). */
  continueUrl: string;
}

interface SessionRow {
  connection_id: string;
  name_id: string;
  name_id_format: string | null;
  session_index: string | null;
  created_at: number;
}

const toSession = (row: SessionRow): SamlSessionRecord => ({
  connectionId: row.connection_id,
  nameId: row.name_id,
  nameIdFormat: row.name_id_format,
  sessionIndex: row.session_index,
  createdAt: row.created_at,
});

export class SamlLogoutRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  recordSession(session: SamlSessionRecord, expiresAt: number): void {
    statement(
      this.#db,
      `INSERT INTO saml_sessions (connection_id, name_id, name_id_format, session_index, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      session.connectionId,
      session.nameId,
      session.nameIdFormat,
      session.sessionIndex,
      session.createdAt,
      expiresAt,
    );
  }

  /** The newest live upstream SAML session of `userId` (through the identities linked to it). */
  latestSessionOf(userId: string, now: number): SamlSessionRecord | undefined {
    const row = statement<[string, number], SessionRow>(
      this.#db,
      `SELECT s.connection_id, s.name_id, s.name_id_format, s.session_index, s.created_at
       FROM saml_sessions s
       JOIN user_identities i ON i.connection_id = s.connection_id AND i.external_subject = s.name_id
       WHERE i.user_id = ? AND s.expires_at > ?
       ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
    ).get(userId, now);
    return row ? toSession(row) : undefined;
  }

  /** Forgets the upstream sessions of `nameId` at a connection (one SessionIndex, or all); returns how many. */
  endSessions(connectionId: string, nameId: string, sessionIndex: string | null): number {
    return sessionIndex
      ? statement(
          this.#db,
          'DELETE FROM saml_sessions WHERE connection_id = ? AND name_id = ? AND session_index = ?',
        ).run(connectionId, nameId, sessionIndex).changes
      : statement(this.#db, 'DELETE FROM saml_sessions WHERE connection_id = ? AND name_id = ?').run(
          connectionId,
          nameId,
        ).changes;
  }

  savePendingLogout(logout: PendingLogout, now: number, ttlMs: number): void {
    statement(
      this.#db,
      `INSERT INTO saml_logout_requests (id, connection_id, continue_url, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    ).run(logout.id, logout.connectionId, logout.continueUrl, now, now + ttlMs);
  }

  /** Takes the waiting logout `id` of `connectionId` once; undefined when unknown, used or expired. */
  takePendingLogout(id: string, connectionId: string, now: number): PendingLogout | undefined {
    return this.#db.transaction(() => {
      const row = statement<[string, string, number], { id: string; connection_id: string; continue_url: string }>(
        this.#db,
        'SELECT id, connection_id, continue_url FROM saml_logout_requests WHERE id = ? AND connection_id = ? AND expires_at > ?',
      ).get(id, connectionId, now);
      if (!row) return undefined;
      statement(this.#db, 'DELETE FROM saml_logout_requests WHERE id = ?').run(id);
      return { id: row.id, connectionId: row.connection_id, continueUrl: row.continue_url };
    })();
  }
}
