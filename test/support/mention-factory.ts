import { mentionId, type EnrichedMention } from '@vigil/contracts';
import type { SearchClient } from '@vigil/search';

/** An enriched mention as the indexer stores it; tests override what they care about. */
export function mentionFactory(externalId: string, over: Partial<EnrichedMention> = {}, analysis: Partial<EnrichedMention['analysis']> = {}): EnrichedMention {
  const at = new Date().toISOString();
  return {
    id: mentionId('test-source', externalId),
    sourceId: 'test-source',
    sourceType: 'rss',
    channel: 'social',
    externalId,
    text: 'FreshDash refund rejected again',
    truncated: false,
    publishedAt: at,
    fetchedAt: at,
    processedAt: at,
    author: { name: 'mike' },
    analysis: {
      language: 'en',
      tokens: ['freshdash', 'refund', 'rejected'],
      sentiment: { score: -0.7, label: 'negative', confidence: 0.9 },
      emotion: { level: 'angry', intensity: 0.7 },
      categories: [{ id: 'refund', confidence: 0.8 }],
      entities: { orderIds: [], money: [], places: [{ name: 'Shanghai', kind: 'city' }], products: [], piiKinds: [] },
      riskCues: [],
      riskScore: 40,
      riskReasons: [],
      emojis: [],
      truncated: false,
      ...analysis,
    },
    ...over,
  };
}

export async function seedMentions(search: SearchClient, mentions: EnrichedMention[]): Promise<void> {
  await search.ensureIndices();
  for (const m of mentions) await search.es.index({ index: search.names.mentionsFor(m.publishedAt), id: m.id, document: m });
  await search.es.indices.refresh({ index: search.names.mentions });
}
