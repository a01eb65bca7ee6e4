import { describe, expect, it } from 'vitest';
import { demoKeyAction, demoKeyLegend } from '../../renderer/src/pages/branding/demo/demo-keys';

describe('demo mode keys', () => {
  it('focuses a customer by number, only when there is one', () => {
    expect(demoKeyAction({ key: '1' }, null, 3)).toEqual({ kind: 'focus', index: 0 });
    expect(demoKeyAction({ key: '3' }, 0, 3)).toEqual({ kind: 'focus', index: 2 });
    expect(demoKeyAction({ key: '4' }, null, 3)).toBeNull();
  });

  it('steps with the arrows, wrapping around, from the grid to the first or last', () => {
    expect(demoKeyAction({ key: 'ArrowRight' }, null, 3)).toEqual({ kind: 'focus', index: 0 });
    expect(demoKeyAction({ key: 'ArrowRight' }, 2, 3)).toEqual({ kind: 'focus', index: 0 });
    expect(demoKeyAction({ key: 'ArrowLeft' }, null, 3)).toEqual({ kind: 'focus', index: 2 });
    expect(demoKeyAction({ key: 'ArrowLeft' }, 0, 3)).toEqual({ kind: 'focus', index: 2 });
  });

  it('goes back to the grid, restarts what is on screen, leaves', () => {
    expect(demoKeyAction({ key: '0' }, 1, 3)).toEqual({ kind: 'grid' });
    expect(demoKeyAction({ key: 'G' }, 1, 3)).toEqual({ kind: 'grid' });
    expect(demoKeyAction({ key: 'r' }, 1, 3)).toEqual({ kind: 'restart', index: 1 });
    expect(demoKeyAction({ key: 'R' }, null, 3)).toEqual({ kind: 'restart', index: null });
    expect(demoKeyAction({ key: 'Escape' }, null, 3)).toEqual({ kind: 'leave' });
  });

  it('ignores other keys, shortcuts with modifiers, and an empty screen', () => {
    expect(demoKeyAction({ key: 'x' }, null, 3)).toBeNull();
    expect(demoKeyAction({ key: '1', ctrlKey: true }, null, 3)).toBeNull();
    expect(demoKeyAction({ key: 'r', metaKey: true }, null, 3)).toBeNull();
    expect(demoKeyAction({ key: '1' }, null, 0)).toBeNull();
  });

  it('names the keys that exist in the legend', () => {
    expect(demoKeyLegend(3)[0]).toBe('1–3 customer');
    expect(demoKeyLegend(1)[0]).toBe('1 customer');
  });
});
