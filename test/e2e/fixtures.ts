/**
 * Each e2e test gets its own server (the real CLI, browser mode) on its own data folder
 * and free ports, and a page opened on the one-time UI address.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { serveJson, type ReadyLine } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

interface Fixtures {
  /** Start the server with `--demo` (set with `test.use({ demo: true })`). */
  demo: boolean;
  server: ReadyLine & { dataDir: string };
  app: Page;
}

export const test = base.extend<Fixtures>({
  demo: [false, { option: true }],
  server: async ({ demo }, use) => {
    const dir = makeTempDir('orgbench-e2e-');
    const { run, ready } = await serveJson(dir.path, {}, demo ? ['--demo'] : []);
    await use(ready);
    run.child.kill('SIGTERM');
    await run.exited;
    dir.remove();
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.uiUrl);
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
    await use(page);
  },
});

/** Saves a screenshot under test/artifacts/ (kept by CI, looked at by people). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

export { expect };

/** Scrolls the main area so that `locator` sits at its top (for screenshots). */
export const scrollToTop = (locator: Locator): Promise<void> =>
  locator.evaluate((element) => {
    const main = element.closest('main');
    if (!main) return;
    const offset = element.getBoundingClientRect().top - main.getBoundingClientRect().top;
    main.scrollTo({ top: main.scrollTop + offset - 12 });
  });

/** Reads through the admin API, as a script would, to check what the UI claims. */
export async function adminGet<T>(page: Page, server: { adminUrl: string; dataDir: string }, path: string): Promise<T> {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const response = await page.request.get(`${server.adminUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()) as T;
}

/**
 * Creates an org through the UI as a user would (top level, or with "Add
 * sub-organization" on `under`'s page) and waits until its row is in the tree.
 */
export async function createOrgInUi(
  page: Page,
  org: { name: string; slug: string; domains?: string; under?: string },
): Promise<void> {
  if (org.under) {
    await page.getByTestId(`org-row-${org.under}`).click();
    await page.getByTestId('org-add-child').click();
  } else {
    await page.getByTestId('org-new').click();
  }
  await page.getByTestId('org-name').fill(org.name);
  await page.getByTestId('org-slug').fill(org.slug);
  if (org.domains) await page.getByTestId('org-domains').fill(org.domains);
  await page.getByTestId('org-save').click();
  await expect(page.getByTestId(`org-row-${org.slug}`)).toBeVisible();
}
