/** Which organization each grant was made for: the org context of every token of that grant. */
import { statement, type Db } from './open-database';

export class GrantOrgRepository {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  bind(issuer: string, grantId: string, orgId: string, now: string): void {
    statement(
      this.#db,
      `INSERT INTO grant_orgs (issuer, grant_id, org_id, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (issuer, grant_id) DO UPDATE SET org_id = excluded.org_id`,
    ).run(issuer, grantId, orgId, now);
  }

  orgOf(issuer: string, grantId: string): string | undefined {
    return statement<[string, string], { org_id: string }>(
      this.#db,
      'SELECT org_id FROM grant_orgs WHERE issuer = ? AND grant_id = ?',
    ).get(issuer, grantId)?.org_id;
  }

  /** Forgets bindings whose grant no longer exists in the provider's storage. */
  purgeOrphans(): number {
    return statement(
      this.#db,
      `DELETE FROM grant_orgs WHERE NOT EXISTS (
           SELECT 1 FROM oidc_payloads p WHERE p.issuer = grant_orgs.issuer AND p.model = 'Grant' AND p.id = grant_orgs.grant_id)`,
    ).run().changes;
  }
}
