import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import type { EnrichedMention } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import type { MentionSearchQuery } from './mention-search.dto';

export interface Bucket {
  key: string;
  count: number;
}

export interface MentionSearchResult {
  total: number;
  page: number;
  size: number;
  hits: (EnrichedMention & { highlight?: Record<string, string[]> })[];
  aggregations: { perDay: Bucket[]; perSource: Bucket[]; perSentiment: Bucket[]; perLanguage: Bucket[] };
}

/**
 * Mention search. User text reaches Elasticsearch only through match, match_phrase
 * and term queries: no query_string syntax, so a user cannot inject query operators.
 */
@Injectable()
export class MentionsRepository {
  constructor(private readonly client: SearchClient) {}

  async search(q: MentionSearchQuery): Promise<MentionSearchResult> {
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (q.from || q.to) filter.push({ range: { publishedAt: { gte: q.from, lte: q.to } } });
    const terms = (field: string, values: string[]) => values.length && filter.push({ terms: { [field]: values } });
    terms('analysis.language', q.language);
    terms('sourceId', q.sourceId);
    terms('channel', q.channel);
    terms('analysis.sentiment.label', q.sentiment);
    terms('analysis.categories.id', q.category);
    terms('analysis.entities.places.name', q.place);
    terms('analysis.riskCues.kind', q.riskCue);
    const must: estypes.QueryDslQueryContainer[] = q.q
      ? [
          {
            bool: {
              minimum_should_match: 1,
              should: [
                { match_phrase: { text: { query: q.q, boost: 2 } } },
                { match_phrase: { title: { query: q.q, boost: 2 } } },
                { match: { text: { query: q.q, operator: 'and' } } },
                { match: { title: { query: q.q, operator: 'and' } } },
                { term: { 'analysis.tokens': { value: q.q.toLowerCase(), boost: 3 } } },
              ],
            },
          },
        ]
      : [];
    const sort: estypes.Sort =
      q.sort === 'relevance' && q.q ? ['_score', { publishedAt: 'desc' }] : [{ publishedAt: q.sort === 'oldest' ? 'asc' : 'desc' }, { id: 'asc' }];
    const res = await this.client.es.search<EnrichedMention>({
      index: this.client.names.mentions,
      ignore_unavailable: true,
      allow_no_indices: true,
      from: (q.page - 1) * q.size,
      size: q.size,
      track_total_hits: true,
      query: { bool: { filter, must } },
      sort,
      highlight: q.q ? { fields: { text: { number_of_fragments: 2, fragment_size: 160 }, title: {} }, encoder: 'html' } : undefined,
      aggs: {
        perDay: { date_histogram: { field: 'publishedAt', calendar_interval: 'day', time_zone: q.tz, min_doc_count: 1 } },
        perSource: { terms: { field: 'sourceId', size: 50 } },
        perSentiment: { terms: { field: 'analysis.sentiment.label', size: 5 } },
        perLanguage: { terms: { field: 'analysis.language', size: 10 } },
      },
    });
    const buckets = (name: string): Bucket[] => {
      const agg = res.aggregations?.[name] as { buckets?: { key: string | number; key_as_string?: string; doc_count: number }[] } | undefined;
      return (agg?.buckets ?? []).map((b) => ({ key: b.key_as_string ?? String(b.key), count: b.doc_count }));
    };
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    return {
      total,
      page: q.page,
      size: q.size,
      hits: res.hits.hits.map((h) => ({ ...h._source!, highlight: h.highlight })),
      aggregations: { perDay: buckets('perDay'), perSource: buckets('perSource'), perSentiment: buckets('perSentiment'), perLanguage: buckets('perLanguage') },
    };
  }
}
