// MFA challenges over a real SQLite file with a frozen clock: single use, five attempts,
// five-minute codes, resend cooldown and limit, and which org's setting applies.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MFA_MAX_SENDS } from '../../server/accounts/mfa-challenge';
import { createServices, type Services } from '../../server/services';
import { openDatabase, type Db } from '../../server/store/open-database';
import { frozenClock, makeTempDir } from '../helpers/temp-dir';

describe('MFA challenges', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: Db;
  let clock: ReturnType<typeof frozenClock>;
  let services: Services;
  let userId: string;
  let orgId: string;

  beforeEach(async () => {
    dir = makeTempDir();
    db = openDatabase({ file: join(dir.path, 'orgbench.db') });
    clock = frozenClock();
    services = createServices(db, clock, () => 'http://127.0.0.1:4100');
    orgId = services.orgs.create({ name: 'Acme', slug: 'acme' }).id;
    userId = (await services.users.create({ email: 'alice@acme.test', name: 'Alice', password: 'alice-password' })).id;
    services.users.addMember(orgId, { userId, roles: [] });
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const lastCode = () => {
    const message = services.notifications.outbox.latest({ kind: 'mfa_code' });
    return /\b(\d{6})\b/.exec(message.text)?.[1] ?? '';
  };
  const start = (uid = 'uid-1') =>
    services.accounts.mfa.start({ interactionUid: uid, userId, orgId, channel: 'email', traceId: null });

  it('accepts the right code once', () => {
    expect(start().ok).toBe(true);
    const code = lastCode();
    expect(services.accounts.mfa.verify('uid-1', code).ok).toBe(true);
    expect(services.accounts.mfa.verify('uid-1', code)).toEqual({ ok: false, reason: 'dead' });
  });

  it('ends the challenge at the fifth wrong code', () => {
    start();
    const code = lastCode();
    const wrong = code === '999999' ? '000000' : '999999';
    const answers = Array.from({ length: 5 }, () => services.accounts.mfa.verify('uid-1', wrong));
    expect(
      answers.slice(0, 4).map((answer) => (answer.ok ? 0 : 'attemptsLeft' in answer ? answer.attemptsLeft : -1)),
    ).toEqual([4, 3, 2, 1]);
    expect(answers[4]).toEqual({ ok: false, reason: 'dead' });
    expect(services.accounts.mfa.verify('uid-1', code)).toEqual({ ok: false, reason: 'dead' });
    expect(services.accounts.mfa.verify('uid-1', 'not a code').ok).toBe(false);
  });

  it('refuses a code after five minutes, and a resend waits 30 seconds and stops at the limit', () => {
    start();
    const first = lastCode();
    expect(services.accounts.mfa.resend('uid-1')).toMatchObject({ ok: false, reason: 'cooldown', retryInSeconds: 30 });
    clock.advance(5 * 60_000);
    expect(services.accounts.mfa.verify('uid-1', first)).toEqual({ ok: false, reason: 'expired' });
    for (let send = 2; send <= MFA_MAX_SENDS; send += 1) {
      expect(services.accounts.mfa.resend('uid-1').ok).toBe(true);
      clock.advance(31_000);
    }
    expect(services.accounts.mfa.resend('uid-1')).toEqual({ ok: false, reason: 'limit' });
    const latest = lastCode();
    expect(services.accounts.mfa.verify('uid-1', latest).ok).toBe(true);
  });

  it('a new challenge of the same sign-in ends the previous one', () => {
    start();
    const first = lastCode();
    start();
    const second = lastCode();
    if (first !== second) expect(services.accounts.mfa.verify('uid-1', first).ok).toBe(false);
    expect(services.accounts.mfa.verify('uid-1', second).ok).toBe(true);
  });

  it('applies the named org, else the strictest of the user’s orgs; SMS needs a phone number', () => {
    const other = services.orgs.create({ name: 'Globex', slug: 'globex' }).id;
    services.users.addMember(other, { userId, roles: [] });
    services.accounts.settings.update('globex', { mfa: 'sms' });
    services.accounts.settings.update('acme', { mfa: 'email' });
    expect(services.accounts.settings.requirementFor([orgId], userId)).toEqual({ mode: 'email', orgId });
    expect(services.accounts.settings.requirementFor([], userId)).toEqual({ mode: 'sms', orgId: other });
    expect(
      services.accounts.mfa.start({ interactionUid: 'u', userId, orgId: other, channel: 'sms', traceId: null }),
    ).toEqual({ ok: false, reason: 'no_phone' });
    expect(() => services.accounts.settings.update('acme', { mfa: 'push' })).toThrow(/mfa/);
  });
});
