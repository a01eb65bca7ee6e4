// The built-in sample app, as QA and sales use it: pick an org and a client, sign in
// through the hosted pages, see the tokens, refresh, sign out.
import { expect, snap, test } from './fixtures';

test.use({ demo: true });

test('sign in to Acme through the sample app, refresh, sign out', async ({ page, server }) => {
  await page.goto(`${server.protocolUrl}/sample`);
  await expect(page.getByTestId('sample-login-form')).toBeVisible();
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.getByTestId('sample-org').selectOption('acme');
  await snap(page, 'sample-app-start');
  await page.getByTestId('sample-sign-in').click();

  // Identifier first, then the password, on Orgbench's hosted pages.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('alice@acme.test')).toBeVisible(); // the demo hint
  await page.getByLabel('Work email').fill('alice@acme.test');
  await snap(page, 'hosted-identifier');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your password' })).toBeVisible();
  await expect(page.locator('[data-org="acme"]')).toBeVisible();
  await page.getByLabel('Password').fill('orgbench-demo');
  await snap(page, 'hosted-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByTestId('signed-in')).toContainText('alice@acme.test');
  await expect(page.getByTestId('org-badge')).toHaveText('Acme Corporation');
  await expect(page.getByTestId('claims').first()).toContainText('"org_roles"');
  await snap(page, 'sample-app-tokens');

  await page.getByTestId('sample-refresh').click();
  await expect(page.getByText('refreshed 1×')).toBeVisible();

  await page.getByTestId('sample-logout').click();
  await expect(page.getByRole('heading', { name: 'Sign out?' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByTestId('sample-login-form')).toBeVisible();
});

test('a consultant in two orgs chooses one on the picker', async ({ page, server }) => {
  await page.goto(`${server.protocolUrl}/sample`);
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.getByTestId('sample-sign-in').click();
  await page.getByLabel('Work email').fill('erin@consult.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill('orgbench-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  await snap(page, 'hosted-org-picker');
  await page.locator('button[data-org="globex"]').click();
  await expect(page.getByTestId('org-badge')).toHaveText('Globex');
});

test('a wrong password is explained on the page', async ({ page, server }) => {
  await page.goto(`${server.protocolUrl}/sample`);
  await page.getByTestId('sample-sign-in').click();
  await page.getByLabel('Work email').fill('bob@globex.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill('not-my-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is not correct.');
  await snap(page, 'hosted-wrong-password');
});
