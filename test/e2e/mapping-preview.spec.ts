// An admin previews what a connection's mapping would make of a sign-in, on the demo data:
// Acme's mock Okta personas (new user, roles from the group rules that fire), pasted
// attributes that lack an email (the failure rule and its sentence), Globex's mock Entra
// ID, and the panel at 600 px in the dark theme. Nothing is signed in.
// Also the import of SAML IdP metadata: filling a new connection from a metadata URL or
// file, and re-importing on Acme Okta, where a new signing certificate needs confirming.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { MockIdp } from '../../server/model/federation';
import { expect, snap, test } from './fixtures';

test.use({ demo: true });

const connectionRow = (page: Page, name: string): Locator =>
  page.locator('[data-testid^="conn-row-"]', { hasText: name });

/** Scrolls the main area so that `locator` sits at its top (for screenshots). */
const scrollToTop = (locator: Locator) =>
  locator.evaluate((element) => {
    const main = element.closest('main');
    if (!main) return;
    const offset = element.getBoundingClientRect().top - main.getBoundingClientRect().top;
    main.scrollTo({ top: main.scrollTop + offset - 12 });
  });

async function openPreview(page: Page, connection: string): Promise<void> {
  await page.getByTestId('nav-connections').click();
  await connectionRow(page, connection).click();
  await page.getByTestId('conn-tab-preview').click();
  await expect(page.getByTestId('conn-preview')).toBeVisible();
}

test('previews personas of a mock IdP: the attributes sent, the fields, a new user and the rules that fire', async ({
  app,
}) => {
  await openPreview(app, 'Acme Okta');
  await expect(app.getByTestId('conn-preview-persona')).toHaveValue('jane');
  await expect(app.getByTestId('conn-preview-jit')).toHaveText('Would create');
  await expect(app.getByTestId('conn-preview-field-email')).toContainText('jane@acme.test');
  await expect(app.getByTestId('conn-preview-field-email')).toContainText('from Email');
  await expect(app.getByTestId('conn-preview-rule-0')).toHaveAttribute('data-fired', 'true');
  await expect(app.getByTestId('conn-preview-rule-2')).toHaveAttribute('data-fired', 'false');
  await expect(app.getByTestId('conn-preview-roles')).toHaveText(/admin\s*member/);
  await scrollToTop(app.getByTestId('conn-preview'));
  await snap(app, 'fed-preview-persona');

  await app.getByTestId('conn-preview-persona').selectOption('lee');
  await expect(app.getByTestId('conn-preview-field-email')).toContainText('lee@acme.test');
  await expect(app.getByTestId('conn-preview-roles')).toHaveText('contractor');
  await expect(app.getByTestId('conn-preview-rule-2')).toHaveAttribute('data-fired', 'true');
});

test('explains a failing mapping for pasted attributes, and changes nothing', async ({ app }) => {
  await openPreview(app, 'Acme Okta');
  await app.getByTestId('conn-preview-mode-paste').check();
  await app.getByTestId('conn-preview-run').click();
  await expect(app.getByTestId('conn-preview-error-subject')).toBeVisible();

  await app.getByTestId('conn-preview-subject').fill('00u1a2b3c4');
  await app.getByTestId('conn-preview-attributes').fill('{ "FirstName": "Ann", "groups": ["Everyone"] }');
  await app.getByTestId('conn-preview-run').click();
  await expect(app.getByTestId('conn-preview-failure-rule')).toHaveText('mapping_email');
  await expect(app.getByTestId('conn-preview-failure')).toContainText('The IdP sent no email address');
  await expect(app.getByTestId('conn-preview-roles')).toContainText('none — the login fails');
  await scrollToTop(app.getByTestId('conn-preview-result'));
  await snap(app, 'fed-preview-failure');

  await app.getByTestId('conn-preview-attributes').fill('{ "email": "alice@acme.test" }');
  await app.getByTestId('conn-preview-run').click();
  await expect(app.getByTestId('conn-preview-jit')).toHaveText('Would link by email');
  await expect(app.getByTestId('conn-preview-current-roles')).toContainText('admin');

  // Previewing created no one: the persona still has no Orgbench user.
  await app.getByTestId('conn-preview-attributes').fill('{ "email": "new.person@acme.test" }');
  await app.getByTestId('conn-preview-run').click();
  await expect(app.getByTestId('conn-preview-jit')).toHaveText('Would create');
  await app.getByTestId('conn-preview-run').click();
  await expect(app.getByTestId('conn-preview-jit')).toHaveText('Would create');
});

