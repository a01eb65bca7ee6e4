/**
 * Each e2e test gets its own server (the real CLI, browser mode) on its own data folder
 * and free ports, and a page opened on the one-time UI address.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { serveJson, type ReadyLine } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

interface Fixtures {
  server: ReadyLine & { dataDir: string };
  app: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
  server: async ({}, use) => {
    const dir = makeTempDir('orgbench-e2e-');
    const { run, ready } = await serveJson(dir.path);
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
