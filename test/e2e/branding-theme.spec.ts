// Branding → Themes on the demo workspace: a sub-organization inherits its parent's theme
// (shown as such), edits show up in the live preview rendered by the server (the real page),
// a bad custom CSS is named before saving, a logo is uploaded, low contrast is warned about
// and confirmed, and the saved theme is what the admin API returns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoThemeLogo, demoThemeOverrides, DEMO_THEME_SLUGS } from '../../server/branding/demo-themes';
import type { ThemeAsset, ThemeResponse } from '../../server/model/theme';
import { adminGet, expect, scrollToTop, snap, test } from './fixtures';

test.use({ demo: true });

const LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40">' +
    '<rect x="2" y="4" width="32" height="32" rx="6" fill="#0b7285"/>' +
    '<text x="44" y="28" font-family="Arial" font-size="22" font-weight="700" fill="#0b4f5c">Labs</text></svg>',
);

async function adminPut(app: Page, server: { adminUrl: string; dataDir: string }, path: string, data: unknown) {
  const token = readFileSync(join(server.dataDir, 'admin-token'), 'utf8').trim();
  const response = await app.request.fetch(`${server.adminUrl}${path}`, {
    method: path.endsWith('/assets') ? 'POST' : 'PUT',
    headers: { authorization: `Bearer ${token}` },
    data,
  });
  expect(response.ok()).toBe(true);
  return response.json() as Promise<unknown>;
}

