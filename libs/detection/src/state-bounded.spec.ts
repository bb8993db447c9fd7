import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { makeMention } from '../../../test/support/mention-factory';
import { mulberry32 } from '../../../test/support/prng';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');

/** The largest Map, Set or array reachable from `root` (typed arrays excluded), skipping the properties named. */
function largestCollection(root: object, skip: ReadonlySet<string>): { path: string; size: number } {
  let best = { path: '', size: 0 };
  const seen = new Set<object>();
  const queue: Array<[unknown, string]> = [[root, 'detector']];
  for (let i = 0; i < queue.length; i++) {
    const [v, p] = queue[i]!;
    if (v === null || typeof v !== 'object' || seen.has(v) || ArrayBuffer.isView(v)) continue;
    seen.add(v);
    // An array counts its filled slots: a preallocated ring (the clusters by handle) is not per-post state.
    const size = v instanceof Map || v instanceof Set ? v.size : Array.isArray(v) ? v.reduce((k: number, x) => (x === undefined ? k : k + 1), 0) : -1;
    if (size > best.size) best = { path: p, size };
    if (v instanceof Map) for (const x of v.values()) queue.push([x, `${p}[]`]);
    else if (v instanceof Set || Array.isArray(v)) for (const x of v) queue.push([x, `${p}[]`]);
    else for (const [k, x] of Object.entries(v)) if (!skip.has(k)) queue.push([x, `${p}.${k}`]);
  }
  return best;
}

describe('the detector keeps no per-post state beyond its seen set', () => {
  it('after 15,000 complaints with their own ids over 10 days, no other collection holds more than maxClusters entries', () => {
    const d = createDetector();
    const rand = mulberry32(5);
    const words = ['delivery', 'late', 'refund', 'missing', 'cold', 'driver', 'rude', 'app', 'crash', 'login', 'charged', 'twice', 'order', 'wrong'];
    const n = 15_000;
    for (let i = 0; i < n; i++) {
      const text = Array.from({ length: 5 }, () => words[Math.floor(rand() * words.length)]!).join(' ');
      d.process(makeMention({ ext: `p-${i}`, text, at: T0 + Math.floor((i / n) * 10 * DAY), author: `u${Math.floor(rand() * 5000)}` }));
    }
    // The seen set is bounded by its own cap and hours (seen-set.ts): 72 h of this stream is ~4,500 ids.
    expect(d.stats().seen).toBeLessThan(10_000);
    const largest = largestCollection(d, new Set(['seen']));
    expect(largest.size, largest.path).toBeLessThanOrEqual(d.config.clustering.maxClusters);
    // ~2 s on a quiet machine; the shared one is often ten times slower.
  }, 120_000);
});
