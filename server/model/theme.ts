/**
 * Themes: per-organization branding of the hosted pages. A stored theme holds only the
 * parts it overrides; the resolved theme layers built-in default ← workspace theme ←
 * parent orgs' themes ← org theme. Shared by the server and the renderer (no Node imports).
 */
import { z } from 'zod';

export const COLOR_KEYS = [
  'primary',
  'onPrimary',
  'background',
  'surface',
  'text',
  'muted',
  'border',
  'error',
  'link',
] as const;
export type ColorKey = (typeof COLOR_KEYS)[number];
export type ThemeColors = Record<ColorKey, string>;

export const COLOR_LABELS: Record<ColorKey, string> = {
  primary: 'Primary',
  onPrimary: 'Button text',
  background: 'Page background',
  surface: 'Card',
  text: 'Text',
  muted: 'Muted text',
  border: 'Borders',
  error: 'Error',
  link: 'Links',
};

export const TEXT_KEYS = ['pageTitle', 'continueButton', 'signInButton', 'footer'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const TEXT_LIMITS: Record<TextKey, number> = {
  pageTitle: 60,
  continueButton: 40,
  signInButton: 40,
  footer: 200,
};

export interface LegalLink {
  label: string;
  url: string;
}

export type ThemeTexts = Record<TextKey, string> & { legalLinks: LegalLink[] };

/** A bundled font id, or `asset:<id>` for an uploaded font file. */
export type ThemeFont = string;

/** Every value a theme decides, fully resolved. */
export interface ThemeValues {
  /** Asset id of the logo; null for none. */
  logo: string | null;
  colors: ThemeColors;
  dark: { enabled: boolean; colors: ThemeColors };
  font: ThemeFont;
  /** Corner radius of inputs and buttons in px (cards use 1.75×). */
  radius: number;
  texts: ThemeTexts;
  customCss: string;
}

export const RADIUS_MAX = 24;
export const CUSTOM_CSS_MAX = 16 * 1024;
export const LEGAL_LINKS_MAX = 5;

/** Bundled fonts: served from the protocol listener, so they work offline. */
export const BUNDLED_FONTS = [
  { id: 'system', label: 'System UI', stack: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
  { id: 'inter', label: 'Inter', stack: "'Inter', system-ui, sans-serif" },
  { id: 'roboto', label: 'Roboto', stack: "'Roboto', system-ui, sans-serif" },
  { id: 'lato', label: 'Lato', stack: "'Lato', system-ui, sans-serif" },
  { id: 'merriweather', label: 'Merriweather (serif)', stack: "'Merriweather', Georgia, serif" },
  { id: 'jetbrains-mono', label: 'JetBrains Mono', stack: "'JetBrains Mono', ui-monospace, monospace" },
] as const;
export type BundledFontId = (typeof BUNDLED_FONTS)[number]['id'];

export const DEFAULT_THEME: ThemeValues = {
  logo: null,
  colors: {
    primary: '#4f46e5',
    onPrimary: '#ffffff',
    background: '#f6f7fb',
    surface: '#ffffff',
    text: '#1c2033',
    muted: '#646b82',
    border: '#e2e5ee',
    error: '#c2263c',
    link: '#4f46e5',
  },
  dark: {
    enabled: true,
    colors: {
      primary: '#818cf8',
      onPrimary: '#0d1020',
      background: '#0d1020',
      surface: '#151a2e',
      text: '#e6e8f2',
      muted: '#9aa1bd',
      border: '#2a3150',
      error: '#f2798b',
      link: '#a5b4fc',
    },
  },
  font: 'system',
  radius: 8,
  texts: {
    pageTitle: 'Sign in',
    continueButton: 'Continue',
    signInButton: 'Sign in',
    footer: 'Local identity by Orgbench',
    legalLinks: [],
  },
  customCss: '',
};

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #4f46e5')
  .transform((value) => value.toLowerCase());

const colorsOverrideSchema = z.strictObject(
  Object.fromEntries(COLOR_KEYS.map((key) => [key, hexColor.optional()])) as Record<
    ColorKey,
    z.ZodOptional<typeof hexColor>
  >,
);

const httpUrl = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const legalLinkSchema = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
  url: httpUrl,
});

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const textsOverrideSchema = z.strictObject({
  pageTitle: text(TEXT_LIMITS.pageTitle).min(1, 'must not be empty').optional(),
  continueButton: text(TEXT_LIMITS.continueButton).min(1, 'must not be empty').optional(),
  signInButton: text(TEXT_LIMITS.signInButton).min(1, 'must not be empty').optional(),
  footer: text(TEXT_LIMITS.footer).optional(),
  legalLinks: z.array(legalLinkSchema).max(LEGAL_LINKS_MAX, `at most ${LEGAL_LINKS_MAX} links`).optional(),
});

