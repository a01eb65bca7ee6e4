/** SQL for org connections and the links from external identities to users. */
import type { Mapping, ProtocolKind } from '../model/federation';
import { statement, type Db } from './open-database';

export interface ConnectionRecord {
  id: string;
  orgId: string;
  name: string;
  kind: ProtocolKind;
  mockIdpId: string | null;
  /** SamlConnectionConfig or OidcConnectionConfig (with its client secret). */
  config: Record<string, unknown>;
  mapping: Mapping;
  enabled: boolean;
  spPrivateKeyPem: string;
  spCertificatePem: string;
  createdAt: string;
  updatedAt: string;
}

interface ConnectionRow {
  id: string;
  org_id: string;
  name: string;
  kind: ProtocolKind;
  mock_idp_id: string | null;
  config: string;
  mapping: string;
  enabled: number;
  sp_private_key_pem: string;
  sp_certificate_pem: string;
  created_at: string;
  updated_at: string;
}

export class ConnectionRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(): ConnectionRecord[] {
    return statement<[], ConnectionRow>(this.#db, 'SELECT * FROM connections ORDER BY org_id, name')
      .all()
      .map(toRecord);
  }

  ofOrg(orgId: string): ConnectionRecord[] {
    return statement<[string], ConnectionRow>(
      this.#db,
      'SELECT * FROM connections WHERE org_id = ? ORDER BY created_at',
    )
      .all(orgId)
      .map(toRecord);
  }

  find(id: string): ConnectionRecord | undefined {
    const row = statement<[string], ConnectionRow>(this.#db, 'SELECT * FROM connections WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  upsert(record: ConnectionRecord): void {
    statement(
      this.#db,
      `INSERT INTO connections (id, org_id, name, kind, mock_idp_id, config, mapping, enabled, sp_private_key_pem,
         sp_certificate_pem, created_at, updated_at)
       VALUES (@id, @orgId, @name, @kind, @mockIdpId, @config, @mapping, @enabled, @spPrivateKeyPem, @spCertificatePem,
         @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, mock_idp_id = excluded.mock_idp_id, config = excluded.config,
         mapping = excluded.mapping, enabled = excluded.enabled, updated_at = excluded.updated_at`,
    ).run({
      ...record,
      config: JSON.stringify(record.config),
      mapping: JSON.stringify(record.mapping),
      enabled: record.enabled ? 1 : 0,
    });
  }

  delete(id: string): boolean {
    return statement(this.#db, 'DELETE FROM connections WHERE id = ?').run(id).changes > 0;
  }

  linkedUser(connectionId: string, subject: string): string | undefined {
    return statement<[string, string], { user_id: string }>(
      this.#db,
      'SELECT user_id FROM user_identities WHERE connection_id = ? AND external_subject = ?',
    ).get(connectionId, subject)?.user_id;
  }

  link(connectionId: string, subject: string, userId: string, now: string): void {
    statement(
      this.#db,
      `INSERT INTO user_identities (connection_id, external_subject, user_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (connection_id, external_subject) DO UPDATE SET user_id = excluded.user_id`,
    ).run(connectionId, subject, userId, now);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}

function toRecord(row: ConnectionRow): ConnectionRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    kind: row.kind,
    mockIdpId: row.mock_idp_id,
    config: JSON.parse(row.config) as Record<string, unknown>,
    mapping: JSON.parse(row.mapping) as Mapping,
    enabled: row.enabled === 1,
    spPrivateKeyPem: row.sp_private_key_pem,
    spCertificatePem: row.sp_certificate_pem,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
