import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { EnrichedMention } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { TOLERATE_MISSING, type StoredIndex } from './stored-index';
import { countPosts } from '../analytics/hot-terms';

const keyword: estypes.MappingProperty = { type: 'keyword', ignore_above: 512 };

/**
 * Mentions: `text`/`title` use the `standard` analyzer (the only one in the bare
 * server; it splits Chinese into single characters, so phrase queries still match),
 * and `analysis.tokens` holds the words segmented in the processor for term
 * aggregations and exact filters. `dynamic: false` keeps unknown fields in _source
 * without growing the mapping, so contracts can add fields safely.
 */
const mentionsMapping: estypes.MappingTypeMapping = {
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
    // A pushed complaint's sealed contact: only its match keys are searchable (earlier complaints of one person).
    contact: { properties: { matchKeys: keyword, fields: keyword, box: { type: 'object', enabled: false } } },
    attachments: { type: 'object', enabled: false },
    eventTime: { properties: { kind: keyword, claimedAt: { type: 'keyword', index: false }, reason: { type: 'keyword', index: false } } },
    watches: { properties: { id: keyword, rule: { type: 'keyword', index: false }, competitor: { type: 'boolean' } } },
    // An analyst's correction; `analysis` shows the corrected values, the model's are in `original`.
    correction: {
      properties: {
        id: keyword, by: keyword, at: { type: 'date' }, sentiment: keyword, categories: keyword, emotion: keyword, riskCues: keyword,
        original: { properties: { sentiment: { properties: { label: keyword, score: { type: 'float' } } }, categories: { properties: { id: keyword } } } },
      },
    },
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
        // Which published models scored it: re-scoring finds the posts below the version in force.
        modelVersion: { type: 'integer' },
      },
    },
  },
};

/** Months before now that get an index of their own unless configured (INDEXER_MONTHLY_INDICES). */
export const DEFAULT_MONTHLY_INDICES = 24;

export interface MentionsWindow {
  /** The indexer's clock; default: the wall clock. */
  now?: Date;
  /** Months (the current one included) that get an index each. */
  months?: number;
}

const monthNumber = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();

/**
 * Mentions (writer: indexer; read by the api, the cli and the tests). One document per post,
 * `_id` = mention id, in monthly indices `<prefix>mentions-YYYY.MM` behind the alias
 * `<prefix>mentions`: old data goes by deleting an index (the bare server has no
 * delete-by-query). A post whose date moves it to another month is moved by the indexer
 * (written to the new index, removed from the old), so it stays one document.
 */
export const mentionsIndex: StoredIndex<typeof EnrichedMention> & { monthly(prefix: string, publishedAt: string | Date, window?: MentionsWindow): string; archive(prefix: string): string; pattern(prefix: string): string } = {
  document: 'mentions',
  writer: 'indexer',
  schema: EnrichedMention,
  mappings: mentionsMapping,
  /** The alias over every month: what readers read. */
  name: (prefix: string) => `${prefix}mentions`,
  /**
   * The index a post is written to, by its publishedAt (UTC). The set is bounded whatever dates
   * posts carry: the `months` before `now` (and the next month, for clock skew at a month's end)
   * get an index each, anything older shares the archive index, anything later goes to next
   * month at most. Dates spread over centuries make at most months + 2 indices.
   */
  monthly(prefix: string, publishedAt: string | Date, window: MentionsWindow = {}): string {
    const at = monthNumber(new Date(publishedAt));
    const current = monthNumber(window.now ?? new Date());
    if (!(at >= current - (window.months ?? DEFAULT_MONTHLY_INDICES) + 1)) return mentionsIndex.archive(prefix);
    const m = Math.min(at, current + 1);
    return `${prefix}mentions-${Math.floor(m / 12)}.${String((m % 12) + 1).padStart(2, '0')}`;
  },
  /** Posts older than the monthly window, all in one index (under the same pattern and alias). */
  archive: (prefix: string) => `${prefix}mentions-archive`,
  pattern: (prefix: string) => `${prefix}mentions-*`,
  definition: (prefix: string) => ({ name: `${prefix}mentions`, pattern: `${prefix}mentions-*`, mappings: mentionsMapping, alias: `${prefix}mentions` }),
};

