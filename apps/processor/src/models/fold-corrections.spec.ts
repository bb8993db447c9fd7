import { describe, expect, it } from 'vitest';
import type { StoredCorrection } from '@vigil/contracts';
import { foldCorrections, runReason } from './update-models.usecase';

const c = (id: string, mentionId: string, at: string, over: Partial<StoredCorrection> = {}): StoredCorrection =>
  ({ id, mentionId, text: `text of ${mentionId}`, language: 'zh', sentiment: 'positive', by: 'ana', at, ...over });

describe('foldCorrections', () => {
  it('learns from the latest value of each field of each post, in zh and en, and names the newest time', () => {
    const r = foldCorrections([
      c('1', 'a', '2026-12-01T00:00:00.000Z', { sentiment: 'negative' }),
      c('2', 'a', '2026-12-02T00:00:00.000Z', { sentiment: 'neutral' }),
      c('3', 'b', '2026-12-01T00:00:00.000Z', { sentiment: undefined, categories: ['delivery'] }),
      c('4', 'c', '2026-12-03T00:00:00.000Z', { language: 'other' }),
      c('5', 'd', '2026-11-01T00:00:00.000Z', { language: 'en', sentiment: 'negative' }),
      // A later correction of the emotion alone keeps the sentiment corrected before it.
      c('6', 'e', '2026-11-02T00:00:00.000Z', { sentiment: 'negative', emotion: 'agitated' }),
      c('7', 'e', '2026-11-03T00:00:00.000Z', { sentiment: undefined, emotion: 'angry' }),
      c('8', 'f', '2026-11-03T00:00:00.000Z', { sentiment: undefined, riskCues: ['media'] }),
    ]);
    expect(r.rows).toEqual({ zh: [{ text: 'text of a', label: 'neutral' }, { text: 'text of e', label: 'negative' }], en: [{ text: 'text of d', label: 'negative' }] });
    expect(r.labels).toEqual([{ text: 'text of b', categories: ['delivery'] }, { text: 'text of e', emotion: 'angry' }]);
    expect(r.posts).toBe(4);
    expect(r.newest).toBe('2026-12-03T00:00:00.000Z');
  });
});

describe('runReason', () => {
  it('keeps a code with its parameters beside the English', () => {
    expect(runReason('updated', { components: 'zh, emotion' })).toEqual({ reason: 'zh, emotion updated', reasonCode: 'updated', reasonParams: { components: 'zh, emotion' } });
    expect(runReason('no-reference-data')).toEqual({ reason: 'no reference data to check an update against (ANALYSIS_REFERENCE_DIR not set)', reasonCode: 'no-reference-data' });
  });
});
