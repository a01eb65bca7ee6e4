import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { purgeExpiredFederationState } from '../../server/store/federation-sweep';
import { openDatabase } from '../../server/store/open-database';
import { makeTempDir } from '../helpers/temp-dir';

describe('federation sweep', () => {
  it('deletes expired requests, assertion ids, RP transactions and hand-offs, and keeps live ones', () => {
    const dir = makeTempDir();
    const db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    try {
      const now = 1_000_000;
      for (const [suffix, expires] of [
        ['old', now - 1],
        ['live', now + 60_000],
      ] as const) {
        db.prepare('INSERT INTO saml_requests VALUES (?, ?, ?, ?, ?, ?)').run(
          `req-${suffix}`,
          'con',
          'uid',
          '/default/default',
          now - 10,
          expires,
        );
        db.prepare('INSERT INTO saml_assertion_ids VALUES (?, ?, ?)').run('con', `as-${suffix}`, expires);
        db.prepare('INSERT INTO oidc_rp_transactions VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          `st-${suffix}`,
          'con',
          'uid',
          '/default/default',
          'n',
          'v',
          now - 10,
          expires,
        );
        db.prepare('INSERT INTO federated_logins VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          `uid-${suffix}`,
          'con',
          'usr',
          'org',
          null,
          now - 10,
          expires,
        );
      }
      expect(purgeExpiredFederationState(db, now)).toEqual({
        saml_requests: 1,
        saml_assertion_ids: 1,
        oidc_rp_transactions: 1,
        federated_logins: 1,
        saml_sessions: 0,
        saml_logout_requests: 0,
      });
      expect(db.prepare('SELECT id FROM saml_requests').all()).toEqual([{ id: 'req-live' }]);
      expect(purgeExpiredFederationState(db, now).saml_requests).toBe(0);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