test('the preview at 600 px in the dark theme, on an OIDC connection', async ({ app }) => {
  await app.setViewportSize({ width: 600, height: 900 });
  await app.getByTestId('theme-toggle').click();
  await openPreview(app, 'Globex Entra ID');
  await expect(app.getByTestId('conn-preview-persona')).toHaveValue('priya');
  await expect(app.getByTestId('conn-preview-roles')).toHaveText('admin');
  await scrollToTop(app.getByTestId('conn-preview'));
  await snap(app, 'fed-preview-oidc-narrow-dark');
  await scrollToTop(app.getByTestId('conn-preview-rules'));
  await snap(app, 'fed-preview-oidc-rules-narrow-dark');
});

type Server = { adminUrl: string; protocolUrl: string; dataDir: string };

/** An admin API call as a script would make it (the admin token from the data folder). */
async function adminCall<T>(page: Page, server: Server, method: 'GET' | 'POST', path: string, data?: unknown) {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const response = await page.request.fetch(`${server.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}`).toBe(true);
  return (await response.json()) as T;
}

const mockIdp = async (page: Page, server: Server, slug: string): Promise<MockIdp> => {
  const { mockIdps } = await adminCall<{ mockIdps: MockIdp[] }>(page, server, 'GET', '/api/mock-idps');
  const found = mockIdps.find((idp) => idp.slug === slug);
  if (!found) throw new Error(`no mock IdP ${slug}`);
  return found;
};

/** A second SAML mock IdP, whose metadata carries a signing certificate of its own. */
const createSecondOkta = (page: Page, server: Server) =>
  adminCall<MockIdp>(page, server, 'POST', '/api/mock-idps', {
    slug: 'acme-okta-next',
    name: 'Acme Okta (new tenant)',
    kind: 'saml',
    preset: 'okta',
  });

async function startRealSamlConnection(page: Page, org: string, name: string): Promise<void> {
  await page.getByTestId('nav-connections').click();
  await page.getByTestId('conn-new').click();
  await page.getByTestId('conn-org').selectOption({ label: org });
  await page.getByTestId('conn-name').fill(name);
  await page.getByTestId('conn-kind-saml').check();
  await page.getByTestId('conn-source-real').check();
  await expect(page.getByTestId('conn-metadata-import')).toBeVisible();
}

test('creates a connection for an org from its IdP metadata URL, showing the certificate fingerprint', async ({
  app,
  server,
}) => {
  const okta = await mockIdp(app, server, 'acme-okta');
  await startRealSamlConnection(app, 'Initech', 'Initech Okta (metadata)');

  // A URL that answers 404 is refused beside the URL field, and fills nothing.
  await app.getByTestId('conn-metadata-url').fill(`${server.protocolUrl}/mock/saml/no-such-idp/metadata`);
  await app.getByTestId('conn-metadata-url-read').click();
  await expect(app.getByTestId('conn-metadata-error-url')).toContainText('HTTP 404');
  await expect(app.getByTestId('conn-idpEntityId')).toHaveValue('');

  await app.getByTestId('conn-metadata-url').fill(`${server.protocolUrl}/mock/saml/acme-okta/metadata`);
  await app.getByTestId('conn-metadata-url').press('Enter');
  await expect(app.getByTestId('conn-metadata-summary')).toContainText(okta.entityId);
  await expect(app.getByTestId('conn-metadata-error-url')).toHaveCount(0);
  await expect(app.getByTestId('conn-idpEntityId')).toHaveValue(okta.entityId);
  await expect(app.getByTestId('conn-idpSsoUrl')).toHaveValue(/\/mock\/saml\/acme-okta\/sso$/);
  await expect(app.getByTestId('conn-fingerprint-0')).toHaveText(okta.fingerprint);
  await scrollToTop(app.getByTestId('conn-metadata-import'));
  await snap(app, 'fed-metadata-create-url');

  await app.getByTestId('conn-create-submit').click();
  await expect(app.getByTestId('conn-detail-name')).toHaveText('Initech Okta (metadata)');
  await expect(app.getByTestId('conn-detail-org')).toHaveText('Initech');
  await expect(app.getByTestId('conn-idpEntityId')).toHaveValue(okta.entityId);
  await expect(app.getByTestId('conn-fingerprint-0')).toHaveText(okta.fingerprint);
});

