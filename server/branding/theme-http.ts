/**
 * What the protocol listener serves for themes, same-origin with every hosted page (whose
 * CSP allows only `style-src 'self'`):
 *
 *   GET /_orgbench/themes/<tenant>/<workspace>/<org or _>.css?v=…   a page's theme stylesheet
 *   GET /_orgbench/themes/brand/<org>.css?v=…                       an org's colours on mock IdP pages
 *   GET /_orgbench/assets/<id>                                      uploaded logos and fonts
 *   GET /_orgbench/fonts/<font>-<weight>.woff2                      bundled fonts
 *   GET /_orgbench/preview/<id>/<page>?scheme=light|dark            a draft theme on a real page
 *   GET /_orgbench/preview/<id>/theme.css, brand.css                the draft's stylesheets
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PREVIEW_PAGES, type PreviewPage } from '../model/theme';
import type { OrganizationService } from '../organizations/organization-service';
import { HOSTED_PAGE_CSP, hostedPage, html } from '../web/html';
import { bundledFontFile, FONTS_PATH } from './bundled-fonts';
import { renderPreviewPage } from './preview-pages';
import { ASSETS_PATH, cssVersion, mockIdpBrandCss, THEMES_PATH } from './theme-css';
import { PREVIEW_PATH } from './theme-preview';
import type { ThemeService } from './theme-service';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Uploaded files never run: SVG may style itself, nothing else, and is sandboxed. */
const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export interface ThemeHttpDeps {
  themes: ThemeService;
  orgs: OrganizationService;
  /** The admin listener's URL: only the Orgbench UI there may frame previews. */
  adminUrl: string;
  onError: (error: unknown) => void;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string>,
) {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

function sendCss(res: ServerResponse, css: string, requested: string | null, version: string) {
  send(res, 200, 'text/css; charset=utf-8', css, {
    'Cache-Control': requested === version ? IMMUTABLE : 'no-cache',
    ETag: `"${version}"`,
  });
}

function notFound(res: ServerResponse, what: string) {
  send(res, 404, 'text/plain; charset=utf-8', `${what} not found.\n`, { 'Cache-Control': 'no-store' });
}

/** Serves a `/_orgbench/…` theme path; false when the path is not one of them. */
export function createThemeHttp(deps: ThemeHttpDeps) {
  const previewCsp = HOSTED_PAGE_CSP.replace(
    /frame-ancestors [^;]+/,
    `frame-ancestors ${new URL(deps.adminUrl).origin}`,
  );

  const preview = (res: ServerResponse, url: URL, rest: string) => {
    const [id = '', name = 'identifier', ...extra] = rest.split('/');
    const found = deps.themes.preview(id);
    if (!found || extra.length > 0) {
      const body = hostedPage({
        title: 'Preview expired',
        body: html`<h1>This preview has expired</h1>
          <p class="muted" data-testid="preview-expired">
            Previews live for 10 minutes. Edit the theme to get a new one.
          </p>`,
      });
      return send(res, 404, 'text/html; charset=utf-8', body, {
        'Cache-Control': 'no-store',
        'Content-Security-Policy': previewCsp,
      });
    }
    const base = `${PREVIEW_PATH}${id}`;
    if (name === 'theme.css') {
      const { css, version } = deps.themes.stylesheet(found.resolved);
      return sendCss(res, css, url.searchParams.get('v'), version);
    }
    const brandCss = mockIdpBrandCss(found.resolved.values);
    if (name === 'brand.css') return sendCss(res, brandCss, url.searchParams.get('v'), cssVersion(brandCss));
    const page = (PREVIEW_PAGES as readonly string[]).includes(name || 'identifier')
      ? ((name || 'identifier') as PreviewPage)
      : undefined;
    if (!page) return notFound(res, 'Preview page');
    const org = found.orgId ? deps.orgs.find(found.orgId) : undefined;
    const scheme = url.searchParams.get('scheme');
    const theme = deps.themes.pageThemeOf(
      found.resolved,
      `${base}/theme.css?v=${deps.themes.stylesheet(found.resolved).version}`,
      org?.name ?? 'Orgbench',
    );
    const body = renderPreviewPage({
      page,
      base,
      org,
      theme: { ...theme, ...(scheme === 'dark' || scheme === 'light' ? { scheme } : {}) },
      customer: {
        name: org?.name ?? 'Example Corp',
        logoSrc: theme.logoSrc,
        stylesheet: `${base}/brand.css?v=${cssVersion(brandCss)}`,
      },
    });
    send(res, 200, 'text/html; charset=utf-8', body, {
      'Cache-Control': 'no-store',
      'Content-Security-Policy': previewCsp,
      'Referrer-Policy': 'no-referrer',
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://orgbench.invalid');
    const path = url.pathname;
    if (path.startsWith(`${THEMES_PATH}brand/`) && path.endsWith('.css')) {
      const css = deps.themes.brandStylesheetOf(decodeURIComponent(path.slice(THEMES_PATH.length + 6, -4)));
      if (css === undefined) notFound(res, 'Stylesheet');
      else sendCss(res, css, url.searchParams.get('v'), cssVersion(css));
      return true;
    }
    if (path.startsWith(THEMES_PATH) && path.endsWith('.css')) {
      const sheet = deps.themes.stylesheetAt(path.slice(THEMES_PATH.length, -4));
      if (!sheet) notFound(res, 'Stylesheet');
      else sendCss(res, sheet.css, url.searchParams.get('v'), sheet.version);
      return true;
    }
    if (path.startsWith(ASSETS_PATH)) {
      const asset = deps.themes.assetData(decodeURIComponent(path.slice(ASSETS_PATH.length)));
      if (!asset) notFound(res, 'Asset');
      else {
        send(res, 200, asset.contentType, asset.data, {
          'Cache-Control': IMMUTABLE,
          ETag: `"${asset.sha256}"`,
          'Content-Security-Policy': ASSET_CSP,
          'Content-Disposition': 'inline',
        });
      }
      return true;
    }
    if (path.startsWith(FONTS_PATH)) {
      const font = bundledFontFile(path.slice(FONTS_PATH.length));
      if (!font) notFound(res, 'Font');
      else send(res, 200, 'font/woff2', font, { 'Cache-Control': IMMUTABLE });
      return true;
    }
    if (path.startsWith(PREVIEW_PATH)) {
      preview(res, url, path.slice(PREVIEW_PATH.length));
      return true;
    }
    return false;
  };

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    try {
      return handle(req, res);
    } catch (error) {
      deps.onError(error);
      if (!res.headersSent)
        send(res, 500, 'text/plain; charset=utf-8', 'Unexpected error.\n', { 'Cache-Control': 'no-store' });
      else res.destroy();
      return true;
    }
  };
}
