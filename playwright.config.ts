import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright drives the system Chromium (Debian's `chromium` package): its own browser
// download is not reachable from this project's machines or CI.
const chromium = process.env.ORGBENCH_CHROMIUM ?? ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find(existsSync);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: 'list',
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
