import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { EnrichedMention } from '@vigil/contracts';
import { fakeApi } from '../test-support/fake-api';

fakeApi(() => ({}));
const { changes, parseCategories, valuesOf } = await import('./corrections');
const { useSearchStore } = await import('./search');

const m = {
  id: 'a'.repeat(32), text: 't',
  analysis: {
    sentiment: { label: 'negative', score: -0.6, confidence: 0.7 }, emotion: { level: 'agitated', intensity: 0.5 },
    categories: [{ id: 'refund', confidence: 0.8 }, { id: 'delivery', confidence: 0.6 }],
    riskCues: [{ kind: 'media', evidence: '曝光', start: 0, end: 2 }, { kind: 'media', evidence: '记者', start: 5, end: 7 }],
  },
} as unknown as EnrichedMention;

describe('corrections store', () => {
  it('reads the values a post shows, each cue kind once', () => {
    expect(valuesOf(m)).toEqual({ sentiment: 'negative', emotion: 'agitated', categories: ['refund', 'delivery'], riskCues: ['media'] });
  });

  it('sends only what changed (order of categories and cues does not count), and a save without a change confirms the sentiment', () => {
    const v = valuesOf(m);
    expect(changes(m, { ...v, categories: ['delivery', 'refund'] })).toEqual({ sentiment: 'negative' });
    expect(changes(m, { ...v, emotion: 'angry', riskCues: [] })).toEqual({ emotion: 'angry', riskCues: [] });
    expect(changes(m, { ...v, sentiment: 'neutral', categories: ['refund'] })).toEqual({ sentiment: 'neutral', categories: ['refund'] });
  });

  it('splits category ids on commas (also full-width), 、 and spaces, each once', () => {
    expect(parseCategories(' refund，delivery、 refund  service_attitude,')).toEqual(['refund', 'delivery', 'service_attitude']);
    expect(parseCategories('  ')).toEqual([]);
  });

  it('the search store shows a corrected post in place, keeping its highlight', () => {
    setActivePinia(createPinia());
    const search = useSearchStore();
    const hit = { ...m, highlight: { text: ['<em>t</em>'] } };
    search.result = { total: 1, hits: [hit], aggregations: {} } as unknown as typeof search.result;
    const corrected = { ...m, analysis: { ...m.analysis, sentiment: { label: 'neutral', score: 0, confidence: 1 } } } as EnrichedMention;
    search.replaceHit(corrected);
    expect(search.result!.hits[0]).toMatchObject({ analysis: { sentiment: { label: 'neutral' } }, highlight: { text: ['<em>t</em>'] } });
    search.replaceHit({ ...corrected, id: 'b'.repeat(32) });
    expect(search.result!.hits).toHaveLength(1);
  });
});
