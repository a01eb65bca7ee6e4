/**
 * Themes of the demo orgs (`serve --demo`): acme, globex and initech each get a logo
 * (an SVG generated here), colours, a font, a radius and texts of their own, so three
 * login pages side by side look like three customers. Orgs that already have a theme,
 * or do not exist, are left alone.
 */
import type { ThemeOverridesInput } from '../model/theme';
import type { OrganizationService } from '../organizations/organization-service';
import type { ThemeService } from './theme-service';

interface DemoTheme {
  slug: string;
  logo: string;
  theme: Omit<ThemeOverridesInput, 'logo'>;
}

const svg = (width: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="48" viewBox="0 0 ${width} 48">${body}</svg>`;

const DEMO_THEMES: DemoTheme[] = [
  {
    slug: 'acme',
    logo: svg(
      168,
      '<path d="M24 4 L44 44 H4 Z" fill="#c2410c"/><path d="M24 18 L34 40 H14 Z" fill="#fed7aa"/>' +
        '<text x="54" y="34" font-family="Helvetica, Arial, sans-serif" font-size="26" font-weight="800" fill="#7c2d12">ACME</text>',
    ),
    theme: {
      colors: { primary: '#c2410c', onPrimary: '#ffffff', background: '#fff7ed', link: '#9a3412', border: '#fed7aa' },
      dark: {
        enabled: true,
        colors: {
          primary: '#fb923c',
          onPrimary: '#1c0a02',
          background: '#1c1410',
          surface: '#292018',
          link: '#fdba74',
        },
      },
      font: 'inter',
      radius: 6,
      texts: {
        pageTitle: 'Sign in to Acme',
        continueButton: 'Next',
        footer: '© Acme Corporation · Road Runner Division',
        legalLinks: [
          { label: 'Privacy', url: 'https://acme.test/privacy' },
          { label: 'Terms of use', url: 'https://acme.test/terms' },
        ],
      },
    },
  },
  {
    slug: 'globex',
    logo: svg(
      190,
      '<circle cx="24" cy="24" r="20" fill="#0b7285"/><ellipse cx="24" cy="24" rx="8" ry="20" fill="none" stroke="#e3fafc" stroke-width="2.5"/>' +
        '<path d="M5 18 H43 M5 30 H43" stroke="#e3fafc" stroke-width="2.5"/>' +
        '<text x="54" y="33" font-family="Georgia, serif" font-size="25" font-weight="700" fill="#0b4f5c">Globex</text>',
    ),
    theme: {
      colors: {
        primary: '#0b7285',
        background: '#e6f4f6',
        surface: '#ffffff',
        text: '#0b2a33',
        muted: '#4b6770',
        link: '#0b6375',
        border: '#b9dde3',
      },
      dark: { enabled: false },
      font: 'merriweather',
      radius: 14,
      texts: {
        pageTitle: 'Welcome to Globex',
        signInButton: 'Sign in securely',
        footer: 'Globex Corporation · Cypress Creek',
        legalLinks: [{ label: 'Privacy notice', url: 'https://globex.test/privacy' }],
      },
    },
  },
  {
    slug: 'initech',
    logo: svg(
      178,
      '<rect x="4" y="6" width="36" height="36" fill="#1f4e8c"/><rect x="12" y="14" width="8" height="20" fill="#ffffff"/>' +
        '<rect x="24" y="14" width="8" height="8" fill="#f2c94c"/>' +
        '<text x="50" y="33" font-family="Courier New, monospace" font-size="24" font-weight="700" fill="#1f2937">INITECH</text>',
    ),
    theme: {
      colors: {
        primary: '#1f4e8c',
        background: '#eceff3',
        surface: '#fbfbfa',
        text: '#1f2937',
        muted: '#4b5563',
        link: '#1f4e8c',
        border: '#9ca3af',
      },
      dark: {
        enabled: true,
        colors: {
          primary: '#f2c94c',
          onPrimary: '#1f2937',
          background: '#111827',
          surface: '#1f2937',
          link: '#f2c94c',
        },
      },
      font: 'jetbrains-mono',
      radius: 0,
      texts: {
        pageTitle: 'Initech employee sign-in',
        footer: 'Initech · Is this good for the company?',
        legalLinks: [{ label: 'Acceptable use', url: 'https://initech.test/tps-reports' }],
      },
      customCss: 'h1 { text-transform: uppercase; letter-spacing: 0.04em; font-size: 18px; }',
    },
  },
];

/** Gives the demo orgs their themes (idempotent); returns the slugs themed now. */
export function applyDemoThemes(services: { themes: ThemeService; orgs: OrganizationService }): string[] {
  const themed: string[] = [];
  for (const demo of DEMO_THEMES) {
    const org = services.orgs.find(demo.slug);
    if (!org || services.themes.get({ kind: 'org', orgId: org.id }).updatedAt !== null) continue;
    const logo = services.themes.uploadAsset({
      kind: 'logo',
      name: `${demo.slug}-logo.svg`,
      data: Buffer.from(demo.logo, 'utf8').toString('base64'),
    });
    services.themes.put({ kind: 'org', orgId: org.id }, { ...demo.theme, logo: logo.id });
    themed.push(demo.slug);
  }
  return themed;
}

/** The demo themes (for tests: each must pass the contrast check). */
export const DEMO_THEME_SLUGS = DEMO_THEMES.map((demo) => demo.slug);
export const demoThemeOverrides = (slug: string) => DEMO_THEMES.find((demo) => demo.slug === slug)?.theme;
export const demoThemeLogo = (slug: string) => DEMO_THEMES.find((demo) => demo.slug === slug)?.logo;
