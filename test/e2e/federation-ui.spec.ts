// An admin sets up federation on the demo data (which already has Acme's mock Okta and
// Globex's mock Entra ID) through the UI: a new SAML mock IdP shaped like Okta with
// personas and fault switches, Initech's connection to it (the SP URLs for the IdP admin,
// a group → role rule), and a real IdP whose bad SSO URL is refused beside its field.
// Every step is done through the UI; the admin API only double-checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Connection, MockIdp, Trace } from '../../server/model/federation';
import { adminGet, expect, scrollToTop, snap, test } from './fixtures';

test.use({ demo: true });

const FINGERPRINT = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

/** Creates a SAML mock IdP imitating Okta through the UI and waits for its detail page. */
async function createOktaMock(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-mock-idps').click();
  const create = page.getByTestId('mock-idps-empty-create').or(page.getByTestId('mock-idp-new'));
  await create.click();
  await page.getByTestId('mock-idp-name').fill(name);
  await page.getByTestId('mock-idp-kind-saml').check();
  await page.getByTestId('mock-idp-preset-okta').check();
  await page.getByTestId('mock-idp-create-submit').click();
  await expect(page.getByTestId('mock-idp-detail-name')).toHaveText(name);
}

const connectionRow = (page: Page, name: string): Locator =>
  page.locator('[data-testid^="conn-row-"]', { hasText: name });

