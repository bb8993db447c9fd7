import { describe, expect, it } from 'vitest';
import { ClusterRecord } from './cluster-record';
import { termKey } from './hash';
import { mulberry32 } from './prng';

/** The plain definition: sort every term by weight (desc) then name, drop entity terms, take n. */
function reference(rec: ClusterRecord, n: number): string[] {
  const c = rec.centroid;
  return Array.from({ length: c.size }, (_, i) => [c.names[i]!, c.weights[i]!] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .filter(([t]) => !t.startsWith('@'))
    .slice(0, n)
    .map(([t]) => t);
}

describe('ClusterRecord.topTerms', () => {
  it('gives what a full sort gives, ties and entity terms included', () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      const rec = new ClusterRecord(`c${round}`);
      const size = Math.floor(rand() * 90);
      for (let i = 0; i < size; i++) {
        const name = rand() < 0.15 ? `@pl:小区${i}` : `t${Math.floor(rand() * 1000)}`;
        // Few distinct weights, so ties are common.
        const w = Math.floor(rand() * 6) / 2;
        rec.centroid.add(termKey(name), name, w);
      }
      for (const n of [0, 1, 5, 8, 200]) expect(rec.topTerms(n)).toEqual(reference(rec, n));
    }
  });
});
