import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired, sqliteAdapterFor } from '../../server/oidc/sqlite-adapter';
import { openDatabase, type Db } from '../../server/store/open-database';
import { makeTempDir } from '../helpers/temp-dir';

describe('oidc-provider SQLite adapter', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let now = 1_700_000_000_000;
  const clock = () => now;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const adapter = (model: string, issuer = 'http://issuer-a') => new (sqliteAdapterFor(db, issuer, clock))(model);

  it('stores, finds and hides expired payloads', async () => {
    const codes = adapter('AuthorizationCode');
    await codes.upsert('c1', { grantId: 'g1', accountId: 'alice' }, 60);
    expect(await codes.find('c1')).toMatchObject({ grantId: 'g1', accountId: 'alice' });
    now += 61_000;
    expect(await codes.find('c1')).toBeUndefined();
  });

  it('separates models and issuers', async () => {
    await adapter('Session').upsert('x', { uid: 'u1' }, 60);
    expect(await adapter('Grant').find('x')).toBeUndefined();
    expect(await adapter('Session', 'http://issuer-b').find('x')).toBeUndefined();
    expect(await adapter('Session').findByUid('u1')).toMatchObject({ uid: 'u1' });
  });

  it('marks a consumed payload and survives a reopen', async () => {
    const codes = adapter('AuthorizationCode');
    await codes.upsert('c2', { grantId: 'g2' }, 600);
    await codes.consume('c2');
    const consumed = await codes.find('c2');
    expect(consumed?.consumed).toBe(Math.floor(now / 1000));
    db.close();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    expect((await adapter('AuthorizationCode').find('c2'))?.consumed).toBe(Math.floor(now / 1000));
  });

  it('revokes a grant model by model, as oidc-provider asks, leaving an interaction of that grant', async () => {
    await adapter('AccessToken').upsert('a1', { grantId: 'g3' }, 600);
    await adapter('RefreshToken').upsert('r1', { grantId: 'g3' }, 600);
    await adapter('RefreshToken').upsert('r2', { grantId: 'other' }, 600);
    await adapter('Interaction').upsert('i1', { grantId: 'g3' }, 600);
    await adapter('RefreshToken').revokeByGrantId('g3');
    expect(await adapter('RefreshToken').find('r1')).toBeUndefined();
    expect(await adapter('RefreshToken').find('r2')).toBeDefined();
    expect(await adapter('AccessToken').find('a1')).toBeDefined();
    await adapter('AccessToken').revokeByGrantId('g3');
    expect(await adapter('AccessToken').find('a1')).toBeUndefined();
    // A second sign-in in the same browser carries the grant id while the first is signed out.
    expect(await adapter('Interaction').find('i1')).toBeDefined();
  });

  it('finds by user code and destroys', async () => {
    const devices = adapter('DeviceCode');
    await devices.upsert('d1', { userCode: 'ABCD-EFGH' }, 600);
    expect(await devices.findByUserCode('ABCD-EFGH')).toBeDefined();
    await devices.destroy('d1');
    expect(await devices.findByUserCode('ABCD-EFGH')).toBeUndefined();
  });

  it('purges 10k expired rows in one sweep and keeps live ones', async () => {
    const insert = db.prepare(
      "INSERT INTO oidc_payloads (issuer, model, id, payload, expires_at) VALUES ('i', 'AccessToken', ?, '{}', ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 10_000; i += 1) insert.run(`old-${i}`, now - 1);
      insert.run('live', now + 60_000);
    })();
    expect(purgeExpired(db, now)).toBe(10_000);
    expect(db.prepare('SELECT id FROM oidc_payloads').all()).toEqual([{ id: 'live' }]);
  });
});
