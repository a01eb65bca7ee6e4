// The token inspector on the demo data: tokens obtained over real HTTP (client
// credentials, hosted logins) appear in the list with their org, decode and verify in
// the detail, a tampered token or wrong keys show "invalid" in the paste box, and two
// ID tokens of one user in two orgs compare claim by claim.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportJWK, generateKeyPair } from 'jose';
import { login, type Browser } from '../helpers/browser-client';
import type { ReadyLine } from '../helpers/cli';
import { expect, snap, test } from './fixtures';

test.use({ demo: true });
// Each test signs users in through the hosted pages over real HTTP: slower than a click-through.
test.describe.configure({ timeout: 60_000 });

type Server = ReadyLine & { dataDir: string };

const DEMO_PASSWORD = 'orgbench-demo';

async function adminGet<T>(server: Server, path: string): Promise<T> {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const response = await fetch(`${server.adminUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** A machine-to-machine access token for Acme's reporting job. */
async function m2mToken(server: Server): Promise<string> {
  const response = await fetch(`${server.protocolUrl}/default/default/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('acme-reporting:orgbench-demo-acme-reporting-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      resource: 'urn:orgbench:demo:invoices',
      scope: 'invoices:read',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Alice signs in to the sample app for `organization`, through the hosted login pages. */
async function aliceSignsIn(server: Server, organization: string, browser?: Browser) {
  const { clientSecret } = await adminGet<{ clientSecret: string }>(server, '/api/apps/orgbench-sample/secret');
  return login({
    issuer: `${server.protocolUrl}/default/default`,
    clientId: 'orgbench-sample',
    clientSecret,
    redirectUri: `${server.protocolUrl}/sample/callback`,
    email: 'alice@acme.test',
    password: DEMO_PASSWORD,
    organization,
    ...(browser ? { browser } : {}),
  });
}

/** The same token with one claim changed and the original signature kept. */
function tamper(token: string, patch: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...claims, ...patch })).toString('base64url'), signature].join('.');
}

async function openTokens(page: Page): Promise<void> {
  await page.getByTestId('nav-tokens').click();
  await expect(page.getByTestId('page-tokens')).toBeVisible();
}

test('lists issued tokens with their org, refreshes by itself, and shows one decoded and verified', async ({
  app,
  server,
}) => {
  await openTokens(app);
  await expect(app.getByTestId('token-list-empty')).toContainText('No tokens issued yet');
  await snap(app, 'tokens-empty');

  // A token issued while the page is open appears by itself (the page polls every few seconds).
  await m2mToken(server);
  const first = app.getByTestId('token-row-1');
  await expect(first).toBeVisible({ timeout: 10_000 });
  await expect(app.getByTestId('token-row-1-org')).toHaveText('Acme Corporation');
  await expect(first).toContainText('Acme reporting job');
  await expect(first).toContainText(/expires in \d\d:\d\d/);

  // The Refresh button fetches at once.
  await m2mToken(server);
  await app.getByTestId('tokens-refresh').click();
  await expect(app.getByTestId('token-list').getByRole('option')).toHaveCount(2);

  await first.click();
  const detail = app.getByTestId('token-detail');
  await expect(detail.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  await expect(detail.getByTestId('signature-status')).toContainText('Signature valid');
  await expect(detail.getByTestId('token-detail-org')).toHaveText('Acme Corporation');
  await expect(detail.getByTestId('claims-table-row-org_id')).toHaveClass(/org-claim/);
  await expect(detail.getByTestId('claims-table-meaning-org_id')).toContainText('Organization id');
  await expect(detail.getByTestId('claims-table-row-org_name')).toContainText('Acme Corporation');
  await expect(detail.getByTestId('inspection-expiry')).toHaveAttribute('data-tone', 'ok');
  await expect(detail.getByTestId('raw-token').locator('[data-part="signature"]')).toBeVisible();
  await snap(app, 'tokens-detail');
  await detail.getByTestId('claims-table').scrollIntoViewIfNeeded();
  await snap(app, 'tokens-detail-claims');

  // Arrow keys move through the list and open each token.
  await first.focus();
  await app.keyboard.press('ArrowUp');
  await expect(app.getByTestId('token-row-2')).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('token-row-2')).toBeFocused();

  // Filters: another org hides Acme's tokens; the kind filter keeps access tokens.
  await app.getByTestId('token-filter-org').selectOption({ label: 'Globex' });
  await expect(app.getByTestId('token-list-empty')).toContainText('No issued token matches');
  await app.getByTestId('token-filter-org').selectOption({ label: 'Acme Corporation' });
  await app.getByTestId('token-filter-kind').selectOption('access_token');
  await expect(app.getByTestId('token-list').getByRole('option')).toHaveCount(2);

  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'tokens-detail-dark');
});

