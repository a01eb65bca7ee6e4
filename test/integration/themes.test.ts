// Themes over real HTTP: the admin API refuses bad input and changes nothing; every hosted
// page (identifier, password, picker, error, logout, mock IdP picker) wears the org's
// theme; assets and stylesheets are served same-origin with the right headers; a preview
// renders the draft on the real page and expires.
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { Browser } from '../helpers/browser-client';
import { movableClock } from '../helpers/account-flows';
import { defaultIssuer, demoLogin, orgId } from '../helpers/demo';
import { serverPerTest, startTestServer, type TestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp-dir';
import type { ThemeAsset, ThemePreview, ThemeResponse } from '../../server/model/theme';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c00"/></svg>';
const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64');

async function upload(server: TestServer, kind: 'logo' | 'font', name: string, data: string | Buffer) {
  return server.api('POST', '/api/themes/assets', { kind, name, data: b64(data) });
}

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The stylesheet and logo a hosted page links to. */
function themeOf(body: string) {
  return {
    stylesheet: /<link rel="stylesheet" href="(\/_orgbench\/themes\/[^"]+)"/.exec(body)?.[1]?.replace(/&amp;/g, '&'),
    logo: /<img class="brand-logo" src="([^"]+)"/.exec(body)?.[1],
  };
}

