/**
 * A resolved theme as the stylesheet linked after the base hosted stylesheet: custom
 * properties for the light colours, the dark variant (following `prefers-color-scheme`,
 * or forced by `data-scheme` on `<html>` in previews), the font, the radius, then the
 * theme's custom CSS. The base stylesheet draws everything from these properties.
 */
import { createHash } from 'node:crypto';
import { BUNDLED_FONTS, type BundledFontId, type ThemeColors, type ThemeValues } from '../model/theme';
import { bundledFontFaces } from './bundled-fonts';

export const THEMES_PATH = '/_orgbench/themes/';
export const ASSETS_PATH = '/_orgbench/assets/';

/** An uploaded font the theme uses (its content type decides the `format()`). */
export interface FontAssetRef {
  id: string;
  contentType: string;
}

const FORMATS: Record<string, string> = { 'font/woff2': 'woff2', 'font/woff': 'woff', 'font/ttf': 'truetype' };

function colorProperties(colors: ThemeColors): string {
  return [
    `--accent: ${colors.primary};`,
    `--on-accent: ${colors.onPrimary};`,
    `--bg: ${colors.background};`,
    `--card: ${colors.surface};`,
    `--text: ${colors.text};`,
    `--muted: ${colors.muted};`,
    `--border: ${colors.border};`,
    `--danger: ${colors.error};`,
    `--danger-bg: color-mix(in srgb, ${colors.error} 12%, ${colors.surface});`,
    `--hint-bg: color-mix(in srgb, ${colors.primary} 10%, ${colors.surface});`,
    `--link: ${colors.link};`,
  ].join(' ');
}

function fontRules(font: string, asset: FontAssetRef | undefined): { faces: string; stack: string } {
  if (font.startsWith('asset:') && asset) {
    const family = `Orgbench ${asset.id}`;
    const format = FORMATS[asset.contentType] ?? 'woff2';
    return {
      faces: `@font-face { font-family: '${family}'; font-weight: 100 900; font-display: swap; src: url(${ASSETS_PATH}${asset.id}) format('${format}'); }`,
      stack: `'${family}', system-ui, sans-serif`,
    };
  }
  const bundled = BUNDLED_FONTS.find((candidate) => candidate.id === font) ?? BUNDLED_FONTS[0];
  return { faces: bundledFontFaces(bundled.id as BundledFontId), stack: bundled.stack };
}

/** The theme stylesheet of `values`; `fontAsset` is the uploaded font when `values.font` names one. */
export function themeCss(values: ThemeValues, fontAsset?: FontAssetRef): string {
  const font = fontRules(values.font, fontAsset);
  const radius = values.radius;
  const lines = [
    '/* Orgbench theme */',
    font.faces,
    `:root { color-scheme: ${values.dark.enabled ? 'light dark' : 'light'}; ${colorProperties(values.colors)}`,
    `  --radius: ${radius}px; --radius-card: ${Math.round(radius * 1.75)}px; --font: ${font.stack}; }`,
  ];
  if (values.dark.enabled) {
    const dark = colorProperties(values.dark.colors);
    lines.push(
      `@media (prefers-color-scheme: dark) { :root:not([data-scheme='light']) { color-scheme: dark; ${dark} } }`,
      `:root[data-scheme='dark'] { color-scheme: dark; ${dark} }`,
    );
  }
  lines.push(`:root[data-scheme='light'] { color-scheme: light; }`);
  if (values.customCss.trim()) lines.push('/* custom CSS */', values.customCss.trim());
  return `${lines.filter(Boolean).join('\n')}\n`;
}

/** A short content hash, for `?v=` cache busting. */
export function cssVersion(css: string): string {
  return createHash('sha256').update(css).digest('base64url').slice(0, 12);
}

/**
 * The customer's colours on a mock IdP's vendor-styled pages (as Okta's or Entra's
 * "company branding" does): buttons, avatars and links in the org's primary colour.
 */
export function mockIdpBrandCss(values: ThemeValues): string {
  const { primary, onPrimary } = values.colors;
  return [
    "/* Orgbench: the customer org's branding on a mock IdP page */",
    `body.idp { --accent: ${primary}; --accent-text: ${onPrimary}; }`,
    `body[class^='idp-'] button:not(.secondary), body[class^='idp-'] .avatar { background: ${primary}; border-color: ${primary}; color: ${onPrimary}; }`,
    `body[class^='idp-'] button.secondary, body[class^='idp-'] details summary { color: ${primary}; }`,
    // Only vendors whose card has a coloured top bar (Okta, Ping, SecureAuth) get it in the customer's colour.
    `body:is([class='idp-okta'], [class='idp-ping'], [class='idp-secureauth']) .idp-card { border-top-color: ${primary}; }`,
    '.customer-brand { display: inline-flex; align-items: center; gap: 10px; min-width: 0; }',
    '.customer-logo { max-height: 32px; max-width: 160px; object-fit: contain; }',
    '',
  ].join('\n');
}
