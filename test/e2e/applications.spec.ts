// An admin's tour of the Applications section on the demo data: find apps, register a
// SPA and a web app, fix a bad redirect URI, rotate and delete, then tune a workspace's
// token settings and rotate its signing keys.
import type { Page } from '@playwright/test';
import { adminGet, expect, snap, test } from './fixtures';

test.use({ demo: true });

const DEMO_APPS = ['orgbench-sample', 'acme-reporting', 'globex-app', 'initech-dedicated'];

async function openApplications(page: Page): Promise<void> {
  await page.getByTestId('nav-applications').click();
  await expect(page.getByTestId('app-row-orgbench-sample')).toBeVisible();
}

test('lists the demo applications and filters them by text and kind', async ({ app }) => {
  await openApplications(app);
  for (const clientId of DEMO_APPS) await expect(app.getByTestId(`app-row-${clientId}`)).toBeVisible();
  await expect(app.getByTestId('app-row-orgbench-sample')).toContainText('Shared by all orgs');
  await expect(app.getByTestId('app-row-acme-reporting')).toContainText('Acme Corporation');
  await expect(app.getByTestId('app-row-acme-reporting')).toContainText('M2M');
  await expect(app.getByTestId('app-row-initech-dedicated')).toContainText('/initech/default');
  await snap(app, 'apps-list');

  await app.getByTestId('apps-kind-m2m').click();
  await expect(app.getByTestId('app-row-acme-reporting')).toBeVisible();
  await expect(app.getByTestId('app-row-orgbench-sample')).toHaveCount(0);
  await expect(app.getByTestId('apps-summary')).toHaveText('1 of 4 applications');

  await app.getByTestId('apps-kind-all').click();
  await app.getByTestId('apps-search').fill('globex');
  await expect(app.getByTestId('app-row-globex-app')).toBeVisible();
  await expect(app.getByTestId('apps-table').locator('tbody tr')).toHaveCount(1);

  await app.getByTestId('apps-search').fill('no such app');
  await expect(app.getByTestId('apps-no-match')).toBeVisible();
  await app.getByTestId('apps-clear-filters').click();
  await expect(app.getByTestId('apps-table').locator('tbody tr')).toHaveCount(DEMO_APPS.length);
});

test('creates a SPA, and a web app whose secret is shown once', async ({ app, server }) => {
  await openApplications(app);

  await app.getByTestId('app-new').click();
  await expect(app.getByTestId('app-kind-facts')).toContainText('Regular web app');
  await snap(app, 'apps-create');
  await app.getByTestId('app-name').fill('Acme dashboard');
  await app.getByTestId('app-kind-spa').check();
  await app.getByTestId('app-owner').selectOption({ label: 'Acme Corporation' });
  await app.getByTestId('app-redirect-uris').fill('http://localhost:5173/callback');
  await app.getByTestId('app-client-id').fill('acme-dashboard');
  await snap(app, 'apps-create-spa');
  await app.getByTestId('app-create-submit').click();

  await expect(app.getByTestId('app-detail-name')).toHaveText('Acme dashboard');
  await expect(app.getByTestId('app-secret-none')).toBeVisible();
  await expect(app.getByTestId('app-secret-once')).toHaveCount(0);
  await expect(app.getByTestId('app-snippet')).toContainText('OIDC_REDIRECT_URI=http://localhost:5173/callback');
  await expect(app.getByTestId('app-snippet')).toContainText('S256');
  await app.getByTestId('app-back').click();
  await expect(app.getByTestId('app-row-acme-dashboard')).toContainText('SPA');
  await expect(app.getByTestId('app-row-acme-dashboard')).toContainText('Acme Corporation');

  await app.getByTestId('app-new').click();
  await app.getByTestId('app-name').fill('Globex billing portal');
  await app.getByTestId('app-kind-web').check();
  await app.getByTestId('app-require-org').check();
  await app.getByTestId('app-redirect-uris').fill('https://billing.globex.test/callback');
  await app.getByTestId('app-client-id').fill('globex-billing');
  await app.getByTestId('app-create-submit').click();

  const once = app.getByTestId('app-secret-once-value');
  await expect(once).toHaveText(/^[A-Za-z0-9_-]{20,}$/);
  await expect(app.getByTestId('app-secret-once')).toContainText('will not be shown again');
  const secret = (await once.textContent()) ?? '';
  await snap(app, 'apps-created-secret');

  // Dismissed, the secret is masked; only the explicit reveal shows it again.
  await app.getByTestId('app-secret-once-dismiss').click();
  await expect(app.getByTestId('app-secret-once')).toHaveCount(0);
  await expect(app.getByTestId('app-secret-value')).not.toContainText(secret);
  await app.getByTestId('app-secret-reveal').click();
  await expect(app.getByTestId('app-secret-value')).toHaveText(secret);

  const created = await adminGet<{ requireOrganization: boolean; kind: string }>(
    app,
    server,
    '/api/apps/globex-billing',
  );
  expect(created).toMatchObject({ kind: 'web', requireOrganization: true });
});

