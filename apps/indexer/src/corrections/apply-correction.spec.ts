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
    const a = m.analysis;
    expect(out.correction).toEqual({
      id: 'c1', by: 'ana', at: '2026-12-01T00:00:00.000Z', sentiment: 'positive',
      original: { sentiment: a.sentiment, categories: a.categories, emotion: a.emotion, riskCues: a.riskCues, riskScore: a.riskScore, riskReasons: a.riskReasons },
    });
    expect(out.analysis.tokens).toBe(m.analysis.tokens);
  });

  it('keeps the model answer through a second correction, and a categories-only one restores the model sentiment', () => {
    const once = applyCorrection(m, c({ sentiment: 'neutral' }));
    const twice = applyCorrection(once, c({ id: 'c2', categories: ['delivery'], at: '2026-12-02T00:00:00.000Z' }));
    expect(twice.correction!.original.sentiment).toEqual(m.analysis.sentiment);
    expect(twice.analysis.sentiment).toEqual(m.analysis.sentiment);
    expect(twice.analysis.categories).toEqual([{ id: 'delivery', confidence: 1 }]);
  });

  it('corrects the emotion and the risk cues, scores the risk again from them, and keeps the model evidence of a confirmed cue', () => {
    const cued = mentionFactory('y', {}, {
      sentiment: { label: 'negative', score: -0.5, confidence: 0.7 },
      emotion: { level: 'calm', intensity: 0.1 },
      riskCues: [
        { kind: 'media', evidence: '曝光', start: 3, end: 5, confidence: 0.6 },
        { kind: 'legal', evidence: '律师', start: 8, end: 10 },
      ],
    });
    const out = applyCorrection(cued, c({ mentionId: cued.id, emotion: 'angry', riskCues: ['media', 'regulator'] }));
    expect(out.analysis.emotion).toEqual({ level: 'angry', intensity: 1 });
    expect(out.analysis.riskCues).toEqual([
      { kind: 'media', evidence: '曝光', start: 3, end: 5, confidence: 1 },
      { kind: 'regulator', evidence: 'marked by ana', start: 0, end: 0, confidence: 1 },
    ]);
    // media 25 + regulator 25 + negative −0.5 → 10 + angry 15.
    expect(out.analysis.riskScore).toBe(75);
    expect(out.analysis.riskReasons.join('\n')).toMatch(/angry tone/);
    expect(out.correction).toMatchObject({ emotion: 'angry', riskCues: ['media', 'regulator'], original: { emotion: { level: 'calm' }, riskCues: cued.analysis.riskCues } });
    // Dropping every cue is a correction too; the model's cues come back only from `original`.
    const none = applyCorrection(out, c({ id: 'c2', mentionId: cued.id, riskCues: [], at: '2026-12-02T00:00:00.000Z' }));
    expect(none.analysis.riskCues).toEqual([]);
    expect(none.analysis.emotion).toEqual({ level: 'calm', intensity: 0.1 });
    expect(none.analysis.riskScore).toBe(10);
    expect(none.correction!.original.riskCues).toEqual(cued.analysis.riskCues);
  });

  it('reads a correction from before emotion and cues could be corrected: the analysis still holds the model answer for them', () => {
    const old = { ...m, correction: { id: 'c0', by: 'ana', at: '2026-11-01T00:00:00.000Z', sentiment: 'neutral' as const, original: { sentiment: m.analysis.sentiment, categories: m.analysis.categories } } };
    const out = applyCorrection(old, c({ emotion: 'calm' }));
    expect(out.correction!.original.emotion).toEqual(m.analysis.emotion);
    expect(out.analysis.sentiment).toEqual(m.analysis.sentiment);
    expect(out.analysis.emotion).toEqual({ level: 'calm', intensity: 0 });
  });

  it('never lets an older or redelivered-older correction win over a newer one', () => {
    const newer = applyCorrection(m, c({ id: 'c2', sentiment: 'positive', at: '2026-12-02T00:00:00.000Z' }));
    expect(supersedes(newer, c({ sentiment: 'negative' }))).toBe(false);
    expect(supersedes(newer, c({ id: 'c2', sentiment: 'positive', at: '2026-12-02T00:00:00.000Z' }))).toBe(true);
    expect(supersedes(newer, c({ id: 'c3', sentiment: 'neutral', at: '2026-12-03T00:00:00.000Z' }))).toBe(true);
    expect(supersedes(m, c({}))).toBe(true);
  });
});