test('creates a SAML mock IdP shaped like Okta, manages its personas and switches faults on and off', async ({
  app,
}) => {
  await app.getByTestId('nav-mock-idps').click();
  await expect(app.getByTestId('mock-idp-row-acme-okta')).toContainText('Okta');
  await expect(app.getByTestId('mock-idp-row-globex-entra')).toContainText('OIDC');
  await app.getByTestId('mock-idp-new').click();

  await app.getByTestId('mock-idp-name').fill('Initech Okta');
  await expect(app.getByTestId('mock-idp-slug')).toHaveValue('initech-okta');
  await app.getByTestId('mock-idp-preset-okta').check();
  await expect(app.getByTestId('mock-idp-preset-facts')).toContainText('FirstName');
  await app.getByTestId('mock-idp-preset-entra').check();
  await expect(app.getByTestId('mock-idp-preset-facts')).toContainText('claims/emailaddress');
  await app.getByTestId('mock-idp-preset-okta').check();
  await app.getByTestId('mock-idp-sign-response').uncheck();
  await app.getByTestId('mock-idp-sign-assertion').uncheck();
  await expect(app.getByTestId('mock-idp-unsigned-warning')).toBeVisible();
  await app.getByTestId('mock-idp-sign-response').check();
  await app.getByTestId('mock-idp-sign-assertion').check();
  await app.getByTestId('mock-idp-lifetime').fill('10');
  await snap(app, 'fed-mock-idp-create');
  await app.getByTestId('mock-idp-create-submit').click();

  // The detail: what an SP needs to trust it.
  await expect(app.getByTestId('mock-idp-detail-name')).toHaveText('Initech Okta');
  await expect(app.getByTestId('mock-idp-entity-id')).toHaveText(/\/mock\/saml\/initech-okta$/);
  await expect(app.getByTestId('mock-idp-metadata-url')).toHaveText(/\/mock\/saml\/initech-okta\/metadata$/);
  await expect(app.getByTestId('mock-idp-fingerprint')).toHaveText(FINGERPRINT);
  for (const handle of ['jane', 'sam', 'lee']) await expect(app.getByTestId(`persona-row-${handle}`)).toBeVisible();

  // A bad handle is refused beside its field; the fixed persona is added.
  await app.getByTestId('persona-add').click();
  await app.getByTestId('persona-email').fill('dana@initech.test');
  await expect(app.getByTestId('persona-handle')).toHaveValue('dana');
  await app.getByTestId('persona-handle').fill('Dana Finance');
  await app.getByTestId('persona-displayName').fill('Dana Finance');
  await app.getByTestId('persona-groups').fill('finance, everyone');
  await app.getByTestId('persona-attributes').fill('department = Finance\ncostCenter = 4711');
  await app.getByTestId('persona-save').click();
  await expect(app.getByTestId('persona-error-handle')).toContainText('lowercase');
  await snap(app, 'fed-persona-error');
  await app.getByTestId('persona-handle').fill('dana');
  await app.getByTestId('persona-save').click();
  await expect(app.getByTestId('persona-dialog')).toHaveCount(0);
  await expect(app.getByTestId('persona-row-dana')).toContainText('finance');
  await expect(app.getByTestId('persona-row-dana')).toContainText('department');

  // Edit one, delete one.
  await app.getByTestId('persona-edit-sam').click();
  await expect(app.getByTestId('persona-email')).toHaveValue('sam@initech-okta.example');
  await app.getByTestId('persona-displayName').fill('Sam Support');
  await app.getByTestId('persona-save').click();
  await expect(app.getByTestId('persona-row-sam')).toContainText('Sam Support');
  await app.getByTestId('persona-delete-lee').click();
  await app.getByTestId('persona-delete-dialog-confirm').click();
  await expect(app.getByTestId('persona-row-lee')).toHaveCount(0);

  // Generate a batch, spread over two groups.
  await app.getByTestId('persona-generate').click();
  await app.getByTestId('generate-count').fill('4');
  await app.getByTestId('generate-prefix').fill('qa');
  await app.getByTestId('generate-domain').fill('initech.test');
  await app.getByTestId('generate-groups').fill('qa, everyone');
  await expect(app.getByTestId('generate-preview')).toContainText('qa-1 … qa-4');
  await app.getByTestId('generate-submit').click();
  await expect(app.getByTestId('persona-row-qa-4')).toContainText('qa-4@initech.test');
  await expect(app.getByTestId('persona-row-qa-2')).toContainText('everyone');

  // How a script logs in as a persona.
  await app.getByTestId('persona-login-dana').click();
  await expect(app.getByTestId('login-as-command')).toContainText('orgbench login --org <org> --persona dana');
  await expect(app.getByTestId('login-as-no-connection')).toBeVisible();
  await app.getByTestId('persona-table').scrollIntoViewIfNeeded();
  await snap(app, 'fed-mock-idp-personas');

  // Fault switches: on for the next login, on for every login with an amount, then off.
  await app.getByTestId('mock-idp-tab-faults').click();
  await expect(app.getByTestId('active-faults-none')).toBeVisible();
  await expect(app.getByTestId('fault-row-wrong_recipient')).toBeVisible(); // SAML-only faults apply
  await expect(app.getByTestId('fault-row-wrong_nonce')).toHaveCount(0); // OIDC-only ones do not
  await app.getByTestId('fault-toggle-expired').check();
  await expect(app.getByTestId('active-fault-expired')).toContainText('next login');
  await app.getByTestId('fault-mode-clock_skew-always').click();
  await app.getByTestId('fault-amount-clock_skew').fill('-7');
  await app.getByTestId('fault-toggle-clock_skew').check();
  await expect(app.getByTestId('active-fault-clock_skew')).toContainText('-7 min · always');
  await expect(app.getByTestId('mock-idp-tab-faults')).toContainText('2');
  await app.getByTestId('fault-mode-clock_skew-next').click();
  await expect(app.getByTestId('active-fault-clock_skew')).toContainText('next login');
  await app.getByTestId('fault-mode-clock_skew-always').click();
  await expect(app.getByTestId('active-fault-clock_skew')).toContainText('always');
  await app.getByTestId('mock-idp-tab-faults').scrollIntoViewIfNeeded();
  await snap(app, 'fed-mock-idp-faults');
  await app.getByTestId('active-fault-remove-expired').click();
  await expect(app.getByTestId('active-fault-expired')).toHaveCount(0);
  await expect(app.getByTestId('fault-toggle-expired')).not.toBeChecked();

  // The list shows the fault still on, and the personas.
  await app.getByTestId('mock-idp-back').click();
  const row = app.getByTestId('mock-idp-row-initech-okta');
  await expect(row).toContainText('SAML');
  await expect(row).toContainText('Okta');
  await expect(row).toContainText('7'); // jane, sam, dana, qa-1…qa-4
  await expect(app.getByTestId('mock-idp-fault-initech-okta-clock_skew')).toBeVisible();
  await snap(app, 'fed-mock-idps-list');

  // And switched off from the detail, the list is clean again.
  await app.getByTestId('mock-idp-open-initech-okta').click();
  await app.getByTestId('mock-idp-tab-faults').click();
  await app.getByTestId('fault-toggle-clock_skew').uncheck();
  await expect(app.getByTestId('active-faults-none')).toBeVisible();
  await app.getByTestId('mock-idp-back').click();
  await expect(app.getByTestId('mock-idp-row-initech-okta')).toContainText('None');
});

