// An organization's detail on the demo workspace: members and their roles, a user created
// while adding a member, custom attributes, the three isolation models side by side (and
// switching one), and the identity pool with a user locked out by real failed sign-ins.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { adminGet, ARTIFACTS, expect, snap, test } from './fixtures';

test.use({ demo: true });

async function openOrg(app: Page, slug: string, tab: 'details' | 'members' | 'isolation'): Promise<void> {
  await app.getByTestId(`org-row-${slug}`).click();
  await app.getByTestId(`org-tab-${tab}`).click();
  await expect(app.getByTestId(`org-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

test('members: list, add an existing user with a role, edit the roles, remove', async ({ app, server }) => {
  // Acme's demo members: alice (admin) and erin (consultant).
  await openOrg(app, 'acme', 'members');
  const alice = app.getByTestId('member-row-alice@acme.test');
  await expect(alice).toContainText('Alice Anders');
  await expect(app.getByTestId('member-roles-alice@acme.test')).toHaveText('admin');
  await snap(app, 'org-members');

  await app.getByTestId('member-add').click();
  await app.getByTestId('member-user-search').fill('bob');
  await app.getByTestId('member-user-option-bob@globex.test').click();
  await expect(app.getByTestId('member-user-option-bob@globex.test')).toHaveAttribute('aria-selected', 'true');
  await app.getByTestId('member-roles').fill('viewer');
  await app.getByTestId('member-roles').press('Enter');
  await expect(app.getByTestId('member-roles-chip-viewer')).toBeVisible();
  await snap(app, 'org-member-add');
  await app.getByTestId('member-add-confirm').click();
  await expect(app.getByTestId('member-add-dialog')).toHaveCount(0);
  await expect(app.getByTestId('member-roles-bob@globex.test')).toHaveText('viewer');
  await expect(app.getByTestId('member-count')).toHaveText('3');

  // Edit: add billing, drop viewer.
  await app.getByTestId('member-edit-bob@globex.test').click();
  await app.getByTestId('member-edit-roles').fill('billing');
  await app.getByTestId('member-edit-roles').press('Enter');
  await app.getByTestId('member-edit-roles-chip-viewer-remove').click();
  await snap(app, 'org-member-edit-roles');
  await app.getByTestId('member-edit-save').click();
  await expect(app.getByTestId('member-roles-bob@globex.test')).toHaveText('billing');
  await app.setViewportSize({ width: 600, height: 800 });
  await app.getByTestId('org-tree-toggle').click();
  await expect(app.getByTestId('org-rail')).toBeVisible();
  await snap(app, 'org-members-narrow');
  await app.getByTestId('org-tree-toggle').click();
  await expect(app.getByTestId('org-tree')).toBeVisible();
  await app.setViewportSize({ width: 1280, height: 800 });
  const { members } = await adminGet<{ members: { user: { email: string }; roles: string[] }[] }>(
    app,
    server,
    `/api/orgs/acme/members`,
  );
  expect(members.find((member) => member.user.email === 'bob@globex.test')?.roles).toEqual(['billing']);

  // Remove, after a confirmation.
  await app.getByTestId('member-remove-bob@globex.test').click();
  await expect(app.getByTestId('confirm-dialog')).toContainText('Remove Bob Brandt from Acme Corporation?');
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('member-row-bob@globex.test')).toHaveCount(0);
  await expect(app.getByTestId('member-count')).toHaveText('2');
});

test('adding a member can create the user; field errors show beside their field', async ({ app }) => {
  await openOrg(app, 'acme', 'members');
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.getByTestId('member-add').click();
  await app.getByTestId('member-mode-new').click();
  await app.getByTestId('new-user-email').fill('erin@acme.test');
  await app.getByTestId('new-user-name').fill('Erin Evans');
  await app.getByTestId('new-user-password').fill('short');
  await app.getByTestId('member-roles-suggest-member').click();
  await app.getByTestId('member-add-confirm').click();
  await expect(app.getByTestId('error-new-user-password')).toContainText('at least 8 characters');
  await expect(app.getByTestId('new-user-password')).toHaveAttribute('aria-invalid', 'true');
  await snap(app, 'org-member-new-user-error');

  // An email already in the pool is refused by the server, beside the email field.
  await app.getByTestId('new-user-email').fill('alice@acme.test');
  await app.getByTestId('new-user-password').fill('a-long-enough-password');
  await app.getByTestId('member-add-confirm').click();
  await expect(app.getByTestId('error-new-user-email')).toContainText('already used');

  await app.getByTestId('new-user-email').fill('erin@acme.test');
  await app.getByTestId('member-add-confirm').click();
  await expect(app.getByTestId('member-roles-erin@acme.test')).toHaveText('member');
});

test('attributes are edited as typed rows and saved', async ({ app, server }) => {
  await openOrg(app, 'acme', 'details');
  await expect(app.getByTestId('attr-key-0')).toHaveValue('plan');
  await expect(app.getByTestId('attr-value-1')).toHaveValue('250');
  await expect(app.getByTestId('attr-type-1')).toHaveValue('number');

  await app.getByTestId('attr-value-1').fill('300');
  await app.getByTestId('attr-add').click();
  await app.getByTestId('attr-key-2').fill('2fa required');
  await app.getByTestId('attr-type-2').selectOption('boolean');
  await app.getByTestId('org-save').click();
  await expect(app.getByTestId('error-attr-2')).toContainText('letters, digits and _');
  await snap(app, 'org-attributes-error');

  await app.getByTestId('attr-key-2').fill('mfa_required');
  await app.getByTestId('org-save').click();
  await expect(app.getByTestId('toast')).toContainText('Saved “Acme Corporation”');
  await expect(app.getByTestId('org-save')).toBeDisabled();
  const acme = await adminGet<{ attributes: Record<string, unknown> }>(app, server, '/api/orgs/acme');
  expect(acme.attributes).toEqual({ plan: 'enterprise', seats: 300, mfa_required: true });
  await expect(app.getByTestId('attr-value-2')).toHaveValue('true');
  await snap(app, 'org-attributes');
});

test('isolation: three models side by side; switching acme to a dedicated tenant', async ({ app }) => {
  await openOrg(app, 'acme', 'isolation');
  const grid = app.getByTestId('isolation-grid');
  await expect(grid.locator('article')).toHaveCount(3);
  await expect(app.getByTestId('isolation-shared_application')).toHaveAttribute('data-active', 'true');
  await expect(app.getByTestId('isolation-shared_application-status')).toHaveText('Active');
  await expect(app.getByTestId('isolation-per_organization_application')).toHaveAttribute('data-active', 'false');
  await expect(app.getByTestId('isolation-dedicated_tenant')).toHaveAttribute('data-active', 'false');
  await expect(app.getByTestId('isolation-shared_application-claims')).toContainText('"org_name": "Acme Corporation"');
  // The tree folds into a rail so the comparison gets the width.
  await expect(app.getByTestId('org-rail')).toBeVisible();
  await snap(app, 'org-isolation');
  // The whole comparison in one picture, as it would be shown to a customer (a tall window).
  await app.setViewportSize({ width: 1280, height: 1500 });
  await app.getByTestId('isolation-tab').screenshot({ path: join(ARTIFACTS, 'org-isolation-comparison.png') });
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.getByTestId('isolation-shared_application-claims').scrollIntoViewIfNeeded();
  await snap(app, 'org-isolation-claims');

  await app.getByTestId('isolation-use-dedicated_tenant').click();
  await expect(app.getByTestId('isolation-dedicated_tenant')).toHaveAttribute('data-active', 'true');
  await expect(app.getByTestId('isolation-shared_application')).toHaveAttribute('data-active', 'false');
  await expect(app.getByTestId('isolation-dedicated_tenant-issuer')).toHaveText(/\/acme\/default$/);
  await expect(app.getByTestId('isolation-dedicated_tenant-claims')).toContainText('/acme/default"');
  await expect(app.getByTestId('org-isolation-badge')).toHaveText('Dedicated tenant');
  await snap(app, 'org-isolation-dedicated');

  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'org-isolation-dark');

  await app.setViewportSize({ width: 600, height: 800 });
  await app.getByTestId('org-editor').evaluate((editor) => editor.scrollIntoView({ block: 'start' }));
  await expect(app.getByTestId('org-rail')).toBeVisible();
  await snap(app, 'org-isolation-narrow');
  await app.getByTestId('isolation-dedicated_tenant').evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await snap(app, 'org-isolation-narrow-card');
});

test('the detail tabs and the view switch work from the keyboard', async ({ app }) => {
  await app.getByTestId('org-row-globex').click();
  await app.getByTestId('org-tab-details').focus();
  await app.keyboard.press('ArrowRight');
  await expect(app.getByTestId('org-tab-members')).toBeFocused();
  await expect(app.getByTestId('member-row-bob@globex.test')).toBeVisible();
  await app.keyboard.press('End');
  await expect(app.getByTestId('org-tab-security')).toBeFocused();
  await app.keyboard.press('ArrowLeft');
  await expect(app.getByTestId('isolation-per_organization_application')).toHaveAttribute('data-active', 'true');

  await app.getByTestId('view-orgs').focus();
  await app.keyboard.press('ArrowRight');
  await expect(app.getByTestId('view-users')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('users-view')).toBeVisible();
});

/** Five wrong passwords on the hosted login page lock the account. */
async function lockOut(page: Page, protocolUrl: string, email: string): Promise<void> {
  await page.goto(`${protocolUrl}/sample/`);
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.locator('input[name="login_hint"]').fill(email);
  await page.getByTestId('sample-sign-in').click();
  const password = page.locator('input[name="password"]');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await password.fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The page comes back with an empty password box and the reason.
    await expect(password).toHaveValue('');
    await expect(page.locator('body')).toContainText(attempt < 5 ? 'not correct' : 'locked until');
  }
}

test('users: the identity pool lists the demo users; unlock, edit, create and delete', async ({
  app,
  server,
  browser,
}) => {
  const outside = await browser.newPage();
  await lockOut(outside, server.protocolUrl, 'dave@eu.acme.test');
  await outside.close();

  await app.getByTestId('view-users').click();
  for (const email of [
    'alice@acme.test',
    'bob@globex.test',
    'carol@initech.test',
    'dave@eu.acme.test',
    'erin@consult.test',
  ]) {
    await expect(app.getByTestId(`user-row-${email}`)).toBeVisible();
  }
  await expect(app.getByTestId('user-orgs-alice@acme.test')).toContainText('Acme Corporation');
  await expect(app.getByTestId('user-orgs-alice@acme.test')).toContainText('Globex');
  await expect(app.getByTestId('user-password-bob@globex.test')).toHaveText('Set');
  await expect(app.getByTestId('user-status-dave@eu.acme.test')).toContainText('Locked until');
  await expect(app.getByTestId('user-summary')).toHaveText('5 users · 1 locked');
  await snap(app, 'org-users');

  await app.getByTestId('user-unlock-dave@eu.acme.test').click();
  await expect(app.getByTestId('user-status-dave@eu.acme.test')).toHaveText('Active');
  const dave = await adminGet<{ lockedUntil: string | null }>(app, server, '/api/users/dave@eu.acme.test');
  expect(dave.lockedUntil).toBeNull();

  // Edit a name; a too-short new password is refused beside its field.
  await app.getByTestId('user-edit-bob@globex.test').click();
  await app.getByTestId('user-name').fill('Robert Brandt');
  await app.getByTestId('user-password').fill('short');
  await app.getByTestId('user-save').click();
  await expect(app.getByTestId('error-user-password')).toContainText('at least 8 characters');
  await app.getByTestId('user-password').fill('');
  await app.getByTestId('user-save').click();
  await expect(app.getByTestId('user-row-bob@globex.test')).toContainText('Robert Brandt');

  await app.getByTestId('user-new').click();
  await app.getByTestId('user-email').fill('frank@example.test');
  await app.getByTestId('user-name').fill('Frank Fisher');
  await app.getByTestId('user-save').click();
  await expect(app.getByTestId('user-password-frank@example.test')).toHaveText('Not set');

  await app.getByTestId('user-delete-carol@initech.test').click();
  await expect(app.getByTestId('confirm-dialog')).toContainText('Initech');
  await app.getByTestId('confirm-ok').click();
  await expect(app.getByTestId('user-row-carol@initech.test')).toHaveCount(0);

  // A membership chip leads to the organization's members.
  await app.getByTestId('user-org-alice@acme.test-globex').click();
  await expect(app.getByTestId('org-tab-members')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('member-row-alice@acme.test')).toBeVisible();

  await app.getByTestId('view-users').click();
  await app.setViewportSize({ width: 600, height: 800 });
  await expect(app.getByTestId('user-row-frank@example.test')).toBeVisible();
  await snap(app, 'org-users-narrow');
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'org-users-dark');
});