test('fills a new connection from a metadata file, and says beside the picker why a file is refused', async ({
  app,
}) => {
  const fixtures = join(process.cwd(), 'test', 'fixtures', 'saml-metadata');
  await startRealSamlConnection(app, 'Globex', 'Globex Entra ID (file)');

  await app.getByTestId('conn-metadata-file').setInputFiles(join(fixtures, 'sp-metadata-not-idp.xml'));
  await expect(app.getByTestId('conn-metadata-error-xml')).toContainText('not SAML IdP metadata');

  await app.getByTestId('conn-metadata-file').setInputFiles(join(fixtures, 'entra-style-two-certs-rollover.xml'));
  await expect(app.getByTestId('conn-metadata-summary')).toContainText('2 signing certificates');
  await expect(app.getByTestId('conn-metadata-error-xml')).toHaveCount(0);
  await expect(app.getByTestId('conn-idpSloUrl')).not.toHaveValue('');
  await expect(app.getByTestId('conn-fingerprint-0')).toHaveText(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  await expect(app.getByTestId('conn-fingerprint-1')).toHaveText(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
  await scrollToTop(app.getByTestId('conn-metadata-import'));
  await snap(app, 'fed-metadata-create-file');
});

test('re-imports Acme Okta from another IdP: the new certificate is trusted only after comparing fingerprints', async ({
  app,
  server,
}) => {
  const current = await mockIdp(app, server, 'acme-okta');
  const next = await createSecondOkta(app, server);
  expect(next.fingerprint).not.toBe(current.fingerprint);

  await app.getByTestId('nav-connections').click();
  await connectionRow(app, 'Acme Okta').click();
  await expect(app.getByTestId('conn-trusted-fingerprint-0')).toHaveText(current.fingerprint);
  const url = `${server.protocolUrl}/mock/saml/acme-okta-next/metadata`;

  // Cancelling keeps everything as it was.
  await app.getByTestId('conn-metadata-url').fill(url);
  await app.getByTestId('conn-metadata-url-read').click();
  await expect(app.getByTestId('conn-metadata-cert-dialog')).toBeVisible();
  await expect(app.getByTestId('conn-metadata-current-0')).toHaveText(current.fingerprint);
  await expect(app.getByTestId('conn-metadata-incoming-0')).toHaveText(next.fingerprint);
  await snap(app, 'fed-metadata-confirm');
  await app.getByTestId('conn-metadata-cert-dialog-cancel').click();
  await expect(app.getByTestId('conn-metadata-cert-dialog')).toHaveCount(0);
  await expect(app.getByTestId('conn-trusted-fingerprint-0')).toHaveText(current.fingerprint);
  const untouched = await adminCall<{ connections: { name: string; saml: { idpEntityId: string } | null }[] }>(
    app,
    server,
    'GET',
    '/api/connections',
  );
  expect(untouched.connections.find((c) => c.name === 'Acme Okta')?.saml?.idpEntityId).toBe(current.entityId);

  await app.getByTestId('conn-metadata-url-read').click();
  await app.getByTestId('conn-metadata-cert-dialog-confirm').click();
  await expect(app.getByTestId('conn-metadata-cert-dialog')).toHaveCount(0);
  await expect(app.getByTestId('conn-trusted-fingerprint-0')).toHaveText(next.fingerprint);
  await expect(app.getByTestId('conn-mock-entity-id')).toHaveText(next.entityId);
  await expect(app.getByTestId('conn-mock-replaced')).toContainText('imported metadata');
  await expect(app.getByTestId('conn-mock-sso-url')).toHaveText(/\/mock\/saml\/acme-okta-next\/sso$/);
  await scrollToTop(app.getByTestId('conn-settings'));
  await snap(app, 'fed-metadata-applied');

  // The same metadata again changes no certificate, so it applies without asking.
  await app.getByTestId('conn-metadata-url').fill(url);
  await app.getByTestId('conn-metadata-url-read').click();
  await expect(app.getByTestId('toast').last()).toContainText('Imported the metadata');
  await expect(app.getByTestId('conn-metadata-cert-dialog')).toHaveCount(0);
});

test('metadata import at 600 px in the dark theme: a bad URL, then the certificate confirmation', async ({
  app,
  server,
}) => {
  await createSecondOkta(app, server);
  await app.setViewportSize({ width: 600, height: 900 });
  await app.getByTestId('theme-toggle').click();

  await startRealSamlConnection(app, 'Initech', 'Initech Okta');
  await app.getByTestId('conn-metadata-url').fill('ftp://idp.initech.test/metadata');
  await app.getByTestId('conn-metadata-url-read').click();
  await expect(app.getByTestId('conn-metadata-error-url')).toContainText('http(s)');
  await scrollToTop(app.getByTestId('conn-metadata-import'));
  await snap(app, 'fed-metadata-create-narrow-dark');

  await app.getByTestId('conn-create-cancel').click();
  await connectionRow(app, 'Acme Okta').click();
  await app.getByTestId('conn-metadata-url').fill(`${server.protocolUrl}/mock/saml/acme-okta-next/metadata`);
  await app.getByTestId('conn-metadata-url-read').click();
  await expect(app.getByTestId('conn-metadata-incoming-0')).toBeVisible();
  await snap(app, 'fed-metadata-confirm-narrow-dark');
});
