// A new user's first minutes: open the UI in browser mode, build an org tree, fix a
// mistake the form points out, search, delete a parent, switch theme and window size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrgInUi, expect, snap, test } from './fixtures';

test('create an organization and a sub-organization and see the tree', async ({ app, server }) => {
  // The launch code is gone from the address bar once exchanged.
  expect(app.url()).not.toContain('code=');
  await expect(app.getByTestId('org-empty')).toBeVisible();
  await expect(app.getByTestId('server-health')).toHaveText('Server running');
  await expect(app.getByTestId('protocol-url')).toHaveText(server.protocolUrl);
  await snap(app, 'orgs-empty');

  await createOrgInUi(app, { name: 'Acme Corporation', slug: 'acme', domains: 'acme.com\nacme.io' });
  await expect(app.getByTestId('toast')).toContainText('Created “Acme Corporation”');
  await createOrgInUi(app, { name: 'Acme Europe', slug: 'acme-europe', domains: 'acme.eu', under: 'acme' });
  await createOrgInUi(app, { name: 'Acme France', slug: 'acme-france', under: 'acme-europe' });
  await createOrgInUi(app, { name: 'Globex', slug: 'globex', domains: 'globex.com' });
  await createOrgInUi(app, { name: 'Initech', slug: 'initech' });

  // The tree: Acme › Acme Europe › Acme France, nested by level.
  const tree = app.getByTestId('org-tree');
  await expect(tree.getByRole('treeitem', { name: /Acme France/ })).toHaveAttribute('aria-level', '3');
  await expect(tree.getByRole('treeitem', { name: /Acme Europe/ }).first()).toHaveAttribute('aria-level', '2');
  await expect(tree.locator('[role="treeitem"][aria-level="1"]')).toHaveCount(3);
  await app.getByTestId('org-row-acme-europe').click();
  await snap(app, 'orgs-tree');

  // The API agrees with what the UI shows.
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const listed = await app.request.get(`${server.adminUrl}/api/orgs`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const names = ((await listed.json()) as { organizations: { name: string }[] }).organizations.map((o) => o.name);
  expect(names.sort()).toEqual(['Acme Corporation', 'Acme Europe', 'Acme France', 'Globex', 'Initech']);
});

test('shows validation errors beside the field and keeps the data unchanged', async ({ app }) => {
  await app.getByTestId('org-new').click();
  await app.getByTestId('org-name').fill('Acme');
  await app.getByTestId('org-domains').fill('acme.com\nnot a domain');
  await app.getByTestId('org-save').click();
  await expect(app.getByTestId('error-domains')).toContainText('must be a domain name');
  await expect(app.getByTestId('org-domains')).toHaveAttribute('aria-invalid', 'true');

  await app.getByTestId('org-domains').fill('acme.com');
  await app.getByTestId('org-save').click();
  await expect(app.getByTestId('org-row-acme')).toBeVisible();

  // A clash only the server can see (domain owned by another org) lands on the same field.
  await app.getByTestId('org-new').click();
  await app.getByTestId('org-name').fill('Copycat');
  await app.getByTestId('org-domains').fill('acme.com');
  await app.getByTestId('org-save').click();
  await expect(app.getByTestId('error-domains')).toContainText('already belongs to "Acme"');
  await snap(app, 'orgs-validation');
  await expect(app.getByTestId('org-row-copycat')).toHaveCount(0);
});

test('search filters the tree and keeps the path to each match', async ({ app }) => {
  for (const [name, parent] of [
    ['Acme', ''],
    ['Acme Europe', 'Acme'],
    ['Globex', ''],
  ] as const) {
    await app.getByTestId('org-new').click();
    await app.getByTestId('org-name').fill(name);
    if (parent) await app.getByTestId('org-parent').selectOption({ label: parent });
    await app.getByTestId('org-save').click();
    await expect(app.getByText(`Created “${name}”`)).toBeVisible();
  }
  await app.getByTestId('org-search').fill('europe');
  await expect(app.getByTestId('org-row-acme-europe')).toBeVisible();
  await expect(app.getByTestId('org-row-acme')).toBeVisible();
  await expect(app.getByTestId('org-row-globex')).toHaveCount(0);
  await expect(app.getByTestId('org-search-summary')).toHaveText('1 of 3 match');
});

test('deleting an org with children asks what to do with them', async ({ app }) => {
  await createOrgInUi(app, { name: 'Parent Co', slug: 'parent-co' });
  await createOrgInUi(app, { name: 'Child Co', slug: 'child-co', under: 'parent-co' });

  await app.getByTestId('org-row-parent-co').click();
  await app.getByTestId('org-delete').click();
  const dialog = app.getByTestId('delete-dialog');
  await expect(dialog).toContainText('has 1 sub-organization');
  await expect(app.getByTestId('delete-reparent')).toBeChecked();
  await snap(app, 'orgs-delete-dialog');
  await app.getByTestId('delete-confirm').click();
  await expect(app.getByTestId('org-row-parent-co')).toHaveCount(0);
  await expect(app.getByTestId('org-tree').getByRole('treeitem', { name: /Child Co/ })).toHaveAttribute(
    'aria-level',
    '1',
  );
});

test('the tree is usable from the keyboard', async ({ app }) => {
  for (const name of ['Alpha', 'Beta']) {
    await app.getByTestId('org-new').click();
    await app.getByTestId('org-name').fill(name);
    await app.getByTestId('org-name').press('Enter');
    await expect(app.getByTestId(`org-row-${name.toLowerCase()}`)).toBeVisible();
  }
  await app.getByTestId('org-row-alpha').click();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByTestId('org-row-beta')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('org-editor').getByRole('heading', { level: 2 })).toHaveText('Beta');
});

test('reload keeps the session; a used launch link is refused with a way forward', async ({ app, server, browser }) => {
  await app.reload();
  await expect(app.locator('[data-app-state="ready"]')).toBeVisible();
  const other = await browser.newPage();
  await other.goto(server.uiUrl);
  await expect(other.locator('[data-app-state="failed"]')).toBeVisible();
  await expect(other.getByTestId('connect-error')).toContainText('orgbench ui-url');
  await other.close();
});

test('dark theme, narrow window and the upcoming sections', async ({ app }) => {
  await createOrgInUi(app, { name: 'Acme Corporation', slug: 'acme', domains: 'acme.com' });
  await createOrgInUi(app, { name: 'Acme Europe', slug: 'acme-europe', under: 'acme' });

  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'orgs-tree-dark');

  await app.setViewportSize({ width: 600, height: 800 });
  await expect(app.getByTestId('org-tree')).toBeVisible();
  await snap(app, 'orgs-narrow');

  await app.getByTestId('nav-connections').click();
  await expect(app.getByTestId('page-connections')).toContainText('Connections');
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
});
