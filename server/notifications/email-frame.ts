/**
 * The themed frame around an HTML email body: the org's logo (or name), primary colour
 * and font family, in the table layout mail clients render reliably. Templates write only
 * the body; a link with `class="button"` becomes a button in the org's colour.
 */
import { escapeHtml } from './render-template';

/** The parts of an org's theme an email uses. */
export interface EmailTheme {
  displayName: string;
  primaryColor: string;
  logoUrl?: string | undefined;
  fontFamily?: string | undefined;
}

/** Resolves the theme of an org (null: the workspace). Injected so the theme module can supply it. */
export type EmailThemeResolver = (orgId: string | null) => EmailTheme;

export const DEFAULT_PRIMARY = '#4f46e5';
const DEFAULT_FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Wraps a rendered body in the org's themed HTML document. */
export function frameEmail(input: { body: string; subject: string; locale: string; theme: EmailTheme }): string {
  const color = safeColor(input.theme.primaryColor);
  const font = safeFont(input.theme.fontFamily);
  const onColor = readableOn(color);
  const name = escapeHtml(input.theme.displayName);
  const logo = safeImageUrl(input.theme.logoUrl);
  const header = logo
    ? `<img src="${escapeHtml(logo)}" alt="${name}" height="40" style="display:block;max-height:40px;border:0">`
    : `<span style="font-size:20px;font-weight:700;color:${color}">${name}</span>`;
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.subject)}</title>
<style>
body { margin: 0; padding: 0; background: #f3f4f6; font-family: ${font}; color: #1f2937; }
a { color: ${color}; }
a.button { display: inline-block; padding: 12px 22px; border-radius: 6px; background: ${color};
  color: ${onColor}; text-decoration: none; font-weight: 600; }
p { line-height: 1.55; margin: 0 0 14px; }
.code { font-size: 28px; letter-spacing: 6px; font-weight: 700; color: ${color}; }
</style>
</head>
<body>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:24px 12px">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"
  style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${color};font-family:${font}">
<tr><td style="padding:24px 28px 8px">${header}</td></tr>
<tr><td style="padding:8px 28px 20px;font-size:15px">${input.body}</td></tr>
<tr><td style="padding:14px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280">${name}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** A `#rgb` / `#rrggbb` colour, or the default (a theme value must not break out of CSS). */
function safeColor(value: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim()) ? value.trim() : DEFAULT_PRIMARY;
}

function safeFont(value: string | undefined): string {
  const cleaned = (value ?? '').replace(/[^\w\s,'-]/g, '').trim();
  return cleaned ? `${cleaned}, ${DEFAULT_FONT}` : DEFAULT_FONT;
}

function safeImageUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /^(https?:\/\/|data:image\/(png|jpeg|gif|svg\+xml|webp);base64,)/i.test(value) ? value : undefined;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function readableOn(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(digits.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  return luminance > 0.179 ? '#111827' : '#ffffff';
}