describe('theme admin API', () => {
  const ctx = serverPerTest({ demo: true });

  it('refuses bad themes with the field path and changes nothing', async () => {
    const { server } = ctx;
    const good = await server.api('PUT', '/api/themes/orgs/acme', { colors: { primary: '#123456' } });
    expect(good.status).toBe(200);
    const cases: [unknown, string][] = [
      [{ colors: { primary: 'red' } }, 'colors.primary'],
      [{ texts: { legalLinks: [{ label: 'Privacy', url: 'javascript:alert(1)' }] } }, 'texts.legalLinks[0].url'],
      [{ radius: 99 }, 'radius'],
      [{ font: 'comic-sans' }, 'font'],
      [{ logo: 'ast_doesnotexist' }, 'logo'],
      [{ customCss: 'a { color: red }\n@import url(https://evil.example/x.css);' }, 'customCss'],
      [{ customCss: 'body { background: url(https://evil.example/p.png) }' }, 'customCss'],
      [{ colours: {} }, ''],
    ];
    for (const [body, path] of cases) {
      const response = await server.api('PUT', '/api/themes/orgs/acme', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = (response.body as { error: { code: string; fields: { path: string; message: string }[] } }).error;
      expect(error.code).toBe('validation_failed');
      expect(error.fields.map((field) => field.path)).toContain(path);
    }
    const importError = await server.api('PUT', '/api/themes/orgs/acme', { customCss: 'a{}\n\n@import "x.css";' });
    expect(JSON.stringify(importError.body)).toContain('line 3: @import is not allowed');
    const after = (await server.api('GET', '/api/themes/orgs/acme')).body as ThemeResponse;
    expect(after.overrides).toEqual({ colors: { primary: '#123456' } });
    expect((await server.api('PUT', '/api/themes/orgs/no-such-org', {})).status).toBe(404);
  });

  it('resolves default ← workspace ← parent org ← org and says where each value came from', async () => {
    const { server } = ctx;
    await server.api('PUT', '/api/themes/workspaces/default/default', {
      radius: 4,
      texts: { footer: 'Workspace footer' },
    });
    await server.api('PUT', '/api/themes/orgs/acme', {
      colors: { primary: '#0b7285' },
      texts: { footer: 'Acme footer' },
    });
    const europe = await server.api('PUT', '/api/themes/orgs/acme-europe', { texts: { pageTitle: 'Bonjour' } });
    expect(europe.status).toBe(200);
    const theme = europe.body as ThemeResponse;
    expect(theme.resolved.values).toMatchObject({
      radius: 4,
      colors: { primary: '#0b7285', text: '#1c2033' },
      texts: { pageTitle: 'Bonjour', footer: 'Acme footer' },
    });
    expect(theme.resolved.sources.radius).toEqual({ kind: 'workspace', id: 'default/default' });
    expect(theme.resolved.sources['colors.primary']).toMatchObject({ kind: 'org', name: 'Acme Corporation' });
    expect(theme.resolved.sources['texts.pageTitle']).toMatchObject({ kind: 'org', name: 'Acme Europe' });
    expect(theme.resolved.sources['colors.text']).toEqual({ kind: 'default' });
    expect(theme.inherited.values.texts.pageTitle).toBe('Sign in');
    // A grandchild inherits through both parents.
    const france = (await server.api('GET', '/api/themes/resolved?org=acme-france')).body as ThemeResponse['resolved'];
    expect(france.values.texts.pageTitle).toBe('Bonjour');
    expect(france.values.colors.primary).toBe('#0b7285');
  });

  it('answers a save with the colour pairs that fail WCAG AA', async () => {
    const response = await ctx.server.api('PUT', '/api/themes/orgs/globex', {
      colors: { primary: '#ffff00', onPrimary: '#ffffff', muted: '#bbbbbb' },
      dark: { enabled: false },
    });
    expect(response.status).toBe(200);
    const warnings = (response.body as ThemeResponse).warnings;
    expect(warnings.map((warning) => `${warning.foreground}/${warning.background}`)).toEqual(
      expect.arrayContaining(['onPrimary/primary', 'muted/surface', 'primary/surface']),
    );
    expect(warnings.every((warning) => warning.scheme === 'light' && warning.ratio < warning.required)).toBe(true);
  });

  it('stores logos and fonts checked by their bytes and serves them with their type and nosniff', async () => {
    const { server } = ctx;
    const png = await upload(server, 'logo', 'logo.png', PNG);
    expect(png.status).toBe(201);
    const asset = png.body as ThemeAsset;
    expect(asset).toMatchObject({ kind: 'logo', contentType: 'image/png', size: PNG.length });
    const served = await fetch(`${server.protocolUrl}/_orgbench/assets/${asset.id}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);

    const svg = (await upload(server, 'logo', 'logo.svg', LOGO_SVG)).body as ThemeAsset;
    const svgServed = await get(`${server.protocolUrl}/_orgbench/assets/${svg.id}`);
    expect(svgServed.headers.get('content-type')).toBe('image/svg+xml');
    expect(svgServed.headers.get('content-security-policy')).toContain('sandbox');
    expect(svgServed.headers.get('content-security-policy')).toContain("default-src 'none'");

    const refused: [string, string | Buffer, string][] = [
      [
        'logo',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'SVG must not contain <script>',
      ],
      ['logo', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 'event handlers'],
      ['logo', '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>', 'outside'],
      ['logo', 'GIF89a not accepted', 'is not a PNG, JPEG, WebP or SVG file'],
      ['font', PNG, 'is not a WOFF2, WOFF or TrueType'],
      ['logo', Buffer.concat([PNG, Buffer.alloc(300 * 1024)]), 'at most 256 KiB'],
    ];
    for (const [kind, data, message] of refused) {
      const response = await upload(server, kind as 'logo', 'x', data);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(message);
    }
    const font = await upload(server, 'font', 'brand.woff2', Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)]));
    expect(font.body).toMatchObject({ kind: 'font', contentType: 'font/woff2' });
    const listed = (await server.api('GET', '/api/themes/assets')).body as { assets: ThemeAsset[] };
    // The demo's logos are there too; the three uploaded here are listed with them.
    for (const id of [asset.id, svg.id, (font.body as ThemeAsset).id])
      expect(listed.assets.map((item) => item.id)).toContain(id);

    await server.api('PUT', '/api/themes/orgs/acme', { logo: asset.id });
    expect((await server.api('DELETE', `/api/themes/assets/${asset.id}`)).status).toBe(409);
    expect((await server.api('DELETE', `/api/themes/assets/${svg.id}`)).status).toBe(204);
    expect((await get(`${server.protocolUrl}/_orgbench/assets/${svg.id}`)).status).toBe(404);
  });

  it('serves the bundled fonts from the protocol listener', async () => {
    const font = await fetch(`${ctx.server.protocolUrl}/_orgbench/fonts/inter-400.woff2`);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(
      Buffer.from(await font.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('wOF2');
    expect((await fetch(`${ctx.server.protocolUrl}/_orgbench/fonts/nope-400.woff2`)).status).toBe(404);
  });
});

describe('hosted pages wear the theme', () => {
  const ctx = serverPerTest({ demo: true });

  const themeAcme = async (server: TestServer) => {
    const logo = (await upload(server, 'logo', 'acme.svg', LOGO_SVG)).body as ThemeAsset;
    await server.api('PUT', '/api/themes/orgs/acme', {
      logo: logo.id,
      colors: { primary: '#c2410c' },
      font: 'lato',
      texts: {
        pageTitle: 'Sign in to Acme',
        signInButton: 'Enter Acme',
        footer: 'Acme footer text',
        legalLinks: [{ label: 'Acme privacy', url: 'https://acme.test/privacy' }],
      },
      customCss: '.card { outline: 2px solid #c2410c; }',
    });
    await server.api('PUT', '/api/themes/workspaces/default/default', { texts: { pageTitle: 'Workspace sign-in' } });
    return logo;
  };

  it('identifier, password and picker pages link the theme stylesheet, logo and texts', async () => {
    const { server } = ctx;
    const logo = await themeAcme(server);
    const acme = await orgId(server, 'acme');
    const result = await demoLogin(server, { organization: 'acme' });
    const password = result.browser.history.find((hop) => hop.body.includes('name="password"'))?.body ?? '';
    const theme = themeOf(password);
    expect(theme.stylesheet).toMatch(new RegExp(`^/_orgbench/themes/default/default/${acme}\\.css\\?v=`));
    expect(theme.logo).toBe(`/_orgbench/assets/${logo.id}`);
    expect(password).toContain('Enter Acme');
    expect(password).toContain('Acme footer text');
    expect(password).toContain('href="https://acme.test/privacy"');
    expect(password).toContain('<title>Enter your password · Acme Corporation</title>');

    const css = await get(`${server.protocolUrl}${theme.stylesheet}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(css.body).toContain('--accent: #c2410c;');
    expect(css.body).toContain("font-family: 'Lato'");
    expect(css.body).toContain('.card { outline: 2px solid #c2410c; }');

    // No org yet: the identifier page wears the workspace theme; the picker too.
    const erin = await demoLogin(server, { email: 'erin@consult.test', pick: 'globex' });
    const identifier = erin.browser.history.find((hop) => hop.body.includes('name="email"'))?.body ?? '';
    expect(identifier).toContain('<h1>Workspace sign-in</h1>');
    expect(themeOf(identifier).stylesheet).toMatch(/^\/_orgbench\/themes\/default\/default\/_\.css\?v=/);
    const picker = erin.browser.history.find((hop) => hop.body.includes('name="organization"'))?.body ?? '';
    expect(themeOf(picker).stylesheet).toMatch(/^\/_orgbench\/themes\/default\/default\/_\.css/);
  });

  it('error, logout and signed-out pages wear the theme too', async () => {
    const { server } = ctx;
    await themeAcme(server);
    const expired = await new Browser().request(`${defaultIssuer(server)}/interaction/not-a-real-uid`);
    expect(expired.status).toBe(400);
    expect(themeOf(expired.body).stylesheet).toMatch(/^\/_orgbench\/themes\/default\/default\/_\.css/);

    const result = await demoLogin(server, { organization: 'acme' });
    const endSession = oidc.buildEndSessionUrl(result.config, {
      id_token_hint: result.tokens.id_token ?? '',
      post_logout_redirect_uri: `${server.protocolUrl}/sample`,
    });
    const confirm = await result.browser.follow(endSession.href, `${server.protocolUrl}/sample`);
    expect(confirm.body).toContain('Sign out?');
    expect(themeOf(confirm.body).stylesheet).toMatch(/^\/_orgbench\/themes\/default\/default\/_\.css/);
    expect(confirm.body).toContain('<h1>Sign out?</h1>');
  });

  it("the mock IdP's persona picker shows the customer's logo and colour on the vendor look", async () => {
    const { server } = ctx;
    const logo = await themeAcme(server);
    const connections = (await server.api('GET', '/api/orgs/acme/connections')).body as {
      connections: { id: string }[];
    };
    const connection = connections.connections[0]?.id ?? '';
    const page = await get(`${server.protocolUrl}/mock/saml/acme-okta/login?connection=${connection}`);
    expect(page.body).toContain('data-testid="mock-idp-page"');
    expect(page.body).toContain(`class="customer-logo" src="/_orgbench/assets/${logo.id}"`);
    const brand = /href="(\/_orgbench\/themes\/brand\/[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect((await get(`${server.protocolUrl}${brand}`)).body).toContain('--accent: #c2410c');
  });
});

describe('theme previews', () => {
  it('render the draft on the real page, framable only by the admin UI, and expire', async () => {
    const clock = movableClock();
    const dir = makeTempDir();
    const server = await startTestServer({ demo: true }, dir, { clock });
    try {
      const draft = { colors: { primary: '#2f9e44' }, texts: { pageTitle: 'Draft title', footer: 'Draft footer' } };
      const bad = await server.api('POST', '/api/themes/previews', {
        scope: { kind: 'org', orgId: 'acme' },
        draft: { customCss: 'body { behavior: url(x.htc) }' },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('draft.customCss');

      const before = ((await server.api('GET', '/api/themes/orgs/acme')).body as ThemeResponse).updatedAt;
      const created = await server.api('POST', '/api/themes/previews', {
        scope: { kind: 'org', orgId: 'acme' },
        draft,
      });
      expect(created.status).toBe(201);
      const preview = created.body as ThemePreview;
      expect(preview.url.startsWith(`${server.protocolUrl}/_orgbench/preview/`)).toBe(true);
      expect(preview.id.length).toBeGreaterThanOrEqual(24);

      const page = await get(`${preview.url}identifier?scheme=dark`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<h1>Draft title</h1>');
      expect(page.body).toContain('Draft footer');
      expect(page.body).toContain('data-scheme="dark"');
      expect(page.body).toContain('data-org="acme"');
      expect(page.headers.get('content-security-policy')).toContain(
        `frame-ancestors ${new URL(server.adminUrl).origin}`,
      );
      expect(page.headers.get('cache-control')).toBe('no-store');
      const css = /href="(\/_orgbench\/preview\/[^"]+theme\.css[^"]*)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
      expect((await get(`${server.protocolUrl}${css}`)).body).toContain('--accent: #2f9e44;');
      for (const name of ['password', 'mfa', 'picker', 'chooser', 'error', 'logout', 'logged-out', 'persona']) {
        const other = await get(`${preview.url}${name}`);
        expect(other.status, name).toBe(200);
        expect(other.body, name).toMatch(/_orgbench\/preview\/[^"]+\/(theme|brand)\.css/);
      }
      // The stored theme did not change.
      expect(((await server.api('GET', '/api/themes/orgs/acme')).body as ThemeResponse).updatedAt).toBe(before);

      clock.advance(11 * 60 * 1000);
      const expired = await get(`${preview.url}identifier`);
      expect(expired.status).toBe(404);
      expect(expired.body).toContain('This preview has expired');
    } finally {
      await server.stop();
      dir.remove();
    }
  });
});
