import { describe, expect, it } from 'vitest';
import { HandleRing } from './handle-ring';
import { mulberry32 } from '../../../test/support/prng';

describe('HandleRing', () => {
  it('finds live items by handle, never reuses a handle, and misses stale ones, through growth', () => {
    const rand = mulberry32(4);
    const ring = new HandleRing<{ handle: number; name: string }>(4);
    const live = new Map<number, { handle: number; name: string }>();
    const dead: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      if (rand() < 0.55 || live.size === 0) {
        const item = { handle: 0, name: `i${i}` };
        ring.insert(item);
        expect(seen.has(item.handle)).toBe(false);
        seen.add(item.handle);
        live.set(item.handle, item);
      } else {
        const handles = [...live.keys()];
        const h = handles[Math.floor(rand() * handles.length)]!;
        ring.delete(h);
        live.delete(h);
        dead.push(h);
      }
      if (i % 500 === 0) {
        for (const [h, item] of live) expect(ring.get(h)).toBe(item);
        for (const h of dead.slice(-200)) expect(ring.get(h)).toBeUndefined();
        expect(ring.size).toBe(live.size);
      }
    }
    expect(live.size).toBeGreaterThan(1000); // it grew well past its first capacity
    ring.clear();
    expect(ring.size).toBe(0);
    for (const h of live.keys()) expect(ring.get(h)).toBeUndefined();
  });
});
