import { describe, expect, it } from 'vitest';
import { heaviestFirst } from './features';
import { mulberry32 } from '../../../test/support/prng';

describe('heaviestFirst', () => {
  it('gives the first `limit` indexes of a sort by weight (desc) then term', () => {
    const rand = mulberry32(21);
    for (let round = 0; round < 500; round++) {
      const n = Math.floor(rand() * 60);
      const w = Array.from({ length: n }, () => Math.floor(rand() * 5) / 4); // few values: many ties
      const terms = Array.from({ length: n }, (_, i) => `t${(i * 7919) % 101}-${i}`);
      const limit = Math.floor(rand() * 40);
      const expected = Array.from({ length: n }, (_, i) => i)
        .sort((x, y) => w[y]! - w[x]! || (terms[x]! < terms[y]! ? -1 : 1))
        .slice(0, limit);
      expect(heaviestFirst(w, terms, limit)).toEqual(expected);
    }
  });
});
