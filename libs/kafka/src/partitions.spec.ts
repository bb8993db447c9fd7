import { describe, expect, it } from 'vitest';
import { partitionForKey } from './partitions';

describe('partitionForKey', () => {
  it('is the default partitioner: the same key always lands on the same partition, within range', () => {
    for (const key of ['_all', 'acme', '鲜达', 'a-very-long-watch-id-'.repeat(5)]) {
      const p = partitionForKey(key, 3);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(3);
      expect(partitionForKey(key, 3)).toBe(p);
    }
    // Fifty watches spread over all three partitions.
    const spread = new Set(Array.from({ length: 50 }, (_, i) => partitionForKey(`watch-${i}`, 3)));
    expect(spread.size).toBe(3);
  });

  it('refuses a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('acme', 0)).toThrow(/positive integer/);
    expect(() => partitionForKey('acme', 1.5)).toThrow(/positive integer/);
  });
});