test('connects Initech to a new mock IdP: SP URLs for the IdP admin, and a group → role rule', async ({
  app,
  server,
}) => {
  await createOktaMock(app, 'Initech Okta');

  await app.getByTestId('nav-connections').click();
  await expect(app.getByTestId('conn-group-acme')).toContainText('Acme Okta');
  await expect(app.getByTestId('conn-group-globex')).toContainText('Globex Entra ID');
  await snap(app, 'fed-connections-list');
  await app.getByTestId('conn-new').click();
  await app.getByTestId('conn-org').selectOption({ label: 'Initech' });
  await app.getByTestId('conn-kind-saml').check();
  await app.getByTestId('conn-source-mock').check();
  await app.getByTestId('conn-mock-idp').selectOption({ label: 'Initech Okta (Okta)' });
  // The connection takes the IdP's name and the attribute names Okta sends.
  await expect(app.getByTestId('conn-name')).toHaveValue('Initech Okta');
  await expect(app.getByTestId('map-attr-email')).toHaveValue('Email');
  await expect(app.getByTestId('map-attr-givenName')).toHaveValue('FirstName');
  await app.getByTestId('map-rule-add').click();
  await app.getByTestId('map-group-0').fill('admins');
  await app.getByTestId('map-roles-0').fill('admin');
  await app.getByTestId('map-roles-0').press('Enter');
  await app.getByTestId('map-default-roles-suggest-member').click();
  await app.getByTestId('map-jit-link_by_email').check();
  await app.getByTestId('conn-allow-sha1').check();
  await expect(app.getByTestId('conn-sha1-warning')).toContainText('SHA-1 is broken');
  await app.getByTestId('conn-allow-sha1').uncheck();
  await expect(app.getByTestId('conn-sha1-warning')).toHaveCount(0);
  await app.getByTestId('conn-mapping').scrollIntoViewIfNeeded();
  await snap(app, 'fed-connection-create');
  await app.getByTestId('conn-create-submit').click();

  // The SP side, to give the IdP admin.
  await expect(app.getByTestId('conn-detail-name')).toHaveText('Initech Okta');
  await expect(app.getByTestId('conn-detail-org')).toHaveText('Initech');
  await expect(app.getByTestId('conn-sp-entity-id')).toHaveText(/\/federation\/saml\/con_[^/]+$/);
  await expect(app.getByTestId('conn-sp-acs-url')).toHaveText(/\/federation\/saml\/con_[^/]+\/acs$/);
  await expect(app.getByTestId('conn-sp-metadata-url')).toHaveText(/\/federation\/saml\/con_[^/]+\/metadata$/);
  await expect(app.getByTestId('conn-sp-slo-url')).toHaveText(/\/federation\/saml\/con_[^/]+\/slo$/);
  await expect(app.getByTestId('conn-sp-acs-url-copy')).toBeVisible();
  await snap(app, 'fed-connection-detail');

  // The mapping: one more rule; a rule without a group is refused beside its field.
  await app.getByTestId('conn-tab-mapping').click();
  await expect(app.getByTestId('map-group-0')).toHaveValue('admins');
  await expect(app.getByTestId('map-roles-0-chip-admin')).toBeVisible();
  await app.getByTestId('map-rule-add').click();
  await app.getByTestId('map-roles-1').fill('billing');
  await app.getByTestId('map-roles-1').press('Enter');
  await app.getByTestId('conn-mapping-save').click();
  await expect(app.getByTestId('conn-error-mapping.groupRoles[1].group')).toBeVisible();
  await snap(app, 'fed-mapping-error');
  await app.getByTestId('map-group-1').fill('finance');
  await app.getByTestId('conn-mapping-save').click();
  await expect(app.getByTestId('toast')).toContainText('Saved the mapping');

  const { connections } = await adminGet<{ connections: Connection[] }>(app, server, '/api/connections');
  expect(connections.find((connection) => connection.name === 'Initech Okta')?.mapping).toMatchObject({
    attributes: { email: 'Email', givenName: 'FirstName', familyName: 'LastName', groups: 'groups' },
    groupRoles: [
      { group: 'admins', roles: ['admin'] },
      { group: 'finance', roles: ['billing'] },
    ],
    defaultRoles: ['member'],
    jit: 'link_by_email',
  });

  // Disable, then find it in the list under Initech.
  await app.getByTestId('conn-enabled-toggle').uncheck();
  await expect(app.getByTestId('conn-status')).toHaveText('Disabled');
  await app.getByTestId('conn-back').click();
  await expect(connectionRow(app, 'Initech Okta')).toContainText('Disabled');
  await expect(app.getByTestId('conn-group-initech')).toContainText('Initech Okta');

  // The mock IdP now knows which org to name in the login command.
  await app.getByTestId('nav-mock-idps').click();
  await app.getByTestId('mock-idp-open-initech-okta').click();
  await expect(app.getByTestId('login-as-command')).toContainText('orgbench login --org initech --persona jane');
});

