// Account flows in the UI and on the hosted pages: the Security tab turns on email codes,
// a demo user signs in with the code from the outbox (MFA page); the Members tab invites
// by email (dialog, pending list, resend, revoke); the identity pool sends a verification
// email. Screenshots at 1280×800 and 600 px wide.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Invitation } from '../../server/model/account';
import type { OutboxMessage } from '../../server/model/notification';
import { adminGet, expect, scrollToTop, snap, test } from './fixtures';

test.use({ demo: true });

const NARROW = { width: 600, height: 800 };
const WIDE = { width: 1280, height: 800 };

async function openOrgTab(app: Page, slug: string, tab: 'members' | 'security'): Promise<void> {
  await app.getByTestId(`org-row-${slug}`).click();
  await app.getByTestId(`org-tab-${tab}`).click();
  await expect(app.getByTestId(`org-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/** Closes the confirmation toast so it does not cover a screenshot. */
async function dismissToast(app: Page): Promise<void> {
  await app.getByTestId('toast').getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.getByTestId('toast')).toHaveCount(0);
}

const outboxLatest = (app: Page, server: { adminUrl: string; dataDir: string }, to: string, kind: string) =>
  adminGet<OutboxMessage>(app, server, `/api/outbox/latest?${new URLSearchParams({ to, kind }).toString()}`);

test('MFA: the Security tab asks for email codes; the sign-in shows the MFA page and takes the emailed code', async ({
  app,
  server,
  browser,
}) => {
  await openOrgTab(app, 'initech', 'security');
  await expect(app.getByTestId('mfa-current')).toHaveText('Now: Password only');
  await app.getByTestId('mfa-mode-email').click();
  await snap(app, 'org-security');
  await app.getByTestId('mfa-save').click();
  await expect(app.getByTestId('mfa-current')).toHaveText('Now: Email code');
  await dismissToast(app);
  await app.setViewportSize(NARROW);
  await scrollToTop(app.getByTestId('security-tab'));
  await snap(app, 'org-security-narrow');
  await app.setViewportSize(WIDE);
  expect(await adminGet<{ mfa: string }>(app, server, '/api/orgs/initech/security')).toMatchObject({ mfa: 'email' });

  const page = await browser.newPage({ viewport: WIDE });
  await page.goto(`${server.protocolUrl}/sample`);
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.getByTestId('sample-sign-in').click();
  await page.getByLabel('Work email').fill('carol@initech.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('forgot-password')).toBeVisible();
  await page.getByLabel('Password').fill('orgbench-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByTestId('mfa-form')).toBeVisible();
  await expect(page.getByTestId('mfa-sent-to')).toHaveText('c•••@initech.test');
  const first = await outboxLatest(app, server, 'carol@initech.test', 'mfa_code');
  const code = /\b(\d{6})\b/.exec(first.text)?.[1] ?? '';
  await page.getByTestId('mfa-code').fill(code === '000000' ? '111111' : '000000');
  await page.getByTestId('mfa-submit').click();
  await expect(page.getByTestId('page-error')).toContainText('4 attempts left');
  await snap(page, 'hosted-mfa');
  await page.setViewportSize(NARROW);
  await snap(page, 'hosted-mfa-narrow');
  await page.setViewportSize(WIDE);

  await page.getByTestId('mfa-code').fill(code);
  await page.getByTestId('mfa-submit').click();
  await expect(page.getByTestId('org-badge')).toHaveText('Initech');
  await expect(page.getByTestId('claims').first()).toContainText('"otp"');
  await page.close();
});

test('Members: invite by email with roles, see it pending, resend and revoke', async ({ app, server }) => {
  await openOrgTab(app, 'acme', 'members');
  await app.getByTestId('member-invite').click();
  await expect(app.getByTestId('invite-dialog')).toBeVisible();
  await app.getByTestId('invite-send').click();
  await expect(app.getByTestId('invite-email-error')).toHaveText('Enter an email address.');
  await app.getByTestId('invite-email').fill('alice@acme.test');
  await app.getByTestId('invite-send').click();
  await expect(app.getByTestId('invite-email-error')).toHaveText('already a member of this organization');

  await app.getByTestId('invite-email').fill('nora@acme.test');
  await app.getByTestId('invite-roles').fill('billing');
  await app.getByTestId('invite-roles').press('Enter');
  await app.getByTestId('invite-inviter').fill('Alice Anders');
  await snap(app, 'org-invite-dialog');
  await app.setViewportSize(NARROW);
  await snap(app, 'org-invite-dialog-narrow');
  await app.setViewportSize(WIDE);
  await app.getByTestId('invite-send').click();
  await expect(app.getByTestId('invite-dialog')).toHaveCount(0);
  await expect(app.getByTestId('invitation-status-nora@acme.test')).toHaveText('Pending');
  const sent = await outboxLatest(app, server, 'nora@acme.test', 'invitation');
  expect(sent.links.some((link) => link.includes('/account/invitation?token='))).toBe(true);
  await dismissToast(app);
  await app.getByTestId('invitation-row-nora@acme.test').scrollIntoViewIfNeeded();
  await snap(app, 'org-invitations');
  await app.setViewportSize(NARROW);
  await app.getByTestId('invitation-row-nora@acme.test').scrollIntoViewIfNeeded();
  await snap(app, 'org-invitations-narrow');
  await app.setViewportSize(WIDE);

  await app.getByTestId('invitation-resend-nora@acme.test').click();
  await expect(app.getByTestId('toast')).toContainText('new invitation link');
  const resent = await outboxLatest(app, server, 'nora@acme.test', 'invitation');
  expect(resent.id).not.toBe(sent.id);
  await app.getByTestId('invitation-revoke-nora@acme.test').click();
  await expect(app.getByTestId('invitation-row-nora@acme.test')).toHaveCount(0);
  const { invitations } = await adminGet<{ invitations: Invitation[] }>(app, server, '/api/orgs/acme/invitations');
  expect(invitations[0]).toMatchObject({ email: 'nora@acme.test', status: 'revoked', sends: 2 });
});

test('Users: an unverified address gets a verification email from the identity pool', async ({ app, server }) => {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const created = await app.request.post(`${server.adminUrl}/api/users`, {
    headers: { authorization: `Bearer ${token}` },
    data: { email: 'vera@acme.test', name: 'Vera Verify', password: 'vera-password' },
  });
  expect(created.status()).toBe(201);
  await app.getByTestId('view-users').click();
  await expect(app.getByTestId('user-verified-alice@acme.test')).toBeVisible();
  await app.getByTestId('user-send-verification-vera@acme.test').click();
  await expect(app.getByTestId('user-send-verification-vera@acme.test')).toHaveText('Send again');
  const message = await outboxLatest(app, server, 'vera@acme.test', 'email_verification');
  expect(message.links.some((link) => link.includes('/account/verify-email?token='))).toBe(true);
  await dismissToast(app);
  await app.getByTestId('user-row-vera@acme.test').scrollIntoViewIfNeeded();
  await snap(app, 'users-verification');
});

test('hosted pages: forgot password, the emailed reset link, and accepting an invitation', async ({
  app,
  server,
  browser,
}) => {
  const page = await browser.newPage({ viewport: WIDE });
  await page.goto(`${server.protocolUrl}/sample`);
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.getByTestId('sample-sign-in').click();
  await page.getByLabel('Work email').fill('carol@initech.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('forgot-password').click();
  await expect(page.getByLabel('Email')).toHaveValue('carol@initech.test');
  await page.getByTestId('forgot-submit').click();
  await expect(page.getByTestId('forgot-sent')).toContainText('carol@initech.test');
  await snap(page, 'hosted-forgot-sent');

  const reset = await outboxLatest(app, server, 'carol@initech.test', 'password_reset');
  const link = reset.links.find((candidate) => candidate.includes('/account/reset?token=')) ?? '';
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('carol-new-password');
  await page.getByLabel('Repeat the new password').fill('carol-new-passwrd');
  await page.getByTestId('reset-submit').click();
  await expect(page.locator('[data-field-error="confirm"]')).toHaveText('This field does not match the password.');
  await snap(page, 'hosted-reset-password');
  await page.setViewportSize(NARROW);
  await snap(page, 'hosted-reset-password-narrow');
  await page.setViewportSize(WIDE);
  await page.getByLabel('New password', { exact: true }).fill('carol-new-password');
  await page.getByLabel('Repeat the new password').fill('carol-new-password');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-done')).toBeVisible();
  await page.getByTestId('reset-return').click();
  await page.getByLabel('Work email').fill('carol@initech.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill('carol-new-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('org-badge')).toHaveText('Initech');

  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const invited = await app.request.post(`${server.adminUrl}/api/orgs/globex/invitations`, {
    headers: { authorization: `Bearer ${token}` },
    data: { email: 'gina@globex.test', roles: ['analyst'], inviterName: 'Bob Brandt' },
  });
  expect(invited.status()).toBe(201);
  const invitation = await outboxLatest(app, server, 'gina@globex.test', 'invitation');
  await page.goto(invitation.links.find((candidate) => candidate.includes('/account/invitation?token=')) ?? '');
  await expect(page.locator('main')).toContainText('Bob Brandt invited gina@globex.test to Globex as analyst.');
  await page.getByLabel('Your name').fill('Gina Gomez');
  await page.getByLabel('Choose a password').fill('gina-password');
  await page.getByLabel('Repeat the password').fill('gina-password');
  await snap(page, 'hosted-invitation');
  await page.setViewportSize(NARROW);
  await snap(page, 'hosted-invitation-narrow');
  await page.getByTestId('invitation-accept').click();
  await expect(page.getByTestId('invitation-done')).toContainText('Globex');
  await page.close();
});