export const assetIdSchema = z.string().regex(/^ast_[A-Za-z0-9_-]{8,64}$/, 'must be an asset id (ast_…)');

const fontSchema = z.union(
  [
    z.enum(BUNDLED_FONTS.map((font) => font.id) as [BundledFontId, ...BundledFontId[]]),
    z.templateLiteral(['asset:', z.string().regex(/^ast_[A-Za-z0-9_-]{8,64}$/)]),
  ],
  { error: `must be one of ${BUNDLED_FONTS.map((font) => font.id).join(', ')} or asset:<uploaded font id>` },
);

/** A stored theme: only the parts it overrides. */
export const themeOverridesSchema = z.strictObject({
  logo: assetIdSchema.nullable().optional(),
  colors: colorsOverrideSchema.optional(),
  dark: z.strictObject({ enabled: z.boolean().optional(), colors: colorsOverrideSchema.optional() }).optional(),
  font: fontSchema.optional(),
  radius: z
    .number()
    .int('must be whole pixels')
    .min(0, 'must be at least 0')
    .max(RADIUS_MAX, `must be at most ${RADIUS_MAX}`)
    .optional(),
  texts: textsOverrideSchema.optional(),
  customCss: z.string().max(CUSTOM_CSS_MAX, `must be at most ${CUSTOM_CSS_MAX} characters`).optional(),
});
export type ThemeOverrides = z.output<typeof themeOverridesSchema>;
export type ThemeOverridesInput = z.input<typeof themeOverridesSchema>;

/** Where a theme is stored: a workspace (`tenant/workspace`) or an organization. */
export type ThemeScope = { kind: 'workspace'; tenantId: string; workspaceId: string } | { kind: 'org'; orgId: string };

/** Where a resolved value came from. */
export type ThemeSource =
  { kind: 'default' } | { kind: 'workspace'; id: string } | { kind: 'org'; id: string; name: string };

export interface ResolvedTheme {
  values: ThemeValues;
  /** Leaf path (`colors.primary`, `texts.legalLinks`, …) → the layer that set it. */
  sources: Record<string, ThemeSource>;
}

export interface StoredTheme {
  scope: ThemeScope;
  overrides: ThemeOverrides;
  updatedAt: string;
}

export interface ContrastWarning {
  scheme: 'light' | 'dark';
  foreground: ColorKey;
  background: ColorKey;
  ratio: number;
  /** 4.5 for text, 3 for large text and UI components (WCAG 2.1 AA). */
  required: number;
  message: string;
}

// ---- admin API shapes ------------------------------------------------------------------------

export const ASSET_KINDS = ['logo', 'font'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export interface ThemeAsset {
  id: string;
  kind: AssetKind;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export const ASSET_MAX_BYTES: Record<AssetKind, number> = { logo: 256 * 1024, font: 512 * 1024 };

export const uploadAssetSchema = z.strictObject({
  kind: z.enum(ASSET_KINDS),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  /** The file, base64-encoded. */
  data: z.string().min(1, 'must not be empty').max(1_000_000, 'is too large'),
});
export type UploadAssetInput = z.input<typeof uploadAssetSchema>;

export const PREVIEW_PAGES = [
  'identifier',
  'password',
  'mfa',
  'picker',
  'chooser',
  'error',
  'logout',
  'logged-out',
  'persona',
] as const;
export type PreviewPage = (typeof PREVIEW_PAGES)[number];

export const PREVIEW_PAGE_LABELS: Record<PreviewPage, string> = {
  identifier: 'Sign in',
  password: 'Password',
  mfa: 'MFA code',
  picker: 'Organization picker',
  error: 'Error',
  logout: 'Sign out',
  'logged-out': 'Signed out',
  chooser: 'Connection chooser',
  persona: 'Mock IdP persona picker',
};

export const createPreviewSchema = z.strictObject({
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('workspace'), tenantId: z.string().min(1), workspaceId: z.string().min(1) }),
    z.strictObject({ kind: z.literal('org'), orgId: z.string().min(1) }),
  ]),
  draft: themeOverridesSchema,
});
export type CreatePreviewInput = z.input<typeof createPreviewSchema>;

export interface ThemePreview {
  id: string;
  /** `<protocol>/_orgbench/preview/<id>/`; add `<page>?scheme=light|dark`. */
  url: string;
  expiresAt: string;
}

export interface ThemeResponse {
  scope: ThemeScope;
  overrides: ThemeOverrides;
  resolved: ResolvedTheme;
  /** Resolved without this scope's own overrides: what "reset to inherited" returns to. */
  inherited: ResolvedTheme;
  warnings: ContrastWarning[];
  updatedAt: string | null;
}
