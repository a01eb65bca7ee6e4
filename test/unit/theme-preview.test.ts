// Preview ids are unguessable, previews expire after their TTL and their number is bounded;
// the demo themes give three distinct looks that pass the contrast check.
import { describe, expect, it } from 'vitest';
import { demoThemeLogo, demoThemeOverrides, DEMO_THEME_SLUGS } from '../../server/branding/demo-themes';
import { checkAsset } from '../../server/branding/theme-assets';
import { PreviewStore } from '../../server/branding/theme-preview';
import { themeOverridesSchema } from '../../server/model/theme';
import { resolveTheme } from '../../server/model/theme-resolve';
import { checkContrast } from '../../server/model/theme-contrast';

function frozenClock(start = Date.parse('2026-05-01T10:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('PreviewStore', () => {
  const scope = { kind: 'org', orgId: 'org_a' } as const;

  it('gives each preview a long random id and forgets it after the TTL', () => {
    const clock = frozenClock();
    const store = new PreviewStore(clock, 60_000, 10);
    const a = store.create(scope, { radius: 1 });
    const b = store.create(scope, { radius: 2 });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a.id).not.toBe(b.id);
    expect(store.get(a.id)?.draft).toEqual({ radius: 1 });
    clock.advance(59_999);
    expect(store.get(a.id)).toBeDefined();
    clock.advance(1);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('keeps at most `max` previews, dropping the oldest', () => {
    const store = new PreviewStore(frozenClock(), 60_000, 3);
    const ids = [1, 2, 3, 4].map((radius) => store.create(scope, { radius }).id);
    expect(store.size).toBe(3);
    expect(store.get(ids[0] ?? '')).toBeUndefined();
    expect(store.get(ids[3] ?? '')?.draft).toEqual({ radius: 4 });
  });
});

describe('demo themes', () => {
  it('acme, globex and initech get valid, distinct themes that pass WCAG AA', () => {
    expect(DEMO_THEME_SLUGS).toEqual(['acme', 'globex', 'initech']);
    const primaries = new Set<string>();
    for (const slug of DEMO_THEME_SLUGS) {
      const overrides = themeOverridesSchema.parse(demoThemeOverrides(slug));
      const values = resolveTheme([{ source: { kind: 'org', id: slug, name: slug }, overrides }]).values;
      expect(checkContrast(values), slug).toEqual([]);
      primaries.add(values.colors.primary);
      expect(checkAsset('logo', Buffer.from(demoThemeLogo(slug) ?? ''))).toBe('image/svg+xml');
    }
    expect(primaries.size).toBe(3);
  });
});
