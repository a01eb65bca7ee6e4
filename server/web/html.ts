/**
 * Server-rendered HTML with escaping by default: every value interpolated into `html`
 * is escaped unless it is itself `html` (or explicitly `raw`).
 */
import { themeFooter, themeHeader, type PageTheme } from '../branding/page-theme';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup only (never user input). */
export const raw = (value: string): SafeHtml => new SafeHtml(value);

export const HOSTED_CSS_PATH = '/_orgbench/hosted.css';

/**
 * Content-Security-Policy of hosted pages: no scripts at all, styles from our origin. The
 * protocol listener narrows `frame-ancestors 'none'` to the Orgbench UI's origin
 * (protocol/frame-ancestors.ts).
 */
export const HOSTED_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'";

export interface DocumentOptions {
  /** The whole `<title>`. */
  title: string;
  stylesheet: string;
  /** A second stylesheet from our own origin (the theme's), after the first. */
  themeStylesheet?: string;
  /** Forces light or dark colours (`data-scheme` on `<html>`), for theme previews. */
  scheme?: 'light' | 'dark';
  /** A script from our own origin, deferred; only for pages whose CSP allows it. */
  script?: string;
  /** The `<body>` element. */
  body: SafeHtml;
}

/** A whole page around `body`, with the head every Orgbench page shares (no referrer, one stylesheet). */
export function htmlDocument(options: DocumentOptions): string {
  return html`<!doctype html>
    <html lang="en" ${options.scheme ? html`data-scheme="${options.scheme}"` : ''}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${options.title}</title>
        <link rel="stylesheet" href="${options.stylesheet}" />
        ${options.themeStylesheet ? html`<link rel="stylesheet" href="${options.themeStylesheet}" />` : ''}
        ${options.script ? html`<script src="${options.script}" defer></script>` : ''}
      </head>
      ${options.body}
    </html>`.value;
}

/** A page of Orgbench's own (hosted login, auto-post), `body` shown in its card. */
export function hostedPage(options: {
  title: string;
  body: SafeHtml;
  wide?: boolean;
  script?: string;
  /** The resolved theme of the org (or workspace): stylesheet, logo, footer and legal links. */
  theme?: PageTheme | undefined;
}): string {
  const theme = options.theme;
  return htmlDocument({
    title: `${options.title} · ${theme?.brandName ?? 'Orgbench'}`,
    stylesheet: HOSTED_CSS_PATH,
    ...(theme ? { themeStylesheet: theme.stylesheet, ...(theme.scheme ? { scheme: theme.scheme } : {}) } : {}),
    ...(options.script ? { script: options.script } : {}),
    body: html`<body>
      <main class="${options.wide ? 'card wide' : 'card'}">${themeHeader(theme)}${options.body}</main>
      ${themeFooter(theme)}
    </body>`,
  });
}
