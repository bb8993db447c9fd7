import { describe, expect, it } from 'vitest';
import { bucketTimes } from './time-buckets';

const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const MIN = 60_000;

describe('bucketTimes', () => {
  it('counts posts per minute when they span a few minutes, keeping empty minutes as zeros', () => {
    const r = bucketTimes([T0, T0 + 10_000, T0 + 3 * MIN + 5_000]);
    expect(r.widthMs).toBe(MIN);
    expect(r.buckets.map((b) => b.count)).toEqual([2, 0, 0, 1]);
    expect(r.buckets[0]!.start).toBe(T0);
  });

  it('widens the buckets so a long span stays within the cap, and loses no post', () => {
    const times = Array.from({ length: 128 }, (_, i) => T0 + i * 7 * MIN);
    const r = bucketTimes(times, 24);
    expect(r.widthMs).toBe(60 * MIN);
    expect(r.buckets.length).toBeLessThanOrEqual(24);
    expect(r.buckets.reduce((s, b) => s + b.count, 0)).toBe(128);
  });

  it('stays near the cap for a cluster spanning months', () => {
    const r = bucketTimes([T0, T0 + 90 * 24 * 60 * MIN], 24);
    expect(r.buckets.length).toBeLessThanOrEqual(25);
    expect(r.buckets.reduce((s, b) => s + b.count, 0)).toBe(2);
  });

  it('has no buckets without posts', () => {
    expect(bucketTimes([]).buckets).toEqual([]);
  });
});
