/**
 * Deletes the federation state that has expired: in-flight SAML requests, remembered
 * assertion IDs past their validity (a replay would fail the time check anyway), OIDC
 * relying-party transactions, unclaimed hand-offs to interactions, upstream SAML
 * sessions past their lifetime and unanswered LogoutRequests.
 */
import { statement, type Db } from './open-database';

const TABLES = [
  'saml_requests',
  'saml_assertion_ids',
  'oidc_rp_transactions',
  'federated_logins',
  'saml_sessions',
  'saml_logout_requests',
] as const;

/** Returns how many rows each table lost. */
export function purgeExpiredFederationState(db: Db, now: number): Record<(typeof TABLES)[number], number> {
  return db.transaction(() =>
    Object.fromEntries(
      TABLES.map((table) => [table, statement(db, `DELETE FROM ${table} WHERE expires_at <= ?`).run(now).changes]),
    ),
  )() as Record<(typeof TABLES)[number], number>;
}
