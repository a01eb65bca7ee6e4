import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/store/open-database';
import { OidcRpRepository, type OidcRpTransaction } from '../../server/store/oidc-rp-repository';
import { makeTempDir } from '../helpers/temp-dir';

describe('OIDC RP transactions (SQLite)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let repo: OidcRpRepository;

  const transaction = (state: string, expiresAt = 2_000): OidcRpTransaction => ({
    state,
    connectionId: 'con_1',
    interactionUid: 'uid-1',
    issuerPath: '/default/default',
    nonce: `nonce-${state}`,
    codeVerifier: `verifier-${state}`,
    createdAt: 1_000,
    expiresAt,
  });

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    repo = new OidcRpRepository(db);
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('gives a transaction back once, with everything it binds', () => {
    repo.insert(transaction('s1'));
    expect(repo.take('s1')).toEqual(transaction('s1'));
    expect(repo.take('s1')).toBeUndefined();
    expect(repo.take('never-issued')).toBeUndefined();
  });

  it('refuses a second transaction with the same state', () => {
    repo.insert(transaction('s1'));
    expect(() => repo.insert(transaction('s1'))).toThrow(/UNIQUE/);
  });

  it('purges expired transactions only', () => {
    repo.insert(transaction('old', 1_500));
    repo.insert(transaction('live', 5_000));
    expect(repo.purgeExpired(2_000)).toBe(1);
    expect(repo.take('old')).toBeUndefined();
    expect(repo.take('live')?.nonce).toBe('nonce-live');
  });

  it('survives a reopen of the database', () => {
    repo.insert(transaction('s1'));
    db.close();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    expect(new OidcRpRepository(db).take('s1')?.codeVerifier).toBe('verifier-s1');
  });
});
