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

  it('keeps evicting the older key of a set when its 32-bit write clock wraps', () => {
    const t = new PostingsTable(2, 2); // one set of two slots
    (t as unknown as { clock: number }).clock = 0x7fffffff - 3;
    t.add(1, 10);
    t.add(2, 20);
    t.add(1, 11); // key 1 is now the newer
    t.add(1, 12); // the clock wraps here: stamps are shifted down
    t.add(3, 30); // evicts key 2, the older
    expect(t.get(1)).toEqual([11, 12]);
    expect(t.get(2)).toEqual([]);
    expect(t.get(3)).toEqual([30]);
    t.add(4, 40); // now key 1 is the older
    expect(t.get(1)).toEqual([]);
    expect(t.get(3)).toEqual([30]);
    expect(t.size).toBe(2);
  });

  it('refuses a per-key cap it cannot store', () => {
    expect(() => new PostingsTable(0, 10)).toThrow(/perKey/);
    expect(() => new PostingsTable(300, 10)).toThrow(/perKey/);
  });
});
