import { describe, expect, it } from 'vitest';
import { HitCounter } from './hit-counter';

describe('HitCounter', () => {
  it('sums hits per key in first-hit order and starts clean after reset', () => {
    const h = new HitCounter();
    h.reset(4);
    for (const [k, by] of [[7, 1000], [3, 1], [7, 1], [900_001, 1], [3, 1]] as const) h.add(k, by);
    expect(Array.from({ length: h.size }, (_, j) => [h.keyAt(j), h.countAt(j)])).toEqual([[7, 1001], [3, 2], [900_001, 1]]);
    h.reset(4);
    h.add(3, 1);
    expect(h.size).toBe(1);
    expect(h.countAt(0)).toBe(1);
  });

  it('grows for a post with more distinct keys and refuses more than it was promised', () => {
    const h = new HitCounter();
    h.reset(500);
    for (let k = 0; k < 500; k++) h.add(k * 16, 1);
    expect(h.size).toBe(500);
    expect(h.keyAt(499)).toBe(499 * 16);
    h.reset(2);
    expect(() => { for (let k = 0; k < 1000; k++) h.add(k, 1); }).toThrow(/promised/);
  });
});