test('a bad redirect URI is shown beside its field and nothing is created', async ({ app, server }) => {
  await openApplications(app);
  await app.getByTestId('app-new').click();
  await app.getByTestId('app-name').fill('Broken app');
  await app.getByTestId('app-kind-spa').check();
  await app.getByTestId('app-redirect-uris').fill('not a uri');
  await app.getByTestId('app-create-submit').click();

  await expect(app.getByTestId('app-error-redirectUris')).toContainText('valid uri');
  await expect(app.getByTestId('app-redirect-uris')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByTestId('app-create')).toBeVisible();
  await snap(app, 'apps-create-error');

  const { applications } = await adminGet<{ applications: { name: string }[] }>(app, server, '/api/apps');
  expect(applications.map((candidate) => candidate.name)).not.toContain('Broken app');
  expect(applications).toHaveLength(DEMO_APPS.length);

  // A client_id already taken lands on its own field.
  await app.getByTestId('app-redirect-uris').fill('http://localhost:3000/callback');
  await app.getByTestId('app-client-id').fill('globex-app');
  await app.getByTestId('app-create-submit').click();
  await expect(app.getByTestId('app-error-clientId')).toContainText('already used');
});

test('edits an app, rotates its secret and deletes it', async ({ app, server }) => {
  await openApplications(app);
  await app.getByTestId('app-open-acme-reporting').click();
  await expect(app.getByTestId('app-detail-name')).toHaveText('Acme reporting job');
  // Machine-to-machine apps have no redirects.
  await expect(app.getByTestId('app-redirect-uris')).toHaveCount(0);
  await expect(app.getByTestId('app-discovery')).toHaveText(/\/default\/default\/\.well-known\/openid-configuration$/);

  await app.getByTestId('app-name').fill('Acme nightly reporting');
  await app.getByTestId('app-save').click();
  await expect(app.getByTestId('app-detail-name')).toHaveText('Acme nightly reporting');

  await app.getByTestId('app-secret-reveal').click();
  await expect(app.getByTestId('app-secret-value')).toHaveText('orgbench-demo-acme-reporting-secret');

  await app.getByTestId('app-secret-rotate').click();
  await expect(app.getByTestId('app-rotate-dialog')).toContainText('stops working at once');
  await snap(app, 'apps-rotate-dialog');
  await app.getByTestId('app-rotate-dialog-confirm').click();
  await expect(app.getByTestId('app-rotate-dialog')).toHaveCount(0);
  const fresh = app.getByTestId('app-secret-once-value');
  await expect(fresh).toHaveText(/^[A-Za-z0-9_-]{20,}$/);
  const rotated = (await fresh.textContent()) ?? '';
  expect(rotated).not.toBe('orgbench-demo-acme-reporting-secret');
  const stored = await adminGet<{ clientSecret: string }>(app, server, '/api/apps/acme-reporting/secret');
  expect(stored.clientSecret).toBe(rotated);
  await snap(app, 'apps-rotated-secret');

  await app.getByTestId('app-delete').click();
  await expect(app.getByTestId('app-delete-dialog')).toContainText('acme-reporting');
  await app.getByTestId('app-delete-dialog-confirm').click();
  await expect(app.getByTestId('apps-table')).toBeVisible();
  await expect(app.getByTestId('app-row-acme-reporting')).toHaveCount(0);
  await expect(app.getByTestId('toast')).toContainText('Deleted “Acme nightly reporting”');
});

