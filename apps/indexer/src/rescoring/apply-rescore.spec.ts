import { describe, expect, it } from 'vitest';
import type { RescoredMention, StoredCorrection } from '@vigil/contracts';
import { mentionFactory } from '../../../../test/support/mention-factory';
import { applyCorrection } from '../corrections/apply-correction';
import { applyRescore } from './apply-rescore';

const m = mentionFactory('x', {}, {
  sentiment: { label: 'positive', score: 0.6, confidence: 0.7 }, categories: [{ id: 'refund', confidence: 0.8 }],
  emotion: { level: 'calm', intensity: 0.1 }, riskCues: [],
});
const r = (over: Partial<RescoredMention> = {}): RescoredMention => ({
  mentionId: m.id, modelVersion: 2, sentiment: { label: 'negative', score: -0.7, confidence: 0.8 }, emotion: { level: 'agitated', intensity: 0.5 },
  riskCues: [{ kind: 'media', evidence: '曝光', start: 1, end: 3, confidence: 0.9 }], ...over,
});
const c = (over: Partial<StoredCorrection>): StoredCorrection => ({ id: 'c1', mentionId: m.id, text: m.text, language: 'en', by: 'ana', at: '2026-12-01T00:00:00.000Z', ...over });

describe('applyRescore', () => {
  it('shows the new scores, scores the risk again from them, keeps categories, tokens and entities, and stamps the version', () => {
    const out = applyRescore(m, r())!;
    expect(out.analysis.sentiment.label).toBe('negative');
    expect(out.analysis.emotion.level).toBe('agitated');
    expect(out.analysis.riskCues.map((q) => q.kind)).toEqual(['media']);
    expect(out.analysis.riskScore).toBeGreaterThan(m.analysis.riskScore);
    expect(out.analysis.categories).toBe(m.analysis.categories);
    expect(out.analysis.tokens).toBe(m.analysis.tokens);
    expect(out.analysis.entities).toBe(m.analysis.entities);
    expect(out.analysis.modelVersion).toBe(2);
    expect(out.correction).toBeUndefined();
  });

  it('changes nothing a version at or above it already scored: once per post and version', () => {
    const once = applyRescore(m, r())!;
    expect(applyRescore(once, r())).toBeUndefined();
    expect(applyRescore(once, r({ modelVersion: 1 }))).toBeUndefined();
    expect(applyRescore(once, r({ modelVersion: 3 }))?.analysis.modelVersion).toBe(3);
  });

  it("keeps the analyst's correction shown and puts the new answer under the model's original", () => {
    const corrected = applyCorrection(m, c({ sentiment: 'neutral', riskCues: [] }));
    const out = applyRescore(corrected, r())!;
    expect(out.analysis.sentiment).toEqual({ label: 'neutral', score: 0, confidence: 1 });
    expect(out.analysis.riskCues).toEqual([]);
    // Not corrected: the emotion follows the new models.
    expect(out.analysis.emotion.level).toBe('agitated');
    expect(out.correction).toMatchObject({ id: 'c1', by: 'ana', at: '2026-12-01T00:00:00.000Z', sentiment: 'neutral', riskCues: [] });
    expect(out.correction!.original.sentiment.label).toBe('negative');
    expect(out.correction!.original.riskCues!.map((q) => q.kind)).toEqual(['media']);
    expect(out.analysis.modelVersion).toBe(2);
  });

  it("keeps an analyst's categories over the model's, which stay the stored model answer", () => {
    const corrected = applyCorrection(m, c({ categories: ['delivery'] }));
    const out = applyRescore(corrected, r())!;
    expect(out.analysis.categories).toEqual([{ id: 'delivery', confidence: 1 }]);
    expect(out.correction!.original.categories).toEqual(m.analysis.categories);
    expect(out.analysis.sentiment.label).toBe('negative');
  });

  it('takes the categories a message carries (the model answer under a correction), and keeps them when it carries none', () => {
    const out = applyRescore(m, r({ categories: [{ id: 'other', confidence: 0.3 }] }))!;
    expect(out.analysis.categories).toEqual([{ id: 'other', confidence: 0.3 }]);
    const corrected = applyCorrection(m, c({ categories: ['delivery'] }));
    const under = applyRescore(corrected, r({ categories: [{ id: 'logistics', confidence: 0.4 }] }))!;
    expect(under.analysis.categories).toEqual([{ id: 'delivery', confidence: 1 }]);
    expect(under.correction!.original.categories).toEqual([{ id: 'logistics', confidence: 0.4 }]);
    // A correction of the sentiment alone: the new model categories are shown.
    const sentimentOnly = applyRescore(applyCorrection(m, c({ sentiment: 'neutral' })), r({ categories: [{ id: 'logistics', confidence: 0.4 }] }))!;
    expect(sentimentOnly.analysis.categories).toEqual([{ id: 'logistics', confidence: 0.4 }]);
  });
});