test('themes: inheritance, live preview of the real page, custom CSS errors, logo upload, contrast check, save', async ({
  app,
  server,
}) => {
  // The parent org's theme, set as a script would: Acme Labs inherits it.
  await adminPut(app, server, '/api/themes/orgs/acme', {
    colors: { primary: '#c2410c', link: '#9a3412' },
    texts: { footer: '© Acme Corporation' },
  });

  await app.getByTestId('nav-branding').click();
  await app.getByTestId('branding-tab-theme').click();
  await expect(app.getByTestId('theme-tab')).toBeVisible();
  await app.getByTestId('theme-scope-search').fill('acme-labs');
  await expect(app.getByTestId('theme-scope')).toHaveValue(/^org:/);
  await expect(app.getByTestId('theme-inherited-colors.primary')).toHaveText('from Acme Corporation');
  await expect(app.getByTestId('theme-inherited-colors.primary')).toHaveAttribute(
    'title',
    'Inherited from Acme Corporation',
  );
  await expect(app.getByTestId('theme-color-colors.primary')).toHaveValue('#c2410c');
  await expect(app.getByTestId('theme-inherited-radius')).toHaveText('default');

  const preview = app.frameLocator('[data-testid="theme-preview-frame"]');
  await expect(preview.locator('h1')).toHaveText('Sign in');
  await expect(preview.locator('[data-testid="theme-footer"]')).toContainText('© Acme Corporation');
  await expect(preview.locator('button[type="submit"]')).toHaveCSS('background-color', 'rgb(194, 65, 12)');

  // Edits reach the preview: the server renders the real identifier page with the draft.
  await app.getByTestId('theme-text-pageTitle').fill('Sign in to Acme Labs');
  await app.getByTestId('theme-color-colors.primary').fill('#0b7285');
  await expect(app.getByTestId('theme-reset-colors.primary')).toBeVisible();
  await expect(preview.locator('h1')).toHaveText('Sign in to Acme Labs');
  await expect(preview.locator('button[type="submit"]')).toHaveCSS('background-color', 'rgb(11, 114, 133)');
  await app.getByTestId('theme-radius').fill('16');
  await expect(preview.locator('button[type="submit"]')).toHaveCSS('border-radius', '16px');

  // A logo uploaded here is chosen at once and drawn on the page.
  await app.getByTestId('theme-logo-file').setInputFiles({ name: 'labs.svg', mimeType: 'image/svg+xml', buffer: LOGO });
  await expect(app.getByTestId('theme-logo')).toHaveValue(/^ast_/);
  await expect(preview.locator('img.brand-logo')).toBeVisible();

  // Fonts: a file that is no font is refused beside the field; a WOFF2 is taken; a bundled one is served.
  await app.getByTestId('theme-font-file').setInputFiles({ name: 'logo.woff2', mimeType: 'font/woff2', buffer: LOGO });
  await expect(app.getByTestId('theme-error-font')).toContainText('is not a WOFF2, WOFF or TrueType');
  const woff2 = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]);
  await app
    .getByTestId('theme-font-file')
    .setInputFiles({ name: 'brand.woff2', mimeType: 'font/woff2', buffer: woff2 });
  await expect(app.getByTestId('theme-font')).toHaveValue(/^asset:ast_/);
  await expect(app.getByTestId('theme-error-font')).toHaveCount(0);
  await app.getByTestId('theme-font').selectOption('inter');
  await expect(preview.locator('body')).toHaveCSS('font-family', /^Inter/);

  // Custom CSS that would load from elsewhere is named with its line before saving.
  await app
    .getByTestId('theme-custom-css')
    .fill('.card { border-width: 2px; }\n@import url(https://cdn.example/x.css);');
  await expect(app.getByTestId('theme-error-customCss')).toContainText('line 2: @import is not allowed');
  await app.getByTestId('theme-custom-css').fill('.card { border-width: 2px; }');
  await expect(app.getByTestId('theme-error-customCss')).toHaveCount(0);

  // Other pages and the dark variant, forced in the preview.
  await app.getByTestId('theme-preview-page').selectOption('password');
  await expect(preview.locator('input[type="password"]')).toBeVisible();
  await app.getByTestId('theme-preview-dark').click();
  await expect(preview.locator('html')).toHaveAttribute('data-scheme', 'dark');
  await scrollToTop(app.getByTestId('theme-tab'));
  await snap(app, 'branding-theme-preview-dark');
  await app.getByTestId('theme-preview-light').click();
  await app.getByTestId('theme-preview-page').selectOption('identifier');
  await expect(preview.locator('h1')).toHaveText('Sign in to Acme Labs');
  await expect(app.getByTestId('theme-state')).toHaveText('Unsaved changes');
  await scrollToTop(app.getByTestId('theme-tab'));
  await snap(app, 'branding-theme-editor');

  // Pale text on the buttons: warned about, and saving asks first.
  await app.getByTestId('theme-color-colors.onPrimary').fill('#9fd8e0');
  await expect(app.getByTestId('theme-contrast-warnings')).toContainText('Button text on Primary');
  await scrollToTop(app.getByTestId('theme-tab'));
  await snap(app, 'branding-theme-contrast-warning');
  await app.getByTestId('theme-save').click();
  await expect(app.getByTestId('theme-contrast-confirm')).toBeVisible();
  await expect(app.getByTestId('theme-contrast-confirm-list')).toContainText('Button text on Primary');
  await snap(app, 'branding-theme-contrast-confirm');
  await app.getByTestId('theme-contrast-confirm-cancel').click();
  await app.getByTestId('theme-color-colors.onPrimary').fill('#ffffff');
  await expect(app.getByTestId('theme-contrast-warnings')).toHaveCount(0);
  await app.getByTestId('theme-save').click();
  await expect(app.getByTestId('theme-state')).toHaveText('Saved');
  await app.getByTestId('toast').getByRole('button', { name: 'Dismiss' }).click();

  const labs = await adminGet<{ id: string }>(app, server, '/api/orgs/acme-labs');
  const saved = await adminGet<ThemeResponse>(app, server, `/api/themes/orgs/${labs.id}`);
  const assets = await adminGet<{ assets: ThemeAsset[] }>(app, server, '/api/themes/assets');
  expect(saved.overrides).toMatchObject({
    colors: { primary: '#0b7285', onPrimary: '#ffffff' },
    radius: 16,
    font: 'inter',
    texts: { pageTitle: 'Sign in to Acme Labs' },
    customCss: '.card { border-width: 2px; }',
  });
  expect(assets.assets.find((asset) => asset.id === saved.overrides.logo)?.name).toBe('labs.svg');
  expect(saved.resolved.sources['texts.footer']).toMatchObject({ kind: 'org', name: 'Acme Corporation' });

  // Reset to inherited takes the parent's value again.
  await app.getByTestId('theme-reset-texts.pageTitle').click();
  await expect(app.getByTestId('theme-inherited-texts.pageTitle')).toBeVisible();
  await expect(preview.locator('h1')).toHaveText('Sign in');
  await app.getByTestId('theme-discard').click();
  await expect(app.getByTestId('theme-state')).toHaveText('Saved');
  await expect(preview.locator('h1')).toHaveText('Sign in to Acme Labs');
  // "Reset all" inherits everything again until saved; discard keeps the saved theme.
  await app.getByTestId('theme-reset-all').click();
  await expect(app.getByTestId('theme-color-colors.primary')).toHaveValue('#c2410c');
  await expect(preview.locator('button[type="submit"]')).toHaveCSS('background-color', 'rgb(194, 65, 12)');
  await app.getByTestId('theme-discard').click();
  await expect(preview.locator('h1')).toHaveText('Sign in to Acme Labs');
  await scrollToTop(app.getByTestId('theme-tab'));
  await snap(app, 'branding-theme-saved');

  await app.setViewportSize({ width: 600, height: 900 });
  await expect(preview.locator('h1')).toHaveText('Sign in to Acme Labs');
  await scrollToTop(app.getByTestId('theme-tab'));
  await snap(app, 'branding-theme-narrow');
  await scrollToTop(app.getByTestId('theme-section-colors'));
  await snap(app, 'branding-theme-narrow-colors');
});

