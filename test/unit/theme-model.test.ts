// The shared theme model: resolution through the layers with sources, reset to inherited,
// WCAG contrast ratios and the warnings a save returns, and schema refusals by field path.
import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, themeOverridesSchema } from '../../server/model/theme';
import { applyOverrides, resolveTheme, withoutPath, withPath } from '../../server/model/theme-resolve';
import { checkContrast, contrastRatio } from '../../server/model/theme-contrast';
import { parseInput } from '../../server/model/validation';
import type { ValidationError } from '../../server/errors';

const ws = { kind: 'workspace', id: 'default/default' } as const;
const acme = { kind: 'org', id: 'org_acme', name: 'Acme' } as const;
const europe = { kind: 'org', id: 'org_eu', name: 'Acme Europe' } as const;

describe('resolveTheme', () => {
  it('lays workspace, parent and org overrides over the default, nearest last, with each value’s source', () => {
    const resolved = resolveTheme([
      { source: ws, overrides: { radius: 2, colors: { primary: '#111111' }, texts: { footer: 'ws' } } },
      {
        source: acme,
        overrides: { colors: { primary: '#222222' }, texts: { legalLinks: [{ label: 'A', url: 'https://a.test' }] } },
      },
      { source: europe, overrides: { texts: { pageTitle: 'Bonjour' }, dark: { enabled: false } } },
    ]);
    expect(resolved.values.radius).toBe(2);
    expect(resolved.values.colors.primary).toBe('#222222');
    expect(resolved.values.colors.text).toBe(DEFAULT_THEME.colors.text);
    expect(resolved.values.texts).toMatchObject({ pageTitle: 'Bonjour', footer: 'ws', continueButton: 'Continue' });
    expect(resolved.values.dark.enabled).toBe(false);
    expect(resolved.sources).toMatchObject({
      radius: ws,
      'colors.primary': acme,
      'texts.legalLinks': acme,
      'texts.pageTitle': europe,
      'colors.text': { kind: 'default' },
    });
  });

  it('treats a list as one value (a child’s links replace the parent’s) and null logo as "no logo"', () => {
    const resolved = resolveTheme([
      {
        source: acme,
        overrides: {
          logo: 'ast_parentlogo1',
          texts: {
            legalLinks: [
              { label: 'A', url: 'https://a.test' },
              { label: 'B', url: 'https://b.test' },
            ],
          },
        },
      },
      { source: europe, overrides: { logo: null, texts: { legalLinks: [] } } },
    ]);
    expect(resolved.values.logo).toBeNull();
    expect(resolved.values.texts.legalLinks).toEqual([]);
    expect(resolved.sources.logo).toEqual(europe);
  });

  it('never changes the default or the layers it reads', () => {
    const layer = { colors: { primary: '#222222' } };
    const resolved = resolveTheme([{ source: acme, overrides: layer }]);
    resolved.values.colors.primary = '#000000';
    expect(DEFAULT_THEME.colors.primary).toBe('#4f46e5');
    expect(layer.colors.primary).toBe('#222222');
  });

  it('applyOverrides lays a draft over an inherited theme', () => {
    const inherited = resolveTheme([{ source: acme, overrides: { radius: 3 } }]);
    const drafted = applyOverrides(inherited, { texts: { footer: 'mine' } }, europe);
    expect(drafted.values).toMatchObject({ radius: 3, texts: { footer: 'mine' } });
    expect(drafted.sources['texts.footer']).toEqual(europe);
    expect(inherited.values.texts.footer).toBe(DEFAULT_THEME.texts.footer);
  });
});

describe('withPath / withoutPath', () => {
  it('sets a leaf and removes it again, dropping emptied groups', () => {
    const set = withPath({}, 'dark.colors.primary', '#123456');
    expect(set).toEqual({ dark: { colors: { primary: '#123456' } } });
    expect(withoutPath(set, 'dark.colors.primary')).toEqual({});
    const two = withPath(set, 'dark.enabled', true);
    expect(withoutPath(two, 'dark.colors.primary')).toEqual({ dark: { enabled: true } });
    expect(withoutPath({ radius: 4 }, 'texts.footer')).toEqual({ radius: 4 });
  });
});

describe('contrast', () => {
  it('computes WCAG 2 ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('the built-in default passes AA in light and dark', () => {
    expect(checkContrast(DEFAULT_THEME)).toEqual([]);
  });

  it('names each failing pair with its ratio and requirement, 4.5:1 for text and 3:1 for UI', () => {
    const values = resolveTheme([
      { source: acme, overrides: { colors: { primary: '#ffff00', muted: '#777777' }, dark: { enabled: false } } },
    ]).values;
    const warnings = checkContrast(values);
    const pairs = warnings.map((warning) => `${warning.foreground}/${warning.background}:${warning.required}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'onPrimary/primary:4.5',
        'primary/surface:3',
        'muted/surface:4.5',
        'muted/background:4.5',
      ]),
    );
    expect(pairs).not.toContain('text/surface:4.5');
    expect(warnings.find((warning) => warning.foreground === 'muted')?.ratio).toBeCloseTo(4.48, 2);
  });

  it('checks the dark colours only while the dark variant is on', () => {
    const dark = { dark: { colors: { text: '#20253d' } } };
    expect(checkContrast(resolveTheme([{ source: acme, overrides: dark }]).values).map((w) => w.scheme)).toContain(
      'dark',
    );
    const off = { dark: { enabled: false, colors: { text: '#20253d' } } };
    expect(checkContrast(resolveTheme([{ source: acme, overrides: off }]).values)).toEqual([]);
  });
});

describe('themeOverridesSchema', () => {
  const pathsOf = (input: unknown) => {
    try {
      parseInput(themeOverridesSchema, input);
      return [];
    } catch (error) {
      return (error as ValidationError).fields?.map((field) => field.path) ?? [];
    }
  };

  it('accepts a partial theme and lowercases colours', () => {
    expect(parseInput(themeOverridesSchema, { colors: { primary: '#ABCDEF' }, font: 'inter' })).toEqual({
      colors: { primary: '#abcdef' },
      font: 'inter',
    });
    expect(parseInput(themeOverridesSchema, { font: 'asset:ast_0123456789abcdef' }).font).toBe(
      'asset:ast_0123456789abcdef',
    );
  });

  it('refuses bad values by field path', () => {
    expect(pathsOf({ colors: { primary: '#fff' } })).toEqual(['colors.primary']);
    expect(pathsOf({ dark: { colors: { link: 'blue' } } })).toEqual(['dark.colors.link']);
    expect(
      pathsOf({
        texts: {
          legalLinks: [
            { label: 'ok', url: 'https://ok.test' },
            { label: 'x', url: 'data:text/html,x' },
          ],
        },
      }),
    ).toEqual(['texts.legalLinks[1].url']);
    expect(pathsOf({ texts: { pageTitle: '' } })).toEqual(['texts.pageTitle']);
    expect(pathsOf({ radius: 2.5 })).toEqual(['radius']);
    expect(pathsOf({ font: 'papyrus' })).toEqual(['font']);
    expect(pathsOf({ logo: 'https://evil.test/logo.png' })).toEqual(['logo']);
    expect(pathsOf({ colors: { accent: '#ffffff' } })).toEqual(['colors']);
    expect(pathsOf({ customCss: 'a'.repeat(16 * 1024 + 1) })).toEqual(['customCss']);
  });
});
