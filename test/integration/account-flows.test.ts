// Account flows that send notifications, over real HTTP with the outbox as the mailbox:
// password reset (enumeration-safe, single use, expiring), invitations (new and existing
// users, revoke, resend), email verification reaching the email_verified claim.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/index';
import type { Invitation } from '../../server/model/account';
import { Browser, formAction } from '../helpers/browser-client';
import {
  accountLinkOf,
  lastMessage,
  movableClock,
  postPassword,
  startSignIn,
  submit,
  textOf,
} from '../helpers/account-flows';
import { DEMO_PASSWORD, claimsOf, demoLogin } from '../helpers/demo';
import { serverPerTest, type TestServer } from '../helpers/server';

const MINUTE = 60_000;

describe('account flows', () => {
  let clock = movableClock();
  const ctx = serverPerTest({ demo: true }, () => ({ clock: (clock = movableClock()) }));
  let server: TestServer;
  beforeEach(() => {
    server = ctx.server;
  });

  /** Asks for a reset from alice's password page; returns the answer page. */
  const askReset = async (email: string) => {
    const signIn = await startSignIn(server, 'alice@acme.test');
    const forgot = /href="([^"]*\/forgot\?[^"]*)"/.exec(signIn.page.body)?.[1];
    expect(forgot, 'the password page links to "Forgot password?"').toBeDefined();
    const form = await signIn.browser.request(new URL(forgot!.replace(/&amp;/g, '&'), signIn.page.url).href);
    expect(form.body).toContain('name="email"');
    return signIn.browser.request(formAction(form), { form: { email } });
  };

  describe('password reset', () => {
    it('answers the same for known and unknown addresses and mails only the known one', async () => {
      const known = await askReset('alice@acme.test');
      const unknown = await askReset('nobody@acme.test');
      expect(known.status).toBe(200);
      expect(unknown.status).toBe(known.status);
      const normalize = (body: string, email: string) =>
        body.replaceAll(email, 'EMAIL').replace(/\/interaction\/[^/"]+/g, '/interaction/UID');
      expect(normalize(unknown.body, 'nobody@acme.test')).toBe(normalize(known.body, 'alice@acme.test'));
      expect(await lastMessage(server, 'nobody@acme.test', 'password_reset')).toBeUndefined();
      const message = await lastMessage(server, 'alice@acme.test', 'password_reset');
      expect(message?.text).toContain('30 minutes');
      expect(accountLinkOf(message, 'reset')).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/default\/default\/account\/reset\?token=[\w-]{43}$/,
      );
    });

    it('sets a new password once through the emailed link, unlocks the account and returns to sign-in', async () => {
      // Lock alice out first: five wrong passwords.
      for (let i = 0; i < 5; i += 1) {
        const signIn = await startSignIn(server, 'alice@acme.test');
        await postPassword(server, signIn, 'alice@acme.test', 'wrong-password');
      }
      const locked = await startSignIn(server, 'alice@acme.test');
      expect(textOf(await postPassword(server, locked, 'alice@acme.test', DEMO_PASSWORD))).toContain('locked');

      await askReset('alice@acme.test');
      const link = accountLinkOf(await lastMessage(server, 'alice@acme.test', 'password_reset'), 'reset');
      const phone = new Browser(); // the link is opened elsewhere, e.g. on a phone
      const page = await phone.request(link);
      expect(page.status).toBe(200);
      expect(page.body).toContain('alice@acme.test');

      const short = await submit(server, phone, page, { token: tokenOf(link), password: 'short', confirm: 'short' });
      expect(short.status).toBe(400);
      expect(short.body).toContain('data-field-error="password"');
      const mismatch = await submit(server, phone, page, {
        token: tokenOf(link),
        password: 'a-new-password',
        confirm: 'another-password',
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body).toContain('data-field-error="confirm"');

      const done = await submit(server, phone, page, {
        token: tokenOf(link),
        password: 'a-new-password',
        confirm: 'a-new-password',
      });
      expect(done.status).toBe(200);
      expect(done.body).toContain('data-testid="reset-done"');
      expect(done.body).toMatch(/href="\/default\/default\/interaction\/[^"]+"[^>]*data-testid="reset-return"/);

      // Single use: the same link is refused, by GET and by POST.
      expect((await phone.request(link)).status).toBe(400);
      const again = await submit(server, phone, page, {
        token: tokenOf(link),
        password: 'yet-another-pass',
        confirm: 'yet-another-pass',
      });
      expect(again.body).toContain('data-testid="link-invalid"');

      const result = await demoLogin(server, { password: 'a-new-password', organization: 'acme' });
      expect(claimsOf(result.tokens.id_token)).toMatchObject({ email: 'alice@acme.test', email_verified: true });
      await expect(demoLogin(server, { organization: 'acme' })).rejects.toThrow(/not correct/);
    });

    it('refuses an expired link, and a newer reset ends the older links', async () => {
      await askReset('alice@acme.test');
      const first = accountLinkOf(await lastMessage(server, 'alice@acme.test', 'password_reset'), 'reset');
      clock.advance(31 * MINUTE);
      const expired = await new Browser().request(first);
      expect(expired.status).toBe(400);
      expect(expired.body).toContain('data-testid="link-invalid"');

      await askReset('alice@acme.test');
      const second = accountLinkOf(await lastMessage(server, 'alice@acme.test', 'password_reset'), 'reset');
      clock.advance(2 * MINUTE); // past the one-email-a-minute guard
      await askReset('alice@acme.test');
      const third = accountLinkOf(await lastMessage(server, 'alice@acme.test', 'password_reset'), 'reset');
      expect(third).not.toBe(second);
      const browser = new Browser();
      const page = await browser.request(third);
      await submit(server, browser, page, {
        token: tokenOf(third),
        password: 'fresh-password',
        confirm: 'fresh-password',
      });
      expect((await browser.request(second)).status).toBe(400);
    });

    it('sends at most one reset email a minute per account', async () => {
      await askReset('alice@acme.test');
      const first = await lastMessage(server, 'alice@acme.test', 'password_reset');
      await askReset('alice@acme.test');
      expect((await lastMessage(server, 'alice@acme.test', 'password_reset'))?.id).toBe(first?.id);
    });
  });

  describe('invitations', () => {
    const invite = (org: string, body: unknown) => server.api('POST', `/api/orgs/${org}/invitations`, body);

    it('invites a new person, who creates an account with the roles and signs in verified', async () => {
      const created = await invite('acme', { email: 'Nora@Acme.test', roles: ['billing'], inviterName: 'Alice' });
      expect(created.status).toBe(201);
      const invitation = created.body as Invitation;
      expect(invitation).toMatchObject({ email: 'nora@acme.test', roles: ['billing'], status: 'pending', sends: 1 });
      expect(JSON.stringify(created.body)).not.toMatch(/token|link/i);

      const message = await lastMessage(server, 'nora@acme.test', 'invitation');
      expect(message?.text).toContain('Alice');
      const link = accountLinkOf(message, 'invitation');
      const browser = new Browser();
      const page = await browser.request(link);
      expect(page.body).toContain('name="password"');
      expect(page.body).toContain('billing');
      const weak = await submit(server, browser, page, {
        token: tokenOf(link),
        name: 'Nora',
        password: 'x',
        confirm: 'x',
      });
      expect(weak.status).toBe(400);
      expect(weak.body).toContain('data-field-error="password"');
      const done = await submit(server, browser, page, {
        token: tokenOf(link),
        name: 'Nora Newhire',
        password: 'nora-password',
        confirm: 'nora-password',
      });
      expect(done.body).toContain('data-testid="invitation-done"');
      expect((await browser.request(link)).status).toBe(400);

      const list = (await server.api('GET', '/api/orgs/acme/invitations')).body as { invitations: Invitation[] };
      expect(list.invitations[0]).toMatchObject({ id: invitation.id, status: 'accepted' });
      const result = await demoLogin(server, {
        email: 'nora@acme.test',
        password: 'nora-password',
        organization: 'acme',
      });
      expect(claimsOf(result.tokens.id_token)).toMatchObject({
        name: 'Nora Newhire',
        email_verified: true,
        org_name: 'Acme Corporation',
        org_roles: ['billing'],
      });
    });

    it('gives an existing user the membership without a new password', async () => {
      await invite('acme', { email: 'bob@globex.test', roles: ['auditor'] });
      const link = accountLinkOf(await lastMessage(server, 'bob@globex.test', 'invitation'), 'invitation');
      const browser = new Browser();
      const page = await browser.request(link);
      expect(page.body).not.toContain('name="password"');
      const done = await submit(server, browser, page, { token: tokenOf(link) });
      expect(done.body).toContain('data-testid="invitation-done"');
      const result = await demoLogin(server, { email: 'bob@globex.test', organization: 'acme' });
      expect(claimsOf(result.tokens.id_token)).toMatchObject({ org_name: 'Acme Corporation', org_roles: ['auditor'] });
    });

    it('revokes and resends: only the newest link of a pending invitation works', async () => {
      const first = (await invite('acme', { email: 'olga@acme.test' })).body as Invitation;
      const oldLink = accountLinkOf(await lastMessage(server, 'olga@acme.test', 'invitation'), 'invitation');
      const resent = await server.api('POST', `/api/orgs/acme/invitations/${first.id}/resend`);
      expect(resent.body).toMatchObject({ status: 'pending', sends: 2 });
      const newLink = accountLinkOf(await lastMessage(server, 'olga@acme.test', 'invitation'), 'invitation');
      expect((await new Browser().request(oldLink)).status).toBe(400);
      expect((await new Browser().request(newLink)).status).toBe(200);

      const revoked = await server.api('DELETE', `/api/orgs/acme/invitations/${first.id}`);
      expect(revoked.body).toMatchObject({ status: 'revoked' });
      expect((await new Browser().request(newLink)).status).toBe(400);
      expect((await server.api('DELETE', `/api/orgs/acme/invitations/${first.id}`)).status).toBe(409);
    });

    it('expires after 7 days', async () => {
      await invite('acme', { email: 'pat@acme.test' });
      const link = accountLinkOf(await lastMessage(server, 'pat@acme.test', 'invitation'), 'invitation');
      clock.advance(7 * 24 * 60 * MINUTE + MINUTE);
      expect((await new Browser().request(link)).status).toBe(400);
      const list = (await server.api('GET', '/api/orgs/acme/invitations')).body as { invitations: Invitation[] };
      expect(list.invitations[0]?.status).toBe('expired');
      expect((await invite('acme', { email: 'pat@acme.test' })).status).toBe(201);
    });

    it('refuses bad input by field and changes nothing', async () => {
      const bad = await invite('acme', { email: 'not-an-email', roles: ['bad role'] });
      expect(bad.status).toBe(400);
      const paths = (bad.body as { error: { fields: { path: string }[] } }).error.fields.map((field) => field.path);
      expect(paths).toEqual(expect.arrayContaining(['email', 'roles[0]']));
      const member = await invite('acme', { email: 'alice@acme.test' });
      expect(member.status).toBe(409);
      expect(member.body).toMatchObject({ error: { code: 'invitation_already_member' } });
      await invite('acme', { email: 'quinn@acme.test' });
      expect((await invite('acme', { email: 'quinn@acme.test' })).body).toMatchObject({
        error: { code: 'invitation_pending', fields: [{ path: 'email' }] },
      });
      expect((await invite('no-such-org', { email: 'x@acme.test' })).status).toBe(404);
      const list = (await server.api('GET', '/api/orgs/acme/invitations')).body as { invitations: Invitation[] };
      expect(list.invitations.map((entry) => entry.email)).toEqual(['quinn@acme.test']);
    });
  });

  it('keeps only hashes of links in the database: the raw token exists only in the outbox message', async () => {
    await server.api('POST', '/api/orgs/acme/invitations', { email: 'hana@acme.test' });
    await askReset('alice@acme.test');
    const tokens = [
      tokenOf(accountLinkOf(await lastMessage(server, 'hana@acme.test', 'invitation'), 'invitation')),
      tokenOf(accountLinkOf(await lastMessage(server, 'alice@acme.test', 'password_reset'), 'reset')),
    ];
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const tables = ['account_tokens', 'invitations', 'mfa_challenges', 'known_devices', 'traces', 'trace_steps'];
      const stored = tables
        .filter((table) => db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(table))
        .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
        .join('\n');
      expect(stored).toContain('hana@acme.test');
      for (const token of tokens) expect(stored).not.toContain(token);
    } finally {
      db.close();
    }
  });

  describe('email verification', () => {
    it('a new user is unverified until the emailed link is confirmed; the claim follows', async () => {
      const created = await server.api('POST', '/api/users', {
        email: 'vera@acme.test',
        name: 'Vera',
        password: 'vera-password',
      });
      const user = created.body as { id: string; emailVerified: boolean };
      expect(user.emailVerified).toBe(false);
      await server.api('POST', '/api/orgs/acme/members', { userId: user.id, roles: [] });
      const before = await demoLogin(server, {
        email: 'vera@acme.test',
        password: 'vera-password',
        organization: 'acme',
      });
      expect(claimsOf(before.tokens.id_token).email_verified).toBe(false);

      const sent = await server.api('POST', `/api/users/${user.id}/verification-email`, {});
      expect(sent.status).toBe(202);
      expect(JSON.stringify(sent.body)).not.toMatch(/token=|\/account\//);
      const link = accountLinkOf(await lastMessage(server, 'vera@acme.test', 'email_verification'), 'verify-email');
      const browser = new Browser();
      const page = await browser.request(link);
      expect(page.body).toContain('data-testid="verify-form"');
      expect((await server.api('GET', `/api/users/${user.id}`)).body).toMatchObject({ emailVerified: false });
      const done = await submit(server, browser, page, { token: tokenOf(link) });
      expect(done.body).toContain('data-testid="verify-done"');
      expect((await submit(server, browser, page, { token: tokenOf(link) })).status).toBe(400);
      expect((await server.api('GET', `/api/users/${user.id}`)).body).toMatchObject({ emailVerified: true });

      const after = await demoLogin(server, {
        email: 'vera@acme.test',
        password: 'vera-password',
        organization: 'acme',
      });
      expect(claimsOf(after.tokens.id_token).email_verified).toBe(true);
      expect((await server.api('POST', '/api/users/nobody/verification-email', {})).status).toBe(404);
    });
  });
});

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}
