import { describe, expect, it } from 'vitest';
import { compileLabels, decodeSparse, encodeSparse, nudges } from './learned-labels';

describe('learned label nudges', () => {
  const emotion = new Map([[3, 0.5], [10, -0.25]]);
  const logistics = new Map([[3, 1], [7, 2]]);

  it('survive storing (ids and weights, base64)', () => {
    expect([...decodeSparse(encodeSparse(logistics))]).toEqual([...logistics]);
    expect(() => decodeSparse({ ids: encodeSparse(logistics).ids, weights: '' })).toThrow(/2 ids and 0 weights/);
  });

  it('score a post per component in one pass: the weights of its features over the square root of their count', () => {
    const c = compileLabels({ emotion, categories: { logistics } }, 4);
    const out = nudges(c, [3, 7, 9, 12]);
    expect(out[0]).toBeCloseTo(0.5 / 2);
    expect(out[c.categories.get('logistics')!]).toBeCloseTo(3 / 2);
    expect([...nudges(c, [])]).toEqual([0, 0]);
  });

  it('find each nudged id by rank in the bit map, at the edges of its 32-id words too', () => {
    const ids = [0, 1, 30, 31, 32, 63, 64, 1000, 2 ** 18 - 2, 2 ** 18 - 1];
    const c = compileLabels({ emotion: new Map(ids.map((f, i) => [f, i + 1])), categories: { logistics: new Map([[31, 100], [33, 7]]) } });
    for (const [i, f] of ids.entries()) expect(nudges(c, [f])[0], `id ${f}`).toBe(i + 1);
    expect([...nudges(c, [31])]).toEqual([4, 100]);
    expect([...nudges(c, [2, 33, 65, 2 ** 18 - 3])]).toEqual([0, 7 / 2]);
  });
});
