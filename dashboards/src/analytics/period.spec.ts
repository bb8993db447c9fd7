import { describe, expect, it } from 'vitest';
import { periodOf } from './period';

// Local times: the spec builds its expectations with the same local-time constructors.
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('analytics periods', () => {
  const wed = new Date(2026, 2, 4, 15, 30); // Wednesday 4 March 2026, 15:30 local

  it('gives whole local days ending at midnight', () => {
    expect(periodOf('last7', wed)).toEqual({ from: local(2026, 2, 26), to: local(2026, 3, 5) });
    expect(periodOf('thisWeek', wed)).toEqual({ from: local(2026, 3, 2), to: local(2026, 3, 9) });
    expect(periodOf('lastWeek', wed)).toEqual({ from: local(2026, 2, 23), to: local(2026, 3, 2) });
    expect(periodOf('lastMonth', wed)).toEqual({ from: local(2026, 2, 1), to: local(2026, 3, 1) });
    // Sunday belongs to the week that started on Monday.
    expect(periodOf('thisWeek', new Date(2026, 2, 8, 23, 0))).toEqual({ from: local(2026, 3, 2), to: local(2026, 3, 9) });
  });

  it('custom dates are inclusive; a reversed or missing one gives no period', () => {
    expect(periodOf('custom', wed, { from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: local(2026, 1, 1), to: local(2026, 2, 1) });
    expect(periodOf('custom', wed, { from: '2026-02-01', to: '2026-01-31' })).toBeUndefined();
    expect(periodOf('custom', wed, { from: '2026-02-01' })).toBeUndefined();
  });
});
