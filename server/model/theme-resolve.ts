/**
 * Theme resolution: stored overrides laid over the built-in default, nearest last, with the
 * source of every value; and the leaf edits the editor makes ("set here", "reset to inherited").
 * Shared by the server and the renderer (no Node imports).
 */
import {
  DEFAULT_THEME,
  type ResolvedTheme,
  type ThemeOverrides,
  type ThemeSource,
  type ThemeValues,
  COLOR_KEYS,
  TEXT_KEYS,
} from './theme';

/** Leaf paths of a theme; `texts.legalLinks` is one leaf (a list is replaced whole). */
export const THEME_LEAF_PATHS: string[] = [
  'logo',
  ...COLOR_KEYS.map((key) => `colors.${key}`),
  'dark.enabled',
  ...COLOR_KEYS.map((key) => `dark.colors.${key}`),
  'font',
  'radius',
  ...TEXT_KEYS.map((key) => `texts.${key}`),
  'texts.legalLinks',
  'customCss',
];

/** The value at a dotted path of an object, or undefined. */
export function readPath(source: unknown, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] ?? ''] = value;
}

/** Layers theme overrides over the default, nearest last; records each value's source. */
export function resolveTheme(layers: { source: ThemeSource; overrides: ThemeOverrides }[]): ResolvedTheme {
  const values = structuredClone(DEFAULT_THEME) as unknown as Record<string, unknown>;
  const sources: Record<string, ThemeSource> = {};
  for (const path of THEME_LEAF_PATHS) {
    sources[path] = { kind: 'default' };
    for (const layer of layers) {
      const value = readPath(layer.overrides, path);
      if (value === undefined) continue;
      writePath(values, path, structuredClone(value));
      sources[path] = layer.source;
    }
  }
  return { values: values as unknown as ThemeValues, sources };
}

/** `base` with `overrides` laid over it (a draft over what a scope inherits), each set value's source `source`. */
export function applyOverrides(base: ResolvedTheme, overrides: ThemeOverrides, source: ThemeSource): ResolvedTheme {
  const values = structuredClone(base.values) as unknown as Record<string, unknown>;
  const sources = { ...base.sources };
  for (const path of THEME_LEAF_PATHS) {
    const value = readPath(overrides, path);
    if (value === undefined) continue;
    writePath(values, path, structuredClone(value));
    sources[path] = source;
  }
  return { values: values as unknown as ThemeValues, sources };
}

/** The overrides without the leaf at `path` (for "reset to inherited"). */
export function withoutPath(overrides: ThemeOverrides, path: string): ThemeOverrides {
  const copy = structuredClone(overrides) as Record<string, unknown>;
  const parts = path.split('.');
  const parents: Record<string, unknown>[] = [copy];
  let node: unknown = copy;
  for (const part of parts.slice(0, -1)) {
    node = (node as Record<string, unknown> | undefined)?.[part];
    if (node === null || typeof node !== 'object') return copy as ThemeOverrides;
    parents.push(node as Record<string, unknown>);
  }
  delete parents[parents.length - 1]?.[parts[parts.length - 1] ?? ''];
  // Drop the emptied groups so the stored theme stays minimal.
  for (let index = parents.length - 1; index > 0; index -= 1) {
    if (Object.keys(parents[index] ?? {}).length === 0) delete parents[index - 1]?.[parts[index - 1] ?? ''];
  }
  return copy as ThemeOverrides;
}

/** With `value` set at `path` (a leaf of THEME_LEAF_PATHS). */
export function withPath(overrides: ThemeOverrides, path: string, value: unknown): ThemeOverrides {
  const copy = structuredClone(overrides) as Record<string, unknown>;
  writePath(copy, path, value);
  return copy as ThemeOverrides;
}
