/**
 * What a hosted page needs from a resolved theme: its stylesheet, logo, brand name, texts,
 * footer and legal links. Every hosted page function takes one (optionally) and passes it
 * to `hostedPage()`, which draws the header and footer from it.
 */
import type { ThemeTexts } from '../model/theme';
import { html, type SafeHtml } from '../web/html';

export interface PageTheme {
  /** Same-origin URL of the theme stylesheet (linked after the base hosted stylesheet). */
  stylesheet: string;
  /** The org's (or workspace's) name: the logo's alt text and the title suffix. */
  brandName: string;
  /** Same-origin URL of the logo, or null for none. */
  logoSrc: string | null;
  texts: ThemeTexts;
  /** Forces the light or dark colours (previews); otherwise the browser's preference decides. */
  scheme?: 'light' | 'dark';
}

/** The logo at the top of the card. */
export function themeHeader(theme: PageTheme | undefined): SafeHtml {
  if (!theme?.logoSrc) return html``;
  return html`<header class="brand" data-testid="brand">
    <img class="brand-logo" src="${theme.logoSrc}" alt="${theme.brandName}" />
  </header>`;
}

/** The footer below the card: the theme's footer text and legal links. */
export function themeFooter(theme: PageTheme | undefined): SafeHtml {
  if (!theme) return html`<footer class="powered">Local identity by Orgbench</footer>`;
  const links = theme.texts.legalLinks;
  return html`<footer class="powered" data-testid="theme-footer">
    ${theme.texts.footer ? html`<span>${theme.texts.footer}</span>` : ''}
    ${
      links.length > 0
        ? html`<nav class="legal" aria-label="Legal">
            ${links.map((link) => html`<a href="${link.url}" rel="noopener noreferrer">${link.label}</a>`)}
          </nav>`
        : ''
    }
  </footer>`;
}

/** An org's branding on the vendor-styled pages of the mock IdP its connection uses. */
export interface CustomerBranding {
  /** The org's name. */
  name: string;
  logoSrc: string | null;
  /** Same-origin URL of the brand stylesheet (the org's primary colour on the vendor look). */
  stylesheet: string;
}

/** The customer's logo (or name) where the vendor page shows the tenant's branding. */
export function customerBrand(branding: CustomerBranding | undefined): SafeHtml {
  if (!branding) return html``;
  return html`<span class="customer-brand" data-testid="customer-brand"
    >${
      branding.logoSrc
        ? html`<img class="customer-logo" src="${branding.logoSrc}" alt="${branding.name}" />`
        : html`<strong>${branding.name}</strong>`
    }</span
  >`;
}