test('workspace settings are saved, APIs added and keys rotated with overlap', async ({ app, server }) => {
  await openApplications(app);
  await app.getByTestId('apps-tab-workspaces').click();
  await expect(app.getByTestId('ws-name')).toHaveText('B2B');
  await expect(app.getByTestId('ws-ttl-refreshToken')).toHaveValue('14');
  await expect(app.getByTestId('ws-ttl-refreshToken-unit')).toHaveValue('days');
  await expect(app.getByTestId('ws-ttl-refreshToken-seconds')).toHaveText('1,209,600 s');
  await snap(app, 'apps-workspaces');

  await app.getByTestId('ws-claim-orgId').fill('organization_id');
  await app.getByTestId('ws-attribute-claims').fill('plan, seats');
  await app.getByTestId('ws-ttl-accessToken').fill('2');
  await app.getByTestId('ws-save').click();
  await expect(app.getByTestId('toast')).toContainText('Saved the settings of “B2B”');
  await expect(app.getByTestId('ws-save')).toBeDisabled();
  const saved = await adminGet<{
    settings: { claimNames: { orgId: string }; attributeClaims: string[]; ttl: { accessToken: number } };
  }>(app, server, '/api/workspaces/default/default');
  expect(saved.settings.claimNames.orgId).toBe('organization_id');
  expect(saved.settings.attributeClaims).toEqual(['plan', 'seats']);
  expect(saved.settings.ttl.accessToken).toBe(7200);

  // A bad claim name is refused beside its field.
  await app.getByTestId('ws-claim-orgName').fill('org name');
  await app.getByTestId('ws-save').click();
  await expect(app.getByTestId('ws-error-claim-orgName')).toContainText('claim name');
  await app.getByTestId('ws-discard').click();

  await app.getByTestId('ws-api-identifier').fill('https://api.acme.test');
  await app.getByTestId('ws-api-name').fill('Acme API');
  await app.getByTestId('ws-api-scopes').fill('reports:read reports:write');
  await app.getByTestId('ws-api-add').click();
  await expect(app.getByTestId('ws-api-https://api.acme.test')).toContainText('reports:write');
  await app.getByTestId('ws-api-delete-https://api.acme.test').click();
  await app.getByTestId('ws-api-delete-dialog-confirm').click();
  await expect(app.getByTestId('ws-api-https://api.acme.test')).toHaveCount(0);
  await expect(app.getByTestId('ws-api-urn:orgbench:demo:invoices')).toBeVisible();

  const keys = app.getByTestId('ws-keys');
  await expect(keys.locator('tr[data-status="active"]')).toHaveCount(2);
  await expect(keys.locator('tr[data-status="retiring"]')).toHaveCount(0);
  await app.getByTestId('ws-keys-rotate').click();
  await expect(app.getByTestId('ws-rotate-keys-dialog')).toContainText('retiring');
  await app.getByTestId('ws-rotate-keys-dialog-confirm').click();
  await expect(keys.locator('tr[data-status="retiring"]')).toHaveCount(2);
  await expect(keys.locator('tr[data-status="active"]')).toHaveCount(2);
  await keys.scrollIntoViewIfNeeded();
  await snap(app, 'apps-keys-rotated');

  // The dedicated tenant has its own issuer and keys.
  await app.getByTestId('ws-pick-initech-default').click();
  await expect(app.getByTestId('ws-issuer')).toHaveText(/\/initech\/default$/);
  await expect(app.getByTestId('ws-claim-orgId')).toHaveValue('org_id');
});

test('dark theme and a narrow window', async ({ app }) => {
  await openApplications(app);
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'apps-list-dark');
  await app.getByTestId('app-open-globex-app').click();
  await expect(app.getByTestId('app-detail')).toBeVisible();
  await snap(app, 'apps-detail-dark');

  await app.setViewportSize({ width: 600, height: 800 });
  await snap(app, 'apps-detail-narrow');
  await app.getByTestId('app-back').click();
  await expect(app.getByTestId('app-row-globex-app')).toBeVisible();
  await snap(app, 'apps-list-narrow');
  await app.getByTestId('app-new').click();
  await expect(app.getByTestId('app-create')).toBeVisible();
  await snap(app, 'apps-create-narrow');
  await app.getByTestId('app-create-cancel').click();
  await app.getByTestId('apps-tab-workspaces').click();
  await expect(app.getByTestId('ws-settings')).toBeVisible();
  await snap(app, 'apps-workspaces-narrow');
});

test('create a workspace: a new issuer that serves discovery at once', async ({ app, server }) => {
  await app.getByTestId('nav-applications').click();
  await app.getByRole('tab', { name: /Workspaces/ }).click();
  await app.getByTestId('ws-new').click();
  await app.getByTestId('ws-new-name').fill('Partner portal');
  await app.getByTestId('ws-new-id').fill('default');
  await app.getByTestId('ws-new-create').click();
  await expect(app.getByTestId('ws-new-error-id')).toContainText('already exists');
  await app.getByTestId('ws-new-id').fill('partners');
  await app.getByTestId('ws-new-preset-basic').check();
  await snap(app, 'apps-new-workspace');
  await app.getByTestId('ws-new-create').click();
  await expect(app.getByTestId('ws-issuer')).toHaveText(`${server.protocolUrl}/default/partners`);
  const discovery = await app.request.get(`${server.protocolUrl}/default/partners/.well-known/openid-configuration`);
  expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${server.protocolUrl}/default/partners`);
});
