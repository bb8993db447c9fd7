import { describe, expect, it } from 'vitest';
import { sameNudges } from './analysis-models.repository';

describe('sameNudges: whether a publication changes the category nudges', () => {
  const a = { ids: 'AAAA', weights: 'BBBB' };
  it('the same ids and weights per category, in any key order, are the same; none and none are the same', () => {
    expect(sameNudges(undefined, undefined)).toBe(true);
    expect(sameNudges(undefined, {})).toBe(true);
    expect(sameNudges({ x: a, y: { ids: 'C', weights: 'D' } }, { y: { ids: 'C', weights: 'D' }, x: { ...a } })).toBe(true);
  });
  it('a category added, dropped, or with other weights is a change', () => {
    expect(sameNudges(undefined, { x: a })).toBe(false);
    expect(sameNudges({ x: a }, {})).toBe(false);
    expect(sameNudges({ x: a }, { x: { ...a, weights: 'BBBC' } })).toBe(false);
    expect(sameNudges({ x: a }, { z: a })).toBe(false);
  });
});
