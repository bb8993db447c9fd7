import { describe, expect, it } from 'vitest';
import { decodeVectorModel, encodeVectorModel, vectorPositiveProb, vectorRows } from './sentiment-vectors';
import { trainVectors } from './training/train-vectors';

const BITS = 12;
const rows = [
  ...['great phone, love it', 'really great service', 'love the screen', 'great value and fast', 'i love this place'].map((text) => ({ text, y: 1 })),
  ...['awful phone, hate it', 'really awful service', 'hate the screen', 'awful value and slow', 'i hate this place'].map((text) => ({ text, y: 0 })),
];

describe('sentiment vectors', () => {
  const m = trainVectors(rows, { bits: BITS, dim: 4, epochs: 60, lr: 0.5 });

  it('learns polarity from labelled rows and keeps it for a new sentence of the same words', () => {
    expect(vectorPositiveProb(m, 'I love it, great')).toBeGreaterThan(0.7);
    expect(vectorPositiveProb(m, 'Awful. I hate it')).toBeLessThan(0.3);
  });

  it('marks words in a negation scope apart, up to clause punctuation', () => {
    expect(vectorRows('not great', BITS)[2]).not.toBe(vectorRows('great', BITS)[0]);
    expect(vectorRows('not bad. great', BITS)[4]).toBe(vectorRows('great', BITS)[0]);
  });

  it('gives words no training post held nothing to say (their rows are zero)', () => {
    expect(vectorPositiveProb(m, '')).toBe(0.5);
    const unseen = vectorPositiveProb(m, 'zxqv wplk');
    expect(Math.abs(unseen - 1 / (1 + Math.exp(-m.bias)))).toBeLessThan(0.02);
  });

  it('reads the same after encoding and decoding', () => {
    const back = decodeVectorModel(JSON.parse(JSON.stringify(encodeVectorModel(m, 'test'))));
    for (const t of ['great phone', 'awful service', 'i hate this place']) expect(vectorPositiveProb(back, t)).toBeCloseTo(vectorPositiveProb(m, t), 3);
  });
});
