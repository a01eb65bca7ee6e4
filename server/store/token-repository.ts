/** SQL for the log of issued tokens (the token inspector's source). */
import type { IssuedTokenRecord } from '../model/token';
import { filterClause } from './filter-clause';
import { statement, type Db } from './open-database';

export type { IssuedTokenRecord };

interface TokenRow {
  id: number;
  issuer: string;
  kind: IssuedTokenRecord['kind'];
  format: IssuedTokenRecord['format'];
  client_id: string;
  org_id: string | null;
  subject: string | null;
  grant_type: string;
  value: string;
  issued_at: string;
  expires_at: string | null;
}

export interface TokenFilter {
  orgId?: string;
  clientId?: string;
  subject?: string;
  kind?: IssuedTokenRecord['kind'];
  limit: number;
  before?: number;
}

export class TokenRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(token: Omit<IssuedTokenRecord, 'id'>): number {
    return Number(
      statement(
        this.#db,
        `INSERT INTO issued_tokens (issuer, kind, format, client_id, org_id, subject, grant_type, value, issued_at, expires_at)
           VALUES (@issuer, @kind, @format, @clientId, @orgId, @subject, @grantType, @value, @issuedAt, @expiresAt)`,
      ).run(token).lastInsertRowid,
    );
  }

  insertMany(tokens: Omit<IssuedTokenRecord, 'id'>[]): void {
    this.#db.transaction(() => {
      for (const token of tokens) this.insert(token);
    })();
  }

  find(id: number): IssuedTokenRecord | undefined {
    const row = statement<[number], TokenRow>(this.#db, 'SELECT * FROM issued_tokens WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  list(filter: TokenFilter): IssuedTokenRecord[] {
    const { where, params } = filterClause(filter, {
      orgId: 'org_id = @orgId',
      clientId: 'client_id = @clientId',
      subject: 'subject = @subject',
      kind: 'kind = @kind',
      before: 'id < @before',
    });
    return statement<Record<string, unknown>, TokenRow>(
      this.#db,
      `SELECT * FROM issued_tokens ${where} ORDER BY id DESC LIMIT @limit`,
    )
      .all({ ...params, limit: filter.limit })
      .map(toRecord);
  }

  /** Keeps the newest `keep` tokens. */
  trim(keep: number): number {
    return statement(
      this.#db,
      'DELETE FROM issued_tokens WHERE id <= (SELECT id FROM issued_tokens ORDER BY id DESC LIMIT 1 OFFSET ?)',
    ).run(keep).changes;
  }
}

function toRecord(row: TokenRow): IssuedTokenRecord {
  return {
    id: row.id,
    issuer: row.issuer,
    kind: row.kind,
    format: row.format,
    clientId: row.client_id,
    orgId: row.org_id,
    subject: row.subject,
    grantType: row.grant_type,
    value: row.value,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
  };
}
