import { describe, expect, it } from 'vitest';
import { ClusterRecord } from './cluster-record';
import { termKey } from './hash';
import { mulberry32 } from '../../../test/support/prng';
import { resolveConfig } from './config';
import { extractFeatures, type PostFeatures } from './features';
import { makeMention } from '../../../test/support/mention-factory';
import { TermStats } from './term-stats';

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

describe('ClusterRecord.sharedEntities', () => {
  /** The plain definition: the post's places, products and batches that the cluster's counts hold. */
  const reference = (rec: ClusterRecord, p: PostFeatures) =>
    p.places.filter((x) => rec.counts.places[x]).length +
    p.products.filter((x) => rec.counts.products[x]).length +
    p.orderBatches.filter((x) => rec.counts.orderBatches[x]).length;

  it('agrees with the counts after adds, absorbs, the per-kind cap and a round trip through the document', () => {
    const rand = mulberry32(17);
    const cfg = resolveConfig();
    const stats = new TermStats();
    const post = (i: number) => {
      const pick = (n: number) => Math.floor(rand() * n);
      return extractFeatures(
        makeMention({
          ext: `e${i}`,
          text: '外卖 超时 配送',
          at: 1_700_000_000_000 + i * 1000,
          places: rand() < 0.6 ? [{ name: `小区${pick(200)}`, kind: 'compound' }] : [],
          // The same word as a place and as a product must not match across kinds.
          products: rand() < 0.4 ? [rand() < 0.5 ? `Phone${pick(5)}` : `小区${pick(80)}`] : [],
          orderIds: rand() < 0.3 ? [`ORD${pick(9)}0000${i}`] : [],
        }),
        cfg,
        stats,
      );
    };
    let i = 0;
    for (let round = 0; round < 40; round++) {
      const a = new ClusterRecord(`a${round}`);
      const b = new ClusterRecord(`b${round}`);
      for (let k = 0; k < 120; k++) a.add(post(i++), cfg);
      for (let k = 0; k < 40; k++) b.add(post(i++), cfg);
      a.absorb(b, cfg);
      expect(Object.keys(a.counts.places)).toHaveLength(50); // the cap was reached
      const restored = ClusterRecord.fromDoc(a.toDoc());
      for (let k = 0; k < 30; k++) {
        const p = post(i++);
        expect(a.sharedEntities(p)).toBe(reference(a, p));
        expect(restored.sharedEntities(p)).toBe(reference(restored, p));
      }
    }
  });
});
