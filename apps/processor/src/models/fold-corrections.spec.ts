import { describe, expect, it } from 'vitest';
import type { StoredCorrection } from '@vigil/contracts';
import { foldCorrections } from './update-models.usecase';

const c = (id: string, mentionId: string, at: string, over: Partial<StoredCorrection> = {}): StoredCorrection =>
  ({ id, mentionId, text: `text of ${mentionId}`, language: 'zh', sentiment: 'positive', by: 'ana', at, ...over });

describe('foldCorrections', () => {
  it('learns from the latest correction of each post, sentiment only, in zh and en, and names the newest time', () => {
    const r = foldCorrections([
      c('1', 'a', '2026-12-01T00:00:00.000Z', { sentiment: 'negative' }),
      c('2', 'a', '2026-12-02T00:00:00.000Z', { sentiment: 'neutral' }),
      c('3', 'b', '2026-12-01T00:00:00.000Z', { sentiment: undefined, categories: ['delivery'] }),
      c('4', 'c', '2026-12-03T00:00:00.000Z', { language: 'other' }),
      c('5', 'd', '2026-11-01T00:00:00.000Z', { language: 'en', sentiment: 'negative' }),
    ]);
    expect(r.rows).toEqual({ zh: [{ text: 'text of a', label: 'neutral' }], en: [{ text: 'text of d', label: 'negative' }] });
    expect(r.newest).toBe('2026-12-03T00:00:00.000Z');
  });
});
