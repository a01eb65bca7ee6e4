// MFA after a good password (codes fetched from the outbox; five wrong codes end the
// challenge; codes expire after 5 minutes on the injectable clock) and new-device alerts
// (only for a second browser, never on the very first sign-in).
import { beforeEach, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/browser-client';
import {
  codeOf,
  lastMessage,
  movableClock,
  postPassword,
  redeem,
  startSignIn,
  submit,
  textOf,
} from '../helpers/account-flows';
import { DEMO_PASSWORD, claimsOf, demoLogin } from '../helpers/demo';
import { serverPerTest, type TestServer } from '../helpers/server';

const ALICE = 'alice@acme.test';

describe('MFA and new-device alerts', () => {
  let clock = movableClock();
  const ctx = serverPerTest({ demo: true }, () => ({ clock: (clock = movableClock()) }));
  let server: TestServer;
  beforeEach(() => {
    server = ctx.server;
  });

  const requireMfa = async (org: string, mfa: string) => {
    const response = await server.api('PATCH', `/api/orgs/${org}/security`, { mfa });
    expect(response.status).toBe(200);
  };

  /** Signs alice in up to the MFA page. */
  const toMfaPage = async (browser = new Browser()) => {
    const signIn = await startSignIn(server, ALICE, { browser, extra: { organization: 'acme' } });
    const page = await postPassword(server, signIn, ALICE, DEMO_PASSWORD);
    expect(page.body).toContain('name="code"');
    return { signIn, page };
  };
  const mfaAction = (page: { body: string }) => /action="([^"]*\/mfa)"/.exec(page.body)?.[1] ?? '';
  const resendAction = (page: { body: string }) => /action="([^"]*\/mfa\/resend)"/.exec(page.body)?.[1] ?? '';

  it('stores the setting per org and refuses an unknown mode by field', async () => {
    expect((await server.api('GET', '/api/orgs/acme/security')).body).toMatchObject({ mfa: 'off', updatedAt: null });
    const bad = await server.api('PATCH', '/api/orgs/acme/security', { mfa: 'carrier-pigeon' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed', fields: [{ path: 'mfa' }] } });
    expect((await server.api('GET', '/api/orgs/acme/security')).body).toMatchObject({ mfa: 'off' });
    await requireMfa('acme', 'email');
    expect((await server.api('GET', '/api/orgs/acme/security')).body).toMatchObject({ mfa: 'email' });
  });

  it('email code: the sign-in finishes with amr pwd + otp, and the code works once', async () => {
    await requireMfa('acme', 'email');
    const { signIn, page } = await toMfaPage();
    expect(textOf(page)).toContain('a•••@acme.test');
    const message = await lastMessage(server, ALICE, 'mfa_code');
    expect(message).toMatchObject({ channel: 'email', kind: 'mfa_code' });
    const code = codeOf(message);
    const done = await submit(server, signIn.browser, page, { code }, mfaAction(page));
    const tokens = await redeem(server, signIn, done);
    const claims = claimsOf(tokens.id_token);
    expect(claims.amr).toEqual(expect.arrayContaining(['pwd', 'otp']));
    expect(claims).toMatchObject({ email: ALICE, org_name: 'Acme Corporation' });
    // The MFA page wears the theme of the org that asked for the code, even when the app named none.
    const acme = (await server.api('GET', '/api/orgs/acme')).body as { id: string };
    const unnamed = await postPassword(server, await startSignIn(server, ALICE), ALICE, DEMO_PASSWORD);
    expect(unnamed.body).toContain('name="code"');
    expect(unnamed.body).toMatch(new RegExp(`/_orgbench/themes/[^"]*/${acme.id}\\.css`));
    // Without MFA the same login says pwd only.
    await requireMfa('acme', 'off');
    expect(claimsOf((await demoLogin(server, { organization: 'acme' })).tokens.id_token).amr).toEqual(['pwd']);
  });

  it('five wrong codes end the challenge: even the right code is then refused', async () => {
    await requireMfa('acme', 'email');
    const { signIn, page } = await toMfaPage();
    const code = codeOf(await lastMessage(server, ALICE, 'mfa_code'));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const refused = await submit(server, signIn.browser, page, { code: wrong }, mfaAction(page));
      expect(refused.status).toBe(401);
      expect(textOf(refused)).toContain(`${5 - attempt} attempt`);
    }
    const fifth = await submit(server, signIn.browser, page, { code: wrong }, mfaAction(page));
    expect(fifth.body).toContain('data-testid="mfa-unavailable"');
    const late = await submit(server, signIn.browser, page, { code }, mfaAction(page));
    expect(late.status).toBe(401);
    expect(late.location).toBeNull();
  });

  it('refuses an expired code; a resend after the cooldown sends a new one that works', async () => {
    await requireMfa('acme', 'email');
    const { signIn, page } = await toMfaPage();
    const first = codeOf(await lastMessage(server, ALICE, 'mfa_code'));
    const early = await submit(server, signIn.browser, page, {}, resendAction(page));
    expect(early.status).toBe(429);
    clock.advance(5 * 60_000 + 1000);
    const expired = await submit(server, signIn.browser, page, { code: first }, mfaAction(page));
    expect(expired.status).toBe(401);
    expect(textOf(expired)).toContain('expired');
    const resent = await submit(server, signIn.browser, page, {}, resendAction(page));
    expect(resent.status).toBe(200);
    const second = await lastMessage(server, ALICE, 'mfa_code');
    const done = await submit(server, signIn.browser, page, { code: codeOf(second) }, mfaAction(page));
    expect(claimsOf((await redeem(server, signIn, done)).id_token).amr).toContain('otp');
  });

  it('SMS code goes to the phone_number attribute, and says so clearly when there is none', async () => {
    await requireMfa('acme', 'sms');
    const signIn = await startSignIn(server, ALICE, { extra: { organization: 'acme' } });
    const missing = await postPassword(server, signIn, ALICE, DEMO_PASSWORD);
    expect(missing.status).toBe(403);
    expect(textOf(missing)).toContain('no phone number');

    const alice = (await server.api('GET', `/api/users/${ALICE}`)).body as { id: string };
    await server.api('PATCH', `/api/users/${alice.id}`, { attributes: { phone_number: '+1 555 0100 142' } });
    const { signIn: again, page } = await toMfaPage();
    expect(textOf(page)).toContain('•••• 0142');
    const sms = await lastMessage(server, '+1 555 0100 142', 'mfa_code');
    expect(sms?.channel).toBe('sms');
    const done = await submit(server, again.browser, page, { code: codeOf(sms) }, mfaAction(page));
    expect(claimsOf((await redeem(server, again, done)).id_token).amr).toContain('otp');
  });

  it('alerts on a sign-in from a second browser only, never on the first sign-in', async () => {
    const created = await server.api('POST', '/api/users', {
      email: 'dora@acme.test',
      name: 'Dora',
      password: 'dora-password',
    });
    const dora = created.body as { id: string };
    await server.api('POST', '/api/orgs/acme/members', { userId: dora.id, roles: [] });
    const laptop = new Browser();
    const login = (browser: Browser) =>
      demoLogin(server, { email: 'dora@acme.test', password: 'dora-password', organization: 'acme', browser });

    await login(laptop);
    expect(await lastMessage(server, 'dora@acme.test', 'new_device')).toBeUndefined();
    const cookie = (await laptop.jar.getCookies(server.protocolUrl)).find((entry) => entry.key === 'ob_device');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax' });
    await login(laptop);
    expect(await lastMessage(server, 'dora@acme.test', 'new_device')).toBeUndefined();

    await login(new Browser());
    const alert = await lastMessage(server, 'dora@acme.test', 'new_device');
    expect(alert?.text).toMatch(/127\.0\.0\.1/);
    expect(alert?.text).toContain('UTC');
  });
});
