import { describe, expect, it } from 'vitest';
import type { StoredCorrection } from '@vigil/contracts';
import { mentionFactory } from '../../../../test/support/mention-factory';
import { applyCorrection, supersedes } from './apply-correction';

const m = mentionFactory('x', {}, { sentiment: { label: 'negative', score: -0.5, confidence: 0.7 }, categories: [{ id: 'refund', confidence: 0.8 }] });
const c = (over: Partial<StoredCorrection>): StoredCorrection => ({ id: 'c1', mentionId: m.id, text: m.text, language: 'en', by: 'ana', at: '2026-12-01T00:00:00.000Z', ...over });

describe('applyCorrection', () => {
  it('shows the analyst values and keeps the model answer', () => {
    const out = applyCorrection(m, c({ sentiment: 'positive' }));
    expect(out.analysis.sentiment).toEqual({ label: 'positive', score: 1, confidence: 1 });
    expect(out.analysis.categories).toEqual(m.analysis.categories);
    expect(out.correction).toEqual({ id: 'c1', by: 'ana', at: '2026-12-01T00:00:00.000Z', sentiment: 'positive', original: { sentiment: m.analysis.sentiment, categories: m.analysis.categories } });
    expect(out.analysis.tokens).toBe(m.analysis.tokens);
  });

  it('keeps the model answer through a second correction, and a categories-only one restores the model sentiment', () => {
    const once = applyCorrection(m, c({ sentiment: 'neutral' }));
    const twice = applyCorrection(once, c({ id: 'c2', categories: ['delivery'], at: '2026-12-02T00:00:00.000Z' }));
    expect(twice.correction!.original.sentiment).toEqual(m.analysis.sentiment);
    expect(twice.analysis.sentiment).toEqual(m.analysis.sentiment);
    expect(twice.analysis.categories).toEqual([{ id: 'delivery', confidence: 1 }]);
  });

  it('never lets an older or redelivered-older correction win over a newer one', () => {
    const newer = applyCorrection(m, c({ id: 'c2', sentiment: 'positive', at: '2026-12-02T00:00:00.000Z' }));
    expect(supersedes(newer, c({ sentiment: 'negative' }))).toBe(false);
    expect(supersedes(newer, c({ id: 'c2', sentiment: 'positive', at: '2026-12-02T00:00:00.000Z' }))).toBe(true);
    expect(supersedes(newer, c({ id: 'c3', sentiment: 'neutral', at: '2026-12-03T00:00:00.000Z' }))).toBe(true);
    expect(supersedes(m, c({}))).toBe(true);
  });
});
