// Branding → Demo mode on the demo workspace: the three customers' real login pages side by
// side in the full-window presentation, one key to show a customer large, a live sign-in as
// an IdP persona inside its frame, and not one request leaving loopback.
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';

test.use({ demo: true });

const frameOf = (app: Page, slug: string) => app.frameLocator(`[data-testid="demo-frame-${slug}"]`);

test('demo mode: side by side, one key per customer, a persona signs in live, offline', async ({ app, server }) => {
  const requests: string[] = [];
  app.context().on('request', (request) => requests.push(request.url()));

  await app.getByTestId('nav-branding').click();
  await app.getByTestId('branding-tab-demo').click();
  // The demo orgs are chosen by default, each with how it signs in.
  await expect(app.getByTestId('demo-summary-acme')).toContainText('Jane Okafor');
  await expect(app.getByTestId('demo-summary-globex')).toContainText('Priya Natarajan');
  await expect(app.getByTestId('demo-summary-initech')).toContainText('carol@initech.test');
  await expect(app.getByTestId('demo-pick-acme')).toBeChecked();
  await snap(app, 'demo-mode-setup');

  await app.getByTestId('demo-start').click();
  const screen = app.getByTestId('demo-screen');
  await expect(screen).toHaveAttribute('data-ready', 'true');
  await expect(screen).toHaveAttribute('data-view', 'grid');
  // Each customer's own sign-in: Acme's Okta and Globex's Entra ID (mock IdPs), Initech's hosted login.
  await expect(frameOf(app, 'acme').getByTestId('mock-idp-page')).toHaveAttribute('data-preset', 'okta');
  await expect(frameOf(app, 'globex').getByTestId('mock-idp-page')).toHaveAttribute('data-preset', 'entra');
  await expect(frameOf(app, 'initech').getByLabel('Work email')).toBeVisible();
  await expect(app.getByTestId('demo-legend')).toContainText('1–3 customer');
  await expect(app.getByTestId('demo-user-initech')).toContainText('orgbench-demo');
  await snap(app, 'demo-mode-grid');

  // One key shows one customer large; the others keep their pages behind.
  await app.keyboard.press('2');
  await expect(screen).toHaveAttribute('data-view', 'focus');
  await expect(app.getByTestId('demo-stage-globex')).toBeVisible();
  await expect(app.getByTestId('demo-stage-acme')).toBeHidden();
  await expect(frameOf(app, 'globex').getByTestId('mock-idp-page')).toBeVisible();
  await snap(app, 'demo-mode-focus-globex');
  await app.keyboard.press('ArrowRight');
  await expect(app.getByTestId('demo-stage-initech')).toBeVisible();
  await app.keyboard.press('g');
  await expect(screen).toHaveAttribute('data-view', 'grid');
  await expect(app.getByTestId('demo-stage-acme')).toBeVisible();

  // Log in as a persona live: Jane at Acme's Okta, in Acme's frame, into the sample app.
  await app.keyboard.press('1');
  await app.getByTestId('demo-persona-acme-jane').click();
  await expect(frameOf(app, 'acme').getByTestId('signed-in')).toContainText('jane@acme.test');
  await expect(frameOf(app, 'acme').getByTestId('org-badge')).toHaveText('Acme Corporation');
  await snap(app, 'demo-mode-persona-signed-in');

  // Priya at Globex signs in beside her; Jane's frame keeps Jane.
  await app.keyboard.press('0');
  await app.getByTestId('demo-persona-globex-priya').click();
  await expect(frameOf(app, 'globex').getByTestId('signed-in')).toContainText('priya@globex.test');
  await expect(frameOf(app, 'acme').getByTestId('signed-in')).toContainText('jane@acme.test');
  await snap(app, 'demo-mode-two-signed-in');

  // R restarts the login on screen (Acme, focused): back to its IdP's picker.
  await app.keyboard.press('1');
  await app.keyboard.press('r');
  await expect(frameOf(app, 'acme').getByTestId('mock-idp-page')).toBeVisible();
  await app.keyboard.press('0');

  await app.setViewportSize({ width: 600, height: 800 });
  await expect(frameOf(app, 'initech').getByLabel('Work email')).toBeVisible();
  await snap(app, 'demo-mode-narrow');

  await app.keyboard.press('Escape');
  await expect(screen).toBeHidden();
  await expect(app.getByTestId('demo-mode-tab')).toBeVisible();
  await snap(app, 'demo-mode-setup-narrow');

  // Everything came from this Orgbench: no font, script or image from the network.
  const loopback = new Set([new URL(server.adminUrl).hostname, new URL(server.protocolUrl).hostname, 'localhost']);
  const outside = requests.filter((url) => !url.startsWith('data:') && !loopback.has(new URL(url).hostname));
  expect(outside).toEqual([]);
  expect(requests.some((url) => url.startsWith(`${server.protocolUrl}/mock/saml/acme-okta`))).toBe(true);
});

test('demo mode shows the customers chosen, in the order chosen', async ({ app }) => {
  await app.getByTestId('nav-branding').click();
  await app.getByTestId('branding-tab-demo').click();
  await expect(app.getByTestId('demo-summary-acme')).toBeVisible();
  await app.getByTestId('demo-pick-acme').uncheck();
  await app.getByTestId('demo-pick-globex').uncheck();
  await app.getByTestId('demo-pick-acme-europe').check();
  await expect(app.getByTestId('demo-summary-acme')).toBeHidden();
  await expect(app.getByTestId('demo-summary-acme-europe')).toBeVisible();
  await app.getByTestId('demo-start').click();
  await expect(app.getByTestId('demo-screen')).toHaveAttribute('data-ready', 'true');
  await expect(app.getByTestId('demo-stage-globex')).toHaveCount(0);
  const tabs = app.locator('[data-testid^="demo-tab-"]');
  await expect(tabs).toHaveText(['Initech', 'Acme Europe']);
  await app.getByTestId('demo-leave').click();
  await expect(app.getByTestId('demo-screen')).toBeHidden();
});
