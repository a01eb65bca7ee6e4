/**
 * Demo mode's keys, as a pure function of the key and the current view: 1–9 focus a
 * customer, ←/→ step through them, 0 or G go back to the grid, R restarts the login on
 * screen, Esc leaves.
 */

/** Which customer is shown large, or `null` for the grid. */
export type DemoFocus = number | null;

export type DemoAction =
  | { kind: 'focus'; index: number }
  | { kind: 'grid' }
  /** `index` null: every customer (from the grid). */
  | { kind: 'restart'; index: number | null }
  | { kind: 'leave' };

export interface DemoKey {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** What `key` does with `count` customers while `focus` is shown; `null` when nothing. */
export function demoKeyAction(event: DemoKey, focus: DemoFocus, count: number): DemoAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || count === 0) return null;
  const { key } = event;
  if (key === 'Escape') return { kind: 'leave' };
  if (key === '0' || key === 'g' || key === 'G') return { kind: 'grid' };
  if (key === 'r' || key === 'R') return { kind: 'restart', index: focus };
  if (/^[1-9]$/.test(key)) {
    const index = Number(key) - 1;
    return index < count ? { kind: 'focus', index } : null;
  }
  if (key === 'ArrowRight') return { kind: 'focus', index: focus === null ? 0 : (focus + 1) % count };
  if (key === 'ArrowLeft') return { kind: 'focus', index: focus === null ? count - 1 : (focus - 1 + count) % count };
  return null;
}

/** The legend shown in a corner of the demo screen. */
export function demoKeyLegend(count: number): string[] {
  return [
    count > 1 ? `1–${Math.min(count, 9)} customer` : '1 customer',
    '←/→ next',
    '0/G grid',
    'R restart',
    'Esc leave',
  ];
}
