import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a } from './hash';
import { mulberry32 } from '../../../test/support/prng';
import { bandKeys, estimateJaccard, minhash, minhashOfHashes, shingleHashes, shingles } from './minhash';
import { poissonTailScore } from './poisson';

function jaccard(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  let inter = 0;
  for (const x of A) if (B.has(x)) inter++;
  return inter / (A.size + B.size - inter);
}

describe('minhash', () => {
  it('estimates Jaccard within sampling error', () => {
    const a = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const b = Array.from({ length: 100 }, (_, i) => `w${i + 50}`); // true J = 50/150
    const est = estimateJaccard(minhash(a, 256), minhash(b, 256));
    expect(Math.abs(est - jaccard(a, b))).toBeLessThan(0.08);
  });

  it('gives identical sets identical signatures and disjoint sets near zero', () => {
    const a = ['x', 'y', 'z', 'q'];
    expect(estimateJaccard(minhash(a, 64), minhash([...a].reverse(), 64))).toBe(1);
    expect(estimateJaccard(minhash(a, 64), minhash(['m', 'n', 'o', 'p'], 64))).toBeLessThan(0.1);
  });

  it('puts near-copies in a shared LSH band and unrelated texts in none', () => {
    const s1 = shingles(['配送', '送超', '超时', '时两', '两个', '小时', '饭菜', '全凉']);
    const s2 = shingles(['配送', '送超', '超时', '时两', '两个', '小时', '饭菜', '凉了']);
    const s3 = shingles(['客服', '态度', '很差', '退款', '不给']);
    const b1 = bandKeys(minhash(s1, 64), 16);
    const b2 = bandKeys(minhash(s2, 64), 16);
    const b3 = bandKeys(minhash(s3, 64), 16);
    expect(b1.some((k, i) => k === b2[i])).toBe(true);
    expect(b1.some((k, i) => k === b3[i])).toBe(false);
  });

  it('hashes shingles in place exactly as fnv1a of the shingle strings', () => {
    const tokens = ['配送员', 'Late', 'delivery', '超时', 'again', '', 'x', '凉', 'refund', 'NOW'];
    expect(shingleHashes(tokens)).toEqual(shingles(tokens).map((s) => fnv1a(s)));
    expect(minhashOfHashes(shingleHashes(tokens), 64)).toEqual(minhash(shingles(tokens), 64));
  });

  it('gives the plain definition: per i, the least fmix32(h1 + i·h2) over the shingles', () => {
    const rand = mulberry32(3);
    for (let round = 0; round < 200; round++) {
      const hashes = Array.from({ length: Math.floor(rand() * 30) }, () => Math.floor(rand() * 2 ** 32));
      const k = 1 + Math.floor(rand() * 100);
      const expected = Array.from({ length: k }, (_, i) =>
        hashes.reduce((min, h1) => Math.min(min, fmix32((h1 + Math.imul(i, fmix32(h1 ^ 0x5bd1e995) | 1)) >>> 0)), 0xffffffff),
      );
      expect(minhashOfHashes(hashes, k)).toEqual(expected);
    }
  });

  it('shingles Chinese by character bigrams and English by word bigrams', () => {
    expect(shingles(['配送员'])).toEqual(['配送', '送员']);
    expect(shingles(['late', 'delivery', 'again'])).toEqual(['late', 'late delivery', 'delivery again']);
  });
});

describe('poissonTailScore', () => {
  it('matches hand-computed tails', () => {
    // P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 0.5) = 0.0803
    expect(poissonTailScore(3, 1)).toBeCloseTo(-Math.log10(0.0803014), 3);
    expect(poissonTailScore(2, 1)).toBeCloseTo(-Math.log10(1 - 2 * Math.exp(-1)), 3);
    expect(poissonTailScore(300, 100)).toBeGreaterThan(40); // large-k path (Stirling)
  });
  it('is zero at or below the expectation and grows with surprise', () => {
    expect(poissonTailScore(5, 5)).toBe(0);
    expect(poissonTailScore(20, 5)).toBeGreaterThan(poissonTailScore(12, 5));
    expect(poissonTailScore(400, 300)).toBeGreaterThan(5);
  });
});
