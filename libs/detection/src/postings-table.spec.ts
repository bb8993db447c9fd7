import { describe, expect, it } from 'vitest';
import { PostingsTable } from './postings-table';

describe('PostingsTable', () => {
  it('keeps the newest perKey ids per key, oldest first, and moves a re-added id to the end', () => {
    const t = new PostingsTable(3, 100);
    for (const id of [1, 2, 3]) t.add(42, id);
    expect(t.get(42)).toEqual([1, 2, 3]);
    t.add(42, 1);
    expect(t.get(42)).toEqual([2, 3, 1]);
    t.add(42, 1);
    expect(t.get(42)).toEqual([2, 3, 1]);
    t.add(42, 4);
    expect(t.get(42)).toEqual([3, 1, 4]);
    expect(t.get(7)).toEqual([]);
  });

  it('never holds more than maxKeys keys, and a key written recently survives the eviction of its set', () => {
    const t = new PostingsTable(2, 64);
    for (let k = 0; k < 10_000; k++) {
      t.add(k * 2654435761, k);
      t.add(-1, k); // written after every other key: always the newer of its set
      expect(t.size).toBeLessThanOrEqual(64);
    }
    expect(t.size).toBeGreaterThan(32);
    expect(t.get(-1)).toEqual([9_998, 9_999]);
    // Most old keys were evicted, the last one written is there.
    expect(t.get(9_999 * 2654435761)).toEqual([9_999]);
    t.clear();
    expect(t.size).toBe(0);
    expect(t.get(-1)).toEqual([]);
  });

  it('refuses a per-key cap it cannot store', () => {
    expect(() => new PostingsTable(0, 10)).toThrow(/perKey/);
    expect(() => new PostingsTable(300, 10)).toThrow(/perKey/);
  });
});
