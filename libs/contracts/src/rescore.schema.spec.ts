import { describe, expect, it } from 'vitest';
import { categoriesMoved } from './rescore.schema';

describe('categoriesMoved: when re-scoring sends a post its categories again', () => {
  it('when the category nudges were published after the version that scored the post', () => {
    expect(categoriesMoved(undefined, 1, 'positive', 'positive')).toBe(true);
    expect(categoriesMoved(1, 3, 'neutral', 'neutral')).toBe(true);
    expect(categoriesMoved(3, 3, 'neutral', 'neutral')).toBe(false);
    expect(categoriesMoved(2, undefined, 'neutral', 'neutral')).toBe(false);
  });

  it('when the model sentiment crossed into or out of negative (the `other` rule reads it), not between positive and neutral', () => {
    expect(categoriesMoved(1, undefined, 'positive', 'negative')).toBe(true);
    expect(categoriesMoved(1, undefined, 'negative', 'neutral')).toBe(true);
    expect(categoriesMoved(1, undefined, 'positive', 'neutral')).toBe(false);
    expect(categoriesMoved(1, undefined, 'negative', 'negative')).toBe(false);
  });
});
