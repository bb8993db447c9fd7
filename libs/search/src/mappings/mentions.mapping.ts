import type { estypes } from '@elastic/elasticsearch';

const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 512 };

/**
 * Mentions: `text`/`title` use the `standard` analyzer (the only one in the bare
 * server; it splits Chinese into single characters, so phrase queries still match),
 * and `analysis.tokens` holds the words segmented in the processor for term
 * aggregations and exact filters. `dynamic: false` keeps unknown fields in _source
 * without growing the mapping, so contracts can add fields safely.
 */
export const mentionsMapping: estypes.MappingTypeMapping = {
  dynamic: false,
  properties: {
    id: keyword,
    sourceId: keyword,
    sourceType: keyword,
    channel: keyword,
    externalId: keyword,
    url: { type: 'keyword', index: false, doc_values: false },
    author: {
      properties: { id: keyword, name: keyword, followers: { type: 'long' }, createdAt: { type: 'date' } },
    },
    title: { type: 'text', analyzer: 'standard' },
    text: { type: 'text', analyzer: 'standard' },
    truncated: { type: 'boolean' },
    publishedAt: { type: 'date' },
    fetchedAt: { type: 'date' },
    processedAt: { type: 'date' },
    langHint: keyword,
    rating: { type: 'float' },
    reach: { type: 'double' },
    meta: { type: 'object', enabled: false },
    watches: { properties: { id: keyword, rule: { type: 'keyword', index: false }, competitor: { type: 'boolean' } } },
    analysis: {
      properties: {
        language: keyword,
        script: keyword,
        tokens: keyword,
        sentiment: { properties: { score: { type: 'float' }, label: keyword, confidence: { type: 'float' } } },
        emotion: { properties: { level: keyword, intensity: { type: 'float' } } },
        categories: { properties: { id: keyword, confidence: { type: 'float' } } },
        entities: {
          properties: {
            orderIds: keyword,
            money: { properties: { amount: { type: 'double' }, currency: keyword, text: { type: 'keyword', index: false } } },
            places: { properties: { name: keyword, kind: keyword } },
            products: keyword,
            appVersion: keyword,
            device: keyword,
            piiKinds: keyword,
          },
        },
        riskCues: { properties: { kind: keyword, evidence: { type: 'keyword', index: false }, amount: { type: 'double' } } },
        riskScore: { type: 'float' },
        riskReasons: { type: 'keyword', index: false },
        emojis: keyword,
        truncated: { type: 'boolean' },
      },
    },
  },
};