/** Posts published since `since` that no published models at or above `modelVersion` scored yet. */
export function notRescoredQuery(since: string, modelVersion: number): estypes.QueryDslQueryContainer {
  return { bool: { filter: [{ range: { publishedAt: { gte: since } } }], must_not: [{ range: { 'analysis.modelVersion': { gte: modelVersion } } }] } };
}

/** Read-only access to mentions. Searches never fail for a missing index: before the first post there is none. */
@Injectable()
export class MentionsReader {
  constructor(@Inject(SEARCH_CLIENT) private readonly search: SearchClient) {}

  get index(): string {
    return mentionsIndex.name(this.search.options.indexPrefix);
  }

  /** Any query over the alias (the api builds its filters and aggregations); hits are not re-validated. */
  query<A = Record<string, estypes.AggregationsAggregate>>(request: Omit<estypes.SearchRequest, 'index'>): Promise<estypes.SearchResponse<EnrichedMention, A>> {
    return this.search.es.search<EnrichedMention, A>({ ...TOLERATE_MISSING, ...request, index: this.index });
  }

  /** How many posts a query selects, and how many of them are negative (one size-0 request the request cache can answer). */
  countPosts(query: estypes.QueryDslQueryContainer): ReturnType<typeof countPosts> {
    return countPosts(this.search, this.index, query);
  }

  async count(query?: estypes.QueryDslQueryContainer): Promise<number> {
    return (await this.search.es.count({ ...TOLERATE_MISSING, index: this.index, query })).count;
  }

  /** Re-scoring's progress: posts published since `since`, and those of them `modelVersion` (or later) scored. */
  async rescoreProgress(since: string, modelVersion: number): Promise<{ total: number; done: number }> {
    const [total, left] = await Promise.all([this.count({ range: { publishedAt: { gte: since } } }), this.count(notRescoredQuery(since, modelVersion))]);
    return { total, done: total - left };
  }

  /**
   * Earlier complaints (published before `before`): negative posts by the same author at the same
   * source or naming one of the orders, and anything pushed from the same contact (match keys).
   */
  async countEarlierPosts(q: { author?: { sourceId: string; id: string }; matchKeys: string[]; orders: string[]; before: string; excludeId: string }): Promise<number> {
    const should: estypes.QueryDslQueryContainer[] = [];
    // A fan's earlier praise is not an earlier complaint.
    const negative = { term: { 'analysis.sentiment.label': 'negative' } };
    if (q.author) should.push({ bool: { filter: [{ term: { sourceId: q.author.sourceId } }, { term: { 'author.id': q.author.id } }, negative] } });
    if (q.matchKeys.length) should.push({ terms: { 'contact.matchKeys': q.matchKeys } });
    if (q.orders.length) should.push({ bool: { filter: [{ terms: { 'analysis.entities.orderIds': q.orders } }, negative] } });
    if (!should.length) return 0;
    return this.count({
      bool: { should, minimum_should_match: 1, filter: [{ range: { publishedAt: { lt: q.before } } }], must_not: [{ term: { id: q.excludeId } }] },
    });
  }

  /**
   * The mentions with these ids, in the order asked for; `missing` lists ids not (or not yet)
   * indexed, so a caller can say so instead of showing fewer posts silently.
   */
  async byIds(ids: string[]): Promise<{ mentions: EnrichedMention[]; missing: string[] }> {
    const res = await this.query({
      size: ids.length,
      query: { bool: { filter: [{ terms: { id: ids } }] } },
    });
    const found = new Map(res.hits.hits.map((h) => [h._source!.id, h._source!]));
    return { mentions: ids.flatMap((id) => found.get(id) ?? []), missing: ids.filter((id) => !found.has(id)) };
  }
}