test('demo themes: acme, globex and initech sign-in pages and a customer-branded mock IdP', async ({ app, server }) => {
  const users: Record<string, string> = {
    acme: 'alice@acme.test',
    globex: 'bob@globex.test',
    initech: 'carol@initech.test',
  };
  for (const slug of DEMO_THEME_SLUGS) {
    const logo = (await adminPut(app, server, '/api/themes/assets', {
      kind: 'logo',
      name: `${slug}.svg`,
      data: Buffer.from(demoThemeLogo(slug) ?? '').toString('base64'),
    })) as ThemeAsset;
    await adminPut(app, server, `/api/themes/orgs/${slug}`, { ...demoThemeOverrides(slug), logo: logo.id });
  }
  const titles: Record<string, string> = {
    acme: 'Enter your password · Acme Corporation',
    globex: 'Enter your password · Globex',
    initech: 'Enter your password · Initech',
  };
  for (const slug of DEMO_THEME_SLUGS) {
    const query = new URLSearchParams({ organization: slug, login_hint: users[slug] ?? '' });
    await app.goto(`${server.protocolUrl}/sample/start?${query.toString()}`);
    await expect(app.locator('input[type="password"]')).toBeVisible();
    await expect(app).toHaveTitle(titles[slug] ?? '');
    await expect(app.locator('img.brand-logo')).toBeVisible();
    await expect(app.getByTestId('theme-footer')).toContainText(demoThemeOverrides(slug)?.texts?.footer ?? '');
    await snap(app, `hosted-theme-${slug}`);
  }
  // Acme's own IdP (a mock Okta) shows Acme's logo and colour on the Okta look.
  await app.goto(`${server.protocolUrl}/sample/start?organization=acme`);
  await expect(app.getByTestId('mock-idp-page')).toBeVisible();
  await expect(app.getByTestId('customer-brand').locator('img')).toHaveAttribute('alt', 'Acme Corporation');
  await expect(app.locator('.idp-persona button').first()).toHaveCSS('background-color', 'rgb(194, 65, 12)');
  await snap(app, 'hosted-theme-acme-mock-idp');
  // Globex's mock Entra ID (OIDC): Globex's logo where Microsoft's would be, Globex's colour.
  await app.goto(`${server.protocolUrl}/sample/start?organization=globex`);
  await expect(app.getByTestId('mock-idp-page')).toHaveAttribute('data-preset', 'entra');
  await expect(app.getByTestId('customer-brand').locator('img')).toHaveAttribute('alt', 'Globex');
  await expect(app.getByTestId('persona').first().locator('button')).toHaveCSS('background-color', 'rgb(11, 114, 133)');
  await snap(app, 'hosted-theme-globex-mock-idp');
});
