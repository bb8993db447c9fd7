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
});
