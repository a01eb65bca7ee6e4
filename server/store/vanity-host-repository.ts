/** SQL for custom vanity hosts. No rules here: see vanity/vanity-host-service.ts. */
import { statement, type Db } from './open-database';

export interface VanityHostRecord {
  host: string;
  orgId: string;
  createdAt: string;
}

interface Row {
  host: string;
  org_id: string;
  created_at: string;
}

const toRecord = (row: Row): VanityHostRecord => ({ host: row.host, orgId: row.org_id, createdAt: row.created_at });

export class VanityHostRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): VanityHostRecord[] {
    return statement<[], Row>(this.#db, 'SELECT * FROM vanity_hosts ORDER BY host').all().map(toRecord);
  }

  ofOrg(orgId: string): VanityHostRecord[] {
    return statement<[string], Row>(this.#db, 'SELECT * FROM vanity_hosts WHERE org_id = ? ORDER BY created_at, host')
      .all(orgId)
      .map(toRecord);
  }

  find(host: string): VanityHostRecord | undefined {
    const row = statement<[string], Row>(this.#db, 'SELECT * FROM vanity_hosts WHERE host = ?').get(host);
    return row ? toRecord(row) : undefined;
  }

  insert(record: VanityHostRecord): void {
    statement(this.#db, 'INSERT INTO vanity_hosts (host, org_id, created_at) VALUES (?, ?, ?)').run(
      record.host,
      record.orgId,
      record.createdAt,
    );
  }

  /** Removes `host` from `orgId`; returns whether a row was removed. */
  delete(orgId: string, host: string): boolean {
    return statement(this.#db, 'DELETE FROM vanity_hosts WHERE org_id = ? AND host = ?').run(orgId, host).changes > 0;
  }
}
