/**
 * Ending a user's sessions at every Orgbench issuer at once (a SAML LogoutRequest from
 * the user's IdP): the sessions go, and with them the grants they authorized, so refresh
 * tokens, codes and opaque access tokens of those grants stop working too.
 */
import { statement, type Db } from './open-database';

interface SessionRow {
  issuer: string;
  id: string;
  payload: string;
}

export interface EndedSessions {
  sessions: number;
  grants: number;
}

export class OidcSessionRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Deletes every session of `accountId` and every grant those sessions hold. */
  endSessionsOf(accountId: string): EndedSessions {
    return this.#db.transaction(() => {
      const rows = statement<[string], SessionRow>(
        this.#db,
        `SELECT issuer, id, payload FROM oidc_payloads
         WHERE model = 'Session' AND json_extract(payload, '$.accountId') = ?`,
      ).all(accountId);
      let grants = 0;
      for (const row of rows) {
        for (const grantId of grantIdsOf(row.payload)) {
          statement(
            this.#db,
            `DELETE FROM oidc_payloads WHERE issuer = ? AND grant_id = ?
             AND model IN ('AccessToken', 'RefreshToken', 'AuthorizationCode', 'DeviceCode', 'BackchannelAuthenticationRequest')`,
          ).run(row.issuer, grantId);
          grants += statement(
            this.#db,
            "DELETE FROM oidc_payloads WHERE issuer = ? AND model = 'Grant' AND id = ?",
          ).run(row.issuer, grantId).changes;
        }
        statement(this.#db, "DELETE FROM oidc_payloads WHERE issuer = ? AND model = 'Session' AND id = ?").run(
          row.issuer,
          row.id,
        );
      }
      return { sessions: rows.length, grants };
    })();
  }
}

function grantIdsOf(payload: string): string[] {
  const session = JSON.parse(payload) as { authorizations?: Record<string, { grantId?: unknown }> };
  return Object.values(session.authorizations ?? {})
    .map((authorization) => authorization.grantId)
    .filter((grantId): grantId is string => typeof grantId === 'string');
}
