import { describe, expect, it } from 'vitest';
import { indexNames } from './index';

const names = indexNames('v-');
const now = new Date('2026-12-06T12:00:00Z');

describe('mentionsIndex.monthly via search.names.mentionsFor (issue 20, item 3)', () => {
  it('routes recent posts to their month', () => {
    expect(names.mentionsFor('2026-12-01T00:00:00Z', { now })).toBe('v-mentions-2026.12');
    expect(names.mentionsFor('2026-01-15T00:00:00Z', { now })).toBe('v-mentions-2026.01');
    expect(names.mentionsFor('2025-01-31T23:59:59Z', { now })).toBe('v-mentions-2025.01');
  });

  it('sends anything older than the window to one archive index, anything later to next month at most', () => {
    expect(names.mentionsFor('2024-12-31T23:59:59Z', { now })).toBe('v-mentions-archive');
    expect(names.mentionsFor('1970-01-01T00:00:00Z', { now })).toBe('v-mentions-archive');
    expect(names.mentionsFor('2027-01-01T00:00:10Z', { now })).toBe('v-mentions-2027.01');
    expect(names.mentionsFor('9999-12-31T23:59:59Z', { now })).toBe('v-mentions-2027.01');
  });

  it('makes a bounded set of indices however the dates are spread', () => {
    const seen = new Set<string>();
    for (let y = 1900; y < 10000; y += 7) for (let m = 0; m < 12; m++) seen.add(names.mentionsFor(new Date(Date.UTC(y, m, 3)), { now, months: 6 }));
    expect(seen.size).toBeLessThanOrEqual(6 + 2);
    expect(seen).toContain('v-mentions-archive');
  });
});
