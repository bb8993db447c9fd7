import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { makeMention } from '../../../test/support/mention-factory';

const MIN = 60_000;
const NOW = Date.parse('2026-03-02T12:00:00Z');

/** Twelve households of one compound complaining within an hour: one active cluster. */
const storm = Array.from({ length: 12 }, (_, i) =>
  makeMention({
    ext: `s-${i}`,
    text: `翠湖苑小区外卖退款失败，客服一直不回复，已经等了${i + 2}天`,
    at: NOW - 60 * MIN + i * 3 * MIN,
    author: `resident-${i}`,
    categories: ['refund'],
    places: [{ name: '翠湖苑', kind: 'compound' }],
    sentiment: -0.8,
  }),
);
const farFuture = makeMention({ ext: 'poison', text: '翠湖苑小区外卖退款失败', at: '9999-12-31T23:59:59Z', author: 'x', categories: ['refund'], sentiment: -0.8 });

describe('the detector clock bound (issue 20, item 2)', () => {
  it('a post dated 9999-12-31 moves the clock no further than the bound, and evicts nothing', () => {
    const d = createDetector();
    d.setClockBound(NOW + 5 * MIN);
    for (const m of storm) d.process(m);
    const before = d.stats().clusters;
    expect(before).toBeGreaterThan(0);
    const out = d.process(farFuture);
    expect(d.stats().clock).toBeLessThanOrEqual(NOW + 5 * MIN);
    expect(out.clusterUpdates.filter((c) => c.status === 'evicted')).toEqual([]);
    expect(d.advanceTo('9999-12-31T00:00:00Z').clusterUpdates.filter((c) => c.status === 'evicted')).toEqual([]);
    expect(d.stats().clock).toBeLessThanOrEqual(NOW + 5 * MIN);
    expect(d.stats().clusters).toBeGreaterThanOrEqual(before);
  });

  it('a snapshot saved with a future clock does not bring that clock back', () => {
    const poisoned = createDetector();
    for (const m of storm) poisoned.process(m);
    poisoned.process(farFuture);
    const snap = poisoned.snapshot();
    expect(snap.clock).toBeGreaterThan(NOW + 365 * 24 * 60 * MIN);

    const d = createDetector();
    d.setClockBound(NOW + 5 * MIN);
    d.restore(snap);
    expect(d.stats().clock).toBeLessThanOrEqual(NOW + 5 * MIN);
    const fresh = createDetector();
    fresh.setClockBound(NOW + 5 * MIN);
    fresh.restoreClusters(snap.clusters.map((c) => ({ ...c, lastSeen: '9999-12-31T23:59:59.000Z' })));
    expect(fresh.stats().clock).toBeLessThanOrEqual(NOW + 5 * MIN);
  });

  it('without a bound, event time is the posts’ own (replays of history are unchanged)', () => {
    const d = createDetector();
    for (const m of storm) d.process(m);
    expect(d.stats().clock).toBe(Date.parse(storm.at(-1)!.publishedAt));
  });
});
