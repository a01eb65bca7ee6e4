/**
 * WCAG 2.1 AA contrast of a theme's colours: the pairs the hosted pages draw, each with the
 * ratio it needs (4.5:1 for text, 3:1 for large text and UI components).
 * Shared by the server (save warnings) and the renderer (warnings while editing).
 */
import { COLOR_LABELS, type ColorKey, type ContrastWarning, type ThemeColors, type ThemeValues } from './theme';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour pairs the hosted pages actually draw, with the AA ratio each needs. */
export const CONTRAST_PAIRS: { foreground: ColorKey; background: ColorKey; required: number; what: string }[] = [
  { foreground: 'text', background: 'surface', required: 4.5, what: 'text on the card' },
  { foreground: 'muted', background: 'surface', required: 4.5, what: 'muted text on the card' },
  { foreground: 'link', background: 'surface', required: 4.5, what: 'links on the card' },
  { foreground: 'error', background: 'surface', required: 4.5, what: 'error messages on the card' },
  { foreground: 'onPrimary', background: 'primary', required: 4.5, what: 'button labels' },
  { foreground: 'primary', background: 'surface', required: 3, what: 'buttons against the card' },
  { foreground: 'muted', background: 'background', required: 4.5, what: 'the footer on the page' },
];

/** Every drawn pair below WCAG AA, for the light colours and (when enabled) the dark ones. */
export function checkContrast(values: ThemeValues): ContrastWarning[] {
  const schemes: ['light' | 'dark', ThemeColors][] = [['light', values.colors]];
  if (values.dark.enabled) schemes.push(['dark', values.dark.colors]);
  const warnings: ContrastWarning[] = [];
  for (const [scheme, colors] of schemes) {
    for (const pair of CONTRAST_PAIRS) {
      const ratio = contrastRatio(colors[pair.foreground], colors[pair.background]);
      if (ratio + 1e-9 >= pair.required) continue;
      warnings.push({
        scheme,
        foreground: pair.foreground,
        background: pair.background,
        ratio: Math.round(ratio * 100) / 100,
        required: pair.required,
        message: `${scheme === 'dark' ? 'Dark: ' : ''}${pair.what} (${COLOR_LABELS[pair.foreground]} on ${COLOR_LABELS[pair.background]}) is ${ratio.toFixed(2)}:1, AA needs ${pair.required}:1`,
      });
    }
  }
  return warnings;
}
