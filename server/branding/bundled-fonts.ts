/**
 * The bundled fonts (npm `@fontsource/*` packages), served from the protocol listener under
 * `/_orgbench/fonts/<id>-<weight>.woff2` so themed pages work with no network. Only the
 * Latin subset at a regular and a bold weight is served: what hosted pages draw.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BundledFontId } from '../model/theme';

export const FONTS_PATH = '/_orgbench/fonts/';

interface FontFiles {
  family: string;
  packageName: string;
  /** CSS weight → file name in the package's `files/` folder. */
  weights: Record<number, string>;
}

const FONT_FILES: Record<Exclude<BundledFontId, 'system'>, FontFiles> = {
  inter: {
    family: 'Inter',
    packageName: '@fontsource/inter',
    weights: { 400: 'inter-latin-400-normal.woff2', 600: 'inter-latin-600-normal.woff2' },
  },
  roboto: {
    family: 'Roboto',
    packageName: '@fontsource/roboto',
    weights: { 400: 'roboto-latin-400-normal.woff2', 600: 'roboto-latin-600-normal.woff2' },
  },
  lato: {
    family: 'Lato',
    packageName: '@fontsource/lato',
    weights: { 400: 'lato-latin-400-normal.woff2', 700: 'lato-latin-700-normal.woff2' },
  },
  merriweather: {
    family: 'Merriweather',
    packageName: '@fontsource/merriweather',
    weights: { 400: 'merriweather-latin-400-normal.woff2', 600: 'merriweather-latin-600-normal.woff2' },
  },
  'jetbrains-mono': {
    family: 'JetBrains Mono',
    packageName: '@fontsource/jetbrains-mono',
    weights: { 400: 'jetbrains-mono-latin-400-normal.woff2', 600: 'jetbrains-mono-latin-600-normal.woff2' },
  },
};

// Not named `require`: the server bundle already declares one at its top.
const resolveFrom = createRequire(import.meta.url);

/** `@font-face` rules of a bundled font (none for the system font). */
export function bundledFontFaces(id: BundledFontId): string {
  if (id === 'system') return '';
  const font = FONT_FILES[id];
  return Object.keys(font.weights)
    .map(
      (weight) =>
        `@font-face { font-family: '${font.family}'; font-style: normal; font-weight: ${weight}; font-display: swap;\n` +
        `  src: url(${FONTS_PATH}${id}-${weight}.woff2) format('woff2'); }`,
    )
    .join('\n');
}

const cache = new Map<string, Buffer>();

/** The bytes of `/_orgbench/fonts/<name>`, or undefined for an unknown name. */
export function bundledFontFile(name: string): Buffer | undefined {
  const match = /^([a-z-]+)-(\d{3})\.woff2$/.exec(name);
  if (!match) return undefined;
  const font = FONT_FILES[match[1] as keyof typeof FONT_FILES] as FontFiles | undefined;
  const file = font?.weights[Number(match[2])];
  if (!font || !file) return undefined;
  const cached = cache.get(name);
  if (cached) return cached;
  const data = readFileSync(join(dirname(resolveFrom.resolve(`${font.packageName}/package.json`)), 'files', file));
  cache.set(name, data);
  return data;
}