test('a real SAML IdP: a bad SSO URL is refused beside its field, the certificate shows its fingerprint', async ({
  app,
  server,
}) => {
  const { mockIdps } = await adminGet<{ mockIdps: MockIdp[] }>(app, server, '/api/mock-idps');
  const mock = mockIdps.find((idp) => idp.slug === 'acme-okta');

  await app.getByTestId('nav-connections').click();
  await app.getByTestId('conn-new').click();
  await app.getByTestId('conn-org').selectOption({ label: 'Globex' });
  await app.getByTestId('conn-name').fill('Globex ADFS');
  await app.getByTestId('conn-source-real').check();
  await app.getByTestId('conn-idpEntityId').fill('http://adfs.globex.test/adfs/services/trust');
  await app.getByTestId('conn-idpSsoUrl').fill('adfs.globex.test/adfs/ls');
  await app.getByTestId('conn-certificates').fill(mock?.certificate ?? '');
  await expect(app.getByTestId('conn-fingerprint-0')).toHaveText(mock?.fingerprint ?? 'missing');
  await app.getByTestId('conn-create-submit').click();
  await expect(app.getByTestId('conn-error-saml.idpSsoUrl')).toHaveText('must be a URL');
  await expect(app.getByTestId('conn-idpSsoUrl')).toBeFocused();
  await snap(app, 'fed-connection-sso-url-error');

  await app.getByTestId('conn-idpSsoUrl').fill('https://adfs.globex.test/adfs/ls');
  await expect(app.getByTestId('conn-error-saml.idpSsoUrl')).toHaveCount(0);
  await app.getByTestId('conn-create-submit').click();
  await expect(app.getByTestId('conn-detail-name')).toHaveText('Globex ADFS');
  await expect(app.getByTestId('conn-sp-acs-url')).toHaveText(/\/acs$/);

  // The same rule holds when editing; then the connection is deleted.
  await app.getByTestId('conn-idpSsoUrl').fill('nope');
  await app.getByTestId('conn-settings-save').click();
  await expect(app.getByTestId('conn-error-saml.idpSsoUrl')).toHaveText('must be a URL');
  await app.getByTestId('conn-delete').click();
  await app.getByTestId('conn-delete-dialog-confirm').click();
  await expect(app.getByTestId('conn-group-acme')).toBeVisible();
  await expect(connectionRow(app, 'Globex ADFS')).toHaveCount(0);
});

