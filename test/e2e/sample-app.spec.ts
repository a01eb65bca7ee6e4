// The built-in sample app, as QA and sales use it: pick an org and a client, sign in
// through the hosted pages, see the tokens, refresh, sign out.
import { expect, snap, test } from './fixtures';

test.use({ demo: true });

test('QA: sign in to Acme through its Okta persona picker, refresh, see the trace, sign out', async ({
  page,
  server,
  browser,
}) => {
  await page.goto(`${server.protocolUrl}/sample`);
  await expect(page.getByTestId('sample-login-form')).toBeVisible();
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.getByTestId('sample-org').selectOption('acme');
  await snap(page, 'sample-app-start');
  await page.getByTestId('sample-sign-in').click();

  // Acme signs in through its own (mock) Okta: the persona picker, styled like Okta.
  await expect(page.getByTestId('mock-idp-page')).toBeVisible();
  await expect(page.locator('form[data-persona="jane"]')).toContainText('Jane Okafor');
  await snap(page, 'mock-idp-persona-picker');
  await page.locator('form[data-persona="jane"]').getByRole('button').click();

  // The SAML response is posted to the ACS, validated, and the login completes.
  await expect(page.getByTestId('signed-in')).toContainText('jane@acme.test');
  await expect(page.getByTestId('org-badge')).toHaveText('Acme Corporation');
  await expect(page.getByTestId('claims').first()).toContainText('"admin"');
  await snap(page, 'sample-app-tokens');

  await page.getByTestId('sample-refresh').click();
  await expect(page.getByText('refreshed 1×')).toBeVisible();

  // The login's trace, drawn as a sequence diagram, in the Orgbench UI.
  const ui = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await ui.goto(server.uiUrl);
  await ui.getByTestId('nav-tokens').click();
  await ui.getByTestId('tokens-tab-traces').click();
  const row = ui.locator('[data-testid^="trace-row-"]').first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(ui.getByTestId('trace-summary')).toContainText('Signed in');
  await expect(ui.getByTestId('trace-diagram')).toBeVisible();
  await snap(ui, 'trace-sequence-diagram');
  await ui.close();

  await page.getByTestId('sample-logout').click();
  await expect(page.getByRole('heading', { name: 'Sign out?' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByTestId('sample-login-form')).toBeVisible();
});

test('an identity-pool user signs in with a password on the hosted pages', async ({ page, server }) => {
  await page.goto(`${server.protocolUrl}/sample`);
  await page.getByTestId('sample-client').selectOption('orgbench-sample');
  await page.getByTestId('sample-sign-in').click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('carol@initech.test')).toBeVisible(); // the demo hint
  await page.getByLabel('Work email').fill('carol@initech.test');
  await snap(page, 'hosted-identifier');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your password' })).toBeVisible();
  await expect(page.locator('[data-org="initech"]')).toBeVisible();
  await page.getByLabel('Password').fill('orgbench-demo');
  await snap(page, 'hosted-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('org-badge')).toHaveText('Initech');
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
