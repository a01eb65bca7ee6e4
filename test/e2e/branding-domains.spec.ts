// Branding → Vanity domains on the demo workspace: each org's automatic login host with
// its issuer, a custom host added (and refused when malformed or taken), the hosts-file
// and resolver-rule snippets, the URL doctor's findings, and a real sign-in on
// login.acme.localhost started from the tab.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { adminGet, expect, scrollToTop, snap, test } from './fixtures';

test.use({ demo: true });

/** Dismisses the confirmation toast so it does not cover the screenshot. */
async function dismissToast(app: Page): Promise<void> {
  await app.getByTestId('toast').getByRole('button', { name: 'Dismiss' }).click();
  await expect(app.getByTestId('toast')).toHaveCount(0);
}

test('vanity domains: hosts, a custom host, the URL doctor, and a login on the vanity host', async ({
  app,
  server,
}) => {
  const port = new URL(server.protocolUrl).port;
  // An app of Acme's registered with the URLs people get wrong, for the URL doctor to find.
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const created = await app.request.post(`${server.adminUrl}/api/apps`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      name: 'Acme portal',
      kind: 'web',
      ownerOrgId: 'acme',
      redirectUris: [
        `http://login.globex.localhost:${port}/callback`,
        'http://portal.acme.example/callback',
        'http://localhost:3000/callback',
        'http://127.0.0.1:3000/callback',
      ],
    },
  });
  expect(created.status()).toBe(201);
  await app.getByTestId('nav-branding').click();
  await app.getByTestId('branding-tab-domains').click();
  await expect(app.getByTestId('vd-tab')).toBeVisible();

  await app.getByTestId('vd-org-acme').click();
  await expect(app.getByTestId('vd-org-acme')).toHaveAttribute('aria-current', 'true');
  await expect(app.getByTestId('vd-host-login.acme.localhost-issuer')).toHaveText(
    `http://login.acme.localhost:${port}/default/default`,
  );
  await expect(app.getByTestId('vd-host-login.acme.localhost-reach')).toContainText('any browser');

  // A port is refused beside the field, before anything is sent.
  await app.getByTestId('vd-add-input').fill('login.acme.test:8443');
  await app.getByTestId('vd-add-submit').click();
  await expect(app.getByTestId('vd-add-error')).toContainText('must not include a port');
  await snap(app, 'vanity-domains-add-error');

  await app.getByTestId('vd-add-input').fill('sso.acme.test');
  await app.getByTestId('vd-add-submit').click();
  await expect(app.getByTestId('vd-host-sso.acme.test')).toBeVisible();
  await dismissToast(app);
  await expect(app.getByTestId('vd-host-sso.acme.test-reach')).toContainText('Needs a hosts entry');
  await expect(app.getByTestId('vd-setup-hosts')).toContainText('127.0.0.1 sso.acme.test');
  await expect(app.getByTestId('vd-setup-rules')).toContainText('MAP sso.acme.test 127.0.0.1');
  const hosts = await adminGet<{ hosts: { host: string }[] }>(app, server, '/api/orgs/acme/vanity-hosts');
  expect(hosts.hosts.map((host) => host.host)).toEqual(
    expect.arrayContaining(['login.acme.localhost', 'sso.acme.test']),
  );

  // The URL doctor, with the issuer an app was (wrongly) configured with.
  await app.getByTestId('vd-doctor-issuer').fill(`http://127.0.0.1:${port}/default/default/`);
  await app.getByTestId('vd-doctor-check').click();
  await expect(app.getByTestId('vd-finding-issuer_trailing_slash')).toHaveAttribute('data-severity', 'error');
  await expect(app.getByTestId('vd-finding-host_unresolved').filter({ hasText: 'sso.acme.test' })).toBeVisible();
  await expect(app.getByTestId('vd-doctor-group-org')).toBeVisible();
  await expect(app.getByTestId('vd-finding-redirect_other_org_host')).toContainText('Globex');
  await expect(app.getByTestId('vd-finding-redirect_mixed_loopback_names')).toHaveAttribute('data-severity', 'warning');
  await scrollToTop(app.getByTestId('page-branding'));
  await snap(app, 'vanity-domains');
  await scrollToTop(app.getByTestId('vd-doctor'));
  await snap(app, 'vanity-domains-doctor');
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snap(app, 'vanity-domains-doctor-dark');
  await app.getByTestId('theme-toggle').click();
  await expect(app.locator('html')).not.toHaveAttribute('data-theme', 'dark');

  // Globex cannot take Acme's host.
  await app.getByTestId('vd-org-globex').click();
  await app.getByTestId('vd-add-input').fill('sso.acme.test');
  await app.getByTestId('vd-add-submit').click();
  await expect(app.getByTestId('vd-add-error')).toContainText('already a login host of Acme Corporation');
  await expect(app.getByTestId('vd-host-sso.acme.test')).toHaveCount(0);

  await app.setViewportSize({ width: 600, height: 800 });
  await app.getByTestId('vd-org-acme').click();
  await expect(app.getByTestId('vd-host-sso.acme.test')).toBeVisible();
  await scrollToTop(app.getByTestId('vd-hosts'));
  await snap(app, 'vanity-domains-narrow');
  await scrollToTop(app.getByTestId('vd-doctor'));
  await snap(app, 'vanity-domains-doctor-narrow');
  await app.setViewportSize({ width: 1280, height: 800 });

  // "Open login" signs in on login.acme.localhost: the tokens carry that host's issuer.
  const popup = app.waitForEvent('popup');
  await app.getByTestId('vd-host-login.acme.localhost-open').click();
  const login = await popup;
  await expect(login.locator('input[name="email"]')).toBeVisible();
  expect(new URL(login.url()).host).toBe(`login.acme.localhost:${port}`);
  await login.locator('input[name="email"]').fill('erin@consult.test');
  await login.locator('form button[type="submit"]').click();
  await login.locator('input[name="password"]').fill('orgbench-demo');
  await login.locator('form button[type="submit"]').click();
  await expect(login.getByTestId('org-badge')).toHaveText('Acme Corporation');
  await expect(login.getByTestId('claims').first()).toContainText(
    `http://login.acme.localhost:${port}/default/default`,
  );
  await login.close();
});
