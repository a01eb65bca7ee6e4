// The theme stylesheet and custom CSS limits: custom properties for light and dark (with the
// forced modes of previews), fonts, radius; custom CSS refused when it would load anything or
// leave its stylesheet, each refusal naming its line.
import { describe, expect, it } from 'vitest';
import { checkCustomCss, normalizeCustomCss } from '../../server/branding/custom-css';
import { cssVersion, mockIdpBrandCss, themeCss } from '../../server/branding/theme-css';
import { DEFAULT_THEME } from '../../server/model/theme';
import { resolveTheme } from '../../server/model/theme-resolve';

const org = { kind: 'org', id: 'org_a', name: 'A' } as const;
const valuesOf = (overrides: Parameters<typeof resolveTheme>[0][number]['overrides']) =>
  resolveTheme([{ source: org, overrides }]).values;

describe('themeCss', () => {
  it('sets the colours, radius and font as custom properties the hosted stylesheet draws with', () => {
    const css = themeCss(valuesOf({ colors: { primary: '#0b7285', onPrimary: '#fefefe' }, radius: 10, font: 'lato' }));
    expect(css).toContain('--accent: #0b7285;');
    expect(css).toContain('--on-accent: #fefefe;');
    expect(css).toContain('--radius: 10px; --radius-card: 18px;');
    expect(css).toContain("--font: 'Lato', system-ui, sans-serif;");
    expect(css).toContain("src: url(/_orgbench/fonts/lato-400.woff2) format('woff2')");
    expect(css).toContain("src: url(/_orgbench/fonts/lato-700.woff2) format('woff2')");
  });

  it('follows prefers-color-scheme with the dark colours, and lets a preview force either', () => {
    const css = themeCss(valuesOf({ dark: { colors: { primary: '#abcdef' } } }));
    expect(css).toMatch(
      /@media \(prefers-color-scheme: dark\) \{ :root:not\(\[data-scheme='light'\]\) \{ color-scheme: dark; [^}]*--accent: #abcdef;/,
    );
    expect(css).toMatch(/:root\[data-scheme='dark'\] \{ color-scheme: dark; [^}]*--accent: #abcdef;/);
    expect(css).toContain('color-scheme: light dark;');
  });

  it('without a dark variant stays light everywhere', () => {
    const css = themeCss(valuesOf({ dark: { enabled: false } }));
    expect(css).not.toContain('prefers-color-scheme');
    expect(css).toContain(':root { color-scheme: light;');
  });

  it('uses an uploaded font with its format, and appends custom CSS last', () => {
    const css = themeCss(valuesOf({ font: 'asset:ast_0123456789abcdef', customCss: 'h1 { color: red; }' }), {
      id: 'ast_0123456789abcdef',
      contentType: 'font/ttf',
    });
    expect(css).toContain("url(/_orgbench/assets/ast_0123456789abcdef) format('truetype')");
    expect(css).toContain("--font: 'Orgbench ast_0123456789abcdef'");
    expect(css.trimEnd().endsWith('h1 { color: red; }')).toBe(true);
  });

  it('the system font needs no font files, and the version changes with the content', () => {
    const css = themeCss(DEFAULT_THEME);
    expect(css).not.toContain('@font-face');
    expect(cssVersion(css)).toHaveLength(12);
    expect(cssVersion(css)).not.toBe(cssVersion(themeCss(valuesOf({ radius: 3 }))));
  });

  it('puts the customer colour on mock IdP pages of either protocol', () => {
    const css = mockIdpBrandCss(valuesOf({ colors: { primary: '#c2410c', onPrimary: '#ffffff' } }));
    expect(css).toContain('body.idp { --accent: #c2410c; --accent-text: #ffffff; }');
    expect(css).toContain("body[class^='idp-'] button:not(.secondary)");
  });
});

describe('checkCustomCss', () => {
  const first = (css: string) => checkCustomCss(css)[0];

  it('accepts plain rules, media queries, keyframes and uploaded assets', () => {
    expect(
      checkCustomCss(`
.card { box-shadow: none; }
@media (max-width: 600px) { .card { padding: 12px; } }
@keyframes pulse { from { opacity: 0.5; } to { opacity: 1; } }
body { background: url(/_orgbench/assets/ast_0123456789abcdef) no-repeat; }
h1::after { content: "\\201C"; }`),
    ).toEqual([]);
  });

  it.each([
    ['@import url(https://evil.example/x.css);', 1, '@import is not allowed'],
    ['a {}\n@font-face { font-family: x; src: url(https://evil.example/f.woff2); }', 2, '@font-face is not allowed'],
    [
      'a {}\n\nbody { background: url(https://evil.example/p.png); }',
      3,
      'url(https://evil.example/p.png) is not allowed',
    ],
    ['body { background: url("//evil.example/p.png"); }', 1, 'is not allowed'],
    ['body { background: url(data:image/png;base64,AAAA); }', 1, 'is not allowed'],
    ['body { background: image-set("x.png" 1x); }', 1, 'image-set() is not allowed'],
    ['body { width: expression(alert(1)); }', 1, 'expression() is not allowed'],
    ['body { background: \\75 rl(https://evil.example/p.png); }', 1, 'is not allowed'],
    ['body { behavior: url(x.htc); }', 1, 'behavior is not allowed'],
    ['body { -moz-binding: url(x.xml#x); }', 1, '-moz-binding is not allowed'],
    ['a { color: red }\n</style><script>alert(1)</script>', 2, '</style is not allowed'],
    ['a { color: red; }\n@namespace svg url(http://www.w3.org/2000/svg);', 2, '@namespace is not allowed'],
    ['a { color: red;\nb { color: blue }', 1, 'CSS syntax error'],
  ])('refuses %j at line %i', (css, line, message) => {
    const problem = first(css);
    expect(problem?.line).toBe(line);
    expect(problem?.message).toContain(message);
  });

  it('names the rule a problem is in', () => {
    expect(first('.x {}\n.hero { background: url(https://evil.example/p.png) }')?.message).toContain(
      'in "background: url(https://evil.example/p.png)"',
    );
  });

  it('normalizes accepted CSS as PostCSS prints it', () => {
    expect(normalizeCustomCss('  .a { color: red }  \n')).toBe('.a { color: red }');
  });
});