test('the paste box verifies a token, and finds a tampered one or the wrong keys invalid', async ({ app, server }) => {
  const token = await m2mToken(server);
  await openTokens(app);
  await app.getByTestId('tokens-tab-paste').click();

  // Nothing pasted: the server's error lands beside the token field.
  await app.getByTestId('token-verify').click();
  await expect(app.getByTestId('paste-error-token')).toHaveText('paste a token');

  const input = app.getByTestId('token-paste-input');
  const status = app.getByTestId('paste-result').getByTestId('signature-status');
  await input.fill(token);
  await app.getByTestId('token-verify').click();
  await expect(status).toHaveAttribute('data-status', 'valid');
  await expect(app.getByTestId('paste-result').getByTestId('claims-table-row-org_id')).toBeVisible();

  await input.fill(tamper(token, { org_name: 'Globex' }));
  await expect(app.getByTestId('paste-stale')).toBeVisible();
  await app.getByTestId('token-verify').click();
  await expect(status).toHaveAttribute('data-status', 'invalid');
  await expect(status).toContainText('Signature invalid');
  await expect(app.getByTestId('paste-result').getByTestId('claims-table-row-org_name')).toContainText('Globex');
  await snap(app, 'tokens-paste-tampered');

  // The genuine token against somebody else's key set.
  await input.fill(token);
  await app.getByTestId('key-source-jwks').check();
  await app.getByTestId('token-key-jwks').fill('{"keys": [');
  await app.getByTestId('token-verify').click();
  await expect(app.getByTestId('paste-error-jwks')).toHaveText('is not valid JSON');
  await expect(app.getByTestId('token-key-jwks')).toHaveAttribute('aria-invalid', 'true');

  const { publicKey } = await generateKeyPair('ES256');
  const wrongJwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'someone-else' }] });
  await app.getByTestId('token-key-jwks').fill(wrongJwks);
  await app.getByTestId('token-verify').click();
  await expect(status).toHaveAttribute('data-status', 'invalid');
  await expect(status).toContainText('Keys: the pasted JWKS');

  // A known issuer, picked from the list, verifies it again.
  await app.getByTestId('key-source-issuer').check();
  await expect(app.getByTestId('token-key-issuer')).toHaveValue(`${server.protocolUrl}/default/default`);
  await app.getByTestId('token-key-issuer').press('Control+Enter');
  await expect(status).toHaveAttribute('data-status', 'valid');
});

test('compares the ID tokens of one user signed in to two organizations', async ({ app, server }) => {
  const acme = await aliceSignsIn(server, 'acme');
  await aliceSignsIn(server, 'globex', acme.browser);
  const m2m = await m2mToken(server);
  await openTokens(app);

  await app.getByTestId('token-filter-user').fill('alice@acme.test');
  await app.getByTestId('token-filter-kind').selectOption('id_token');
  const rows = app.getByTestId('token-list').getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Globex');
  await expect(rows.nth(1)).toContainText('Acme Corporation');
  await expect(rows.nth(0)).toContainText('alice@acme.test');

  await rows.nth(1).click();
  await expect(app.getByTestId('token-detail-org')).toHaveText('Acme Corporation');
  await app.getByTestId('token-compare-a').click();
  await rows.nth(0).click();
  await expect(app.getByTestId('token-detail-org')).toHaveText('Globex');
  await app.getByTestId('token-compare-b').click();
  await expect(app.getByTestId('tokens-tab-compare')).toContainText('2/2');

  await app.getByTestId('tokens-tab-compare').click();
  await expect(app.getByTestId('compare-row-org_name')).toHaveAttribute('data-status', 'changed');
  await expect(app.getByTestId('compare-row-org_name')).toContainText('Acme Corporation');
  await expect(app.getByTestId('compare-row-org_name')).toContainText('Globex');
  await expect(app.getByTestId('compare-row-org_roles')).toHaveAttribute('data-status', 'changed');
  await expect(app.getByTestId('compare-row-sub')).toHaveAttribute('data-status', 'same');
  // Per-token claims (iat, exp…) are hidden until asked for.
  await expect(app.getByTestId('compare-row-iat')).toHaveCount(0);
  await app.getByTestId('compare-hide-per-token').uncheck();
  await expect(app.getByTestId('compare-row-iat')).toBeVisible();
  await app.getByTestId('compare-hide-per-token').check();
  await snap(app, 'tokens-compare');
  await app.getByTestId('theme-toggle').click();
  await snap(app, 'tokens-compare-dark');

  // A pasted token on one side: claims only one side has are marked.
  await app.getByTestId('compare-b-select').selectOption('paste');
  await app.getByTestId('compare-b-paste').fill(m2m);
  await expect(app.getByTestId('compare-row-scope')).toHaveAttribute('data-status', 'added');
  await expect(app.getByTestId('compare-row-email')).toHaveAttribute('data-status', 'removed');
  await app.getByTestId('compare-only-differences').check();
  await expect(app.getByTestId('compare-row-iss')).toHaveCount(0);
});

test('fits a 600px-wide window', async ({ app, server }) => {
  const acme = await aliceSignsIn(server, 'acme');
  await aliceSignsIn(server, 'globex', acme.browser);
  await m2mToken(server);
  await app.setViewportSize({ width: 600, height: 900 });
  await openTokens(app);

  const rows = app.getByTestId('token-list').getByRole('option');
  await expect(rows.first()).toBeVisible();
  await snap(app, 'tokens-narrow-list');

  await app.getByTestId('token-filter-kind').selectOption('id_token');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).click();
  await expect(app.getByTestId('signature-status')).toHaveAttribute('data-status', 'valid');
  await app.getByTestId('token-compare-b').click();
  await rows.nth(1).click();
  await expect(app.getByTestId('token-detail-org')).toHaveText('Acme Corporation');
  await app.getByTestId('token-compare-a').click();
  await app.getByTestId('token-detail').scrollIntoViewIfNeeded();
  await snap(app, 'tokens-narrow-detail');

  // Nothing spills sideways out of the page.
  const overflow = await app
    .getByTestId('page-tokens')
    .evaluate((page) => page.scrollWidth - page.getBoundingClientRect().width);
  expect(overflow).toBeLessThanOrEqual(1);

  await app.getByTestId('tokens-tab-compare').click();
  await expect(app.getByTestId('compare-row-org_name')).toHaveAttribute('data-status', 'changed');
  await app.getByTestId('compare-table').scrollIntoViewIfNeeded();
  await snap(app, 'tokens-narrow-compare');

  await app.getByTestId('tokens-tab-paste').click();
  await app.getByTestId('key-source-jwks').check();
  await snap(app, 'tokens-narrow-paste');
});