test('federation pages at 600 px and in the dark theme', async ({ app }) => {
  await app.getByTestId('nav-mock-idps').click();
  await app.getByTestId('mock-idp-open-acme-okta').click();
  await expect(app.getByTestId('login-as-command')).toContainText('orgbench login --org acme --persona jane');

  // The IdP-initiated single logout link signs jane out through the connection and back.
  const logout = await app.getByTestId('login-as-logout-link').getAttribute('href');
  expect(logout).toMatch(/\/mock\/saml\/acme-okta\/logout\?connection=con_[^&]+&persona=jane$/);
  const idpPage = await app.context().newPage();
  await idpPage.goto(logout ?? '');
  await expect(idpPage.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await idpPage.screenshot({ path: 'test/artifacts/fed-idp-initiated-logout.png' });
  await idpPage.close();
  await app.getByTestId('theme-toggle').click();
  await snap(app, 'fed-mock-idp-detail-dark');
  await app.getByTestId('mock-idp-tab-faults').click();
  await app.getByTestId('fault-toggle-replay').check();
  await expect(app.getByTestId('active-fault-replay')).toBeVisible();
  await app.getByTestId('mock-idp-tab-faults').scrollIntoViewIfNeeded();
  await snap(app, 'fed-mock-idp-faults-dark');

  await app.getByTestId('nav-connections').click();
  await connectionRow(app, 'Globex Entra ID').click();
  await expect(app.getByTestId('conn-sp-redirect-uri')).toHaveText(/\/federation\/oidc\/con_[^/]+\/callback$/);
  await snap(app, 'fed-connection-oidc-dark');
  await app.getByTestId('conn-back').click();
  await snap(app, 'fed-connections-dark');

  await app.getByTestId('theme-toggle').click();
  await app.setViewportSize({ width: 600, height: 900 });
  await snap(app, 'fed-connections-narrow');
  await connectionRow(app, 'Acme Okta').click();
  await snap(app, 'fed-connection-detail-narrow');
  await app.getByTestId('conn-tab-mapping').click();
  await expect(app.getByTestId('map-group-0')).toHaveValue('acme-admins');
  await app.getByTestId('map-rules').scrollIntoViewIfNeeded();
  await snap(app, 'fed-mapping-narrow');

  await app.getByTestId('nav-mock-idps').click();
  await expect(app.getByTestId('mock-idp-fault-acme-okta-replay')).toBeVisible();
  await snap(app, 'fed-mock-idps-narrow');
  await app.getByTestId('mock-idp-open-acme-okta').click();
  await snap(app, 'fed-mock-idp-detail-narrow');
  await app.getByTestId('persona-table').scrollIntoViewIfNeeded();
  await snap(app, 'fed-mock-idp-personas-narrow');
  await app.getByTestId('mock-idp-tab-faults').click();
  await snap(app, 'fed-mock-idp-faults-narrow');
  await app.getByTestId('mock-idp-new').or(app.getByTestId('mock-idp-back')).first().click();
  await app.getByTestId('mock-idp-new').click();
  await snap(app, 'fed-mock-idp-create-narrow');
});

/** Runs a whole login as a script does (`orgbench login`), returning the server's verdict. */
async function scriptedLogin(
  page: Page,
  server: { adminUrl: string; dataDir: string },
  body: { org: string; persona?: string; fault?: string },
): Promise<{ ok: boolean; traceId: string | null; rule?: string; message?: string }> {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const response = await page.request.post(`${server.adminUrl}/api/logins`, {
    headers: { authorization: `Bearer ${token}` },
    data: body,
  });
  expect(response.ok()).toBe(true);
  return (await response.json()) as { ok: boolean; traceId: string | null; rule?: string; message?: string };
}

test("a connection's login traces: a failed login explained in one sentence and drawn as a sequence diagram", async ({
  app,
  server,
}) => {
  const good = await scriptedLogin(app, server, { org: 'acme', persona: 'jane' });
  const bad = await scriptedLogin(app, server, { org: 'acme', persona: 'sam', fault: 'wrong_audience' });
  expect(bad.ok).toBe(false);
  const badTrace = await adminGet<Trace>(app, server, `/api/traces/${bad.traceId}`);

  await app.getByTestId('nav-connections').click();
  await connectionRow(app, 'Acme Okta').click();
  await app.getByTestId('conn-tab-traces').click();

  // Newest first: the failed login, with its reason and rule, is open.
  await expect(app.getByTestId(`trace-row-${bad.traceId}`)).toContainText('Failed');
  await expect(app.getByTestId(`trace-reason-${bad.traceId}`)).toContainText(bad.message ?? 'missing');
  await expect(app.getByTestId(`trace-row-${good.traceId}`)).toContainText(good.ok ? 'Signed in' : 'Failed');
  await expect(app.getByTestId('trace-detail')).toHaveAttribute('data-trace-id', bad.traceId ?? '');
  await expect(app.getByTestId('trace-summary')).toContainText(bad.message ?? 'missing');
  await expect(app.getByTestId('trace-failed-rule')).toHaveText(bad.rule ?? 'missing');

  // One arrow per step; the failing one is red and opened first.
  await expect(app.locator('[data-testid^="trace-step-"][data-seq]')).toHaveCount(badTrace.steps.length);
  const failed = badTrace.steps.find((step) => step.status === 'fail');
  await expect(app.getByTestId(`trace-step-${failed?.seq}`)).toHaveAttribute('data-status', 'fail');
  await expect(app.getByTestId('trace-step-detail')).toContainText(failed?.title ?? 'missing');
  await scrollToTop(app.getByTestId('conn-tab-traces'));
  await snap(app, 'fed-traces-failed');

  // Clicking the first arrow opens the authorization request, decoded.
  await app.getByTestId('trace-step-1').click();
  await expect(app.getByTestId('trace-step-detail')).toContainText('Authorization request');
  await expect(app.getByTestId('trace-block-json')).toContainText('"client_id"');
  // The keyboard moves along the arrows.
  await app.getByTestId('trace-step-1').press('ArrowDown');
  await expect(app.getByTestId('trace-step-2')).toBeFocused();
  await expect(app.getByTestId('trace-step-detail')).toContainText(badTrace.steps[1]?.title ?? 'missing');
  await scrollToTop(app.getByTestId('trace-diagram'));
  await snap(app, 'fed-traces-step');

  // Filters: only failures; then the retention.
  await app.getByTestId('traces-filter-outcome').selectOption('failure');
  await expect(app.getByTestId(`trace-row-${bad.traceId}`)).toBeVisible();
  if (good.ok) await expect(app.getByTestId(`trace-row-${good.traceId}`)).toHaveCount(0);
  await app.getByTestId('traces-filter-persona').fill('nobody');
  await expect(app.getByTestId('traces-empty')).toContainText('No login matches these filters.');
  await app.getByTestId('traces-clear-filters').click();
  await expect(app.getByTestId(`trace-row-${good.traceId}`)).toBeVisible();
  await app.getByTestId('traces-retention-edit').click();
  await app.getByTestId('traces-retention-input').fill('5');
  await app.getByTestId('traces-retention-save').click();
  await expect(app.getByTestId('traces-retention-error')).toContainText('from 10');
  await app.getByTestId('traces-retention-input').fill('250');
  await app.getByTestId('traces-retention-save').click();
  await expect(app.getByTestId('traces-retention')).toContainText('250');
  expect((await adminGet<{ retention: number }>(app, server, '/api/traces?limit=1')).retention).toBe(250);

  await app.getByTestId('theme-toggle').click();
  await app.getByTestId(`trace-row-${bad.traceId}`).click();
  await scrollToTop(app.getByTestId('conn-tab-traces'));
  await snap(app, 'fed-traces-dark');
  await app.getByTestId('theme-toggle').click();
  await app.setViewportSize({ width: 600, height: 900 });
  await scrollToTop(app.getByTestId('trace-detail'));
  await snap(app, 'fed-traces-narrow');
});
