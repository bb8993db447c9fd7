import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { NO_WATCH_FILTER, type EnrichedMention } from '@vigil/contracts';
import { MentionsReader, sampled, sampleProbability, TERM_SAMPLE_POSTS } from '@vigil/search';
import { mentionQuery } from './mention-query';
import type { MentionsByIds } from './mention-ids.dto';
import type { Bucket, MentionFilters, MentionSearchQuery, MentionSearchResult } from './mention-search.dto';

type RawBuckets = { buckets?: { key: string | number; key_as_string?: string; doc_count: number; bySentiment?: RawBuckets }[] };

const SORT_FOR_PAGING: estypes.Sort = [{ publishedAt: 'desc' }, { id: 'asc' }];
const TOP_TERMS = 30;

/** The api's searches and aggregations over mentions, read through `MentionsReader` (the indexer writes them). */
@Injectable()
export class MentionsRepository {
  constructor(private readonly mentions: MentionsReader) {}

  /** `samplePosts`: how many posts the top terms are read from at most (TERM_SAMPLE_POSTS; tests set fewer). */
  async search(q: MentionSearchQuery, samplePosts = TERM_SAMPLE_POSTS): Promise<MentionSearchResult> {
    const sort: estypes.Sort = q.sort === 'relevance' && q.q ? ['_score', { publishedAt: 'desc' }] : [{ publishedAt: q.sort === 'oldest' ? 'asc' : 'desc' }, { id: 'asc' }];
    const query = mentionQuery(q, q.sort === 'relevance');
    // Without words, the words of every match are most of an analytics request's time: over many
    // posts they are read from a random sample, sized by a count first (cheap: filters only). With
    // words, counting first would run the text query twice (most of such a search's time): all are read.
    const probability = q.q ? 1 : sampleProbability((await this.mentions.countPosts(query)).total, samplePosts);
    const res = await this.mentions.query({
      from: (q.page - 1) * q.size,
      size: q.size,
      track_total_hits: true,
      // Closed months do not change: their shards answer a repeated request from the cache (a range
      // covering a whole month is rewritten to the same unbounded range on that shard, whatever its dates).
      request_cache: true,
      query,
      sort,
      highlight: q.q ? { fields: { text: { number_of_fragments: 2, fragment_size: 160 }, title: {} }, encoder: 'html' } : undefined,
      aggs: {
        // By day, the timeline's own buckets are the posts per day.
        ...(q.interval === 'day' ? {} : { perDay: { date_histogram: { field: 'publishedAt', calendar_interval: 'day', time_zone: q.tz, min_doc_count: 1 } } }),
        perSource: { terms: { field: 'sourceId', size: 50 } },
        perSentiment: { terms: { field: 'analysis.sentiment.label', size: 5 } },
        perLanguage: { terms: { field: 'analysis.language', size: 10 } },
        timeline: {
          date_histogram: { field: 'publishedAt', calendar_interval: q.interval, time_zone: q.tz, min_doc_count: 1 },
          aggs: { bySentiment: { terms: { field: 'analysis.sentiment.label', size: 3 } } },
        },
        perChannel: { terms: { field: 'channel', size: 20 } },
        perCategory: { terms: { field: 'analysis.categories.id', size: 20 } },
        perWatch: { terms: { field: 'watches.id', size: 100, missing: NO_WATCH_FILTER } },
        topPlaces: { terms: { field: 'analysis.entities.places.name', size: 20 } },
        topTerms: sampled(probability, { w: { terms: { field: 'analysis.tokens', size: TOP_TERMS } } }),
      },
    });
    const raw = (name: string) => res.aggregations?.[name] as RawBuckets | undefined;
    const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
    const sample = res.aggregations?.topTerms as { doc_count?: number; w?: RawBuckets } | undefined;
    const words = {
      terms: (sample?.w?.buckets ?? []).map((b) => ({ term: String(b.key), count: b.doc_count })),
      sample: { probability, posts: probability === 1 ? total : (sample?.doc_count ?? 0) },
    };
    const buckets = (agg?: RawBuckets): Bucket[] => (agg?.buckets ?? []).map((b) => ({ key: b.key_as_string ?? String(b.key), count: b.doc_count }));
    const timeline = (raw('timeline')?.buckets ?? []).map((b) => {
      const by = Object.fromEntries(buckets(b.bySentiment).map((s) => [s.key, s.count]));
      return { key: b.key_as_string ?? String(b.key), negative: by.negative ?? 0, neutral: by.neutral ?? 0, positive: by.positive ?? 0 };
    });
    return {
      total,
      page: q.page,
      size: q.size,
      hits: res.hits.hits.map((h) => ({ ...h._source!, highlight: h.highlight })),
      aggregations: {
        perDay: buckets(q.interval === 'day' ? raw('timeline') : raw('perDay')),
        perSource: buckets(raw('perSource')),
        perSentiment: buckets(raw('perSentiment')),
        perLanguage: buckets(raw('perLanguage')),
        timeline,
        perChannel: buckets(raw('perChannel')),
        perCategory: buckets(raw('perCategory')),
        perWatch: buckets(raw('perWatch')),
        topTerms: words.terms.map((w) => ({ key: w.term, count: w.count })),
        topTermsSample: words.sample,
        topPlaces: buckets(raw('topPlaces')),
      },
    };
  }

  /** The mentions with these ids, in the order asked for, and the ids not (yet) indexed. */
  byIds(ids: string[]): Promise<MentionsByIds> {
    return this.mentions.byIds(ids);
  }

  /**
   * Posts published since `from` that a query selects, newest first, page by page (a watch
   * preview re-matches each one).
   */
  candidates(query: estypes.QueryDslQueryContainer | null, from: string, limit: number, pageSize = 500): AsyncGenerator<EnrichedMention[]> {
    const filter: estypes.QueryDslQueryContainer[] = [{ range: { publishedAt: { gte: from } } }];
    if (query) filter.push(query);
    return this.pages({ bool: { filter } }, limit, pageSize);
  }

  /** How many posts since `from` a query selects. */
  countSince(query: estypes.QueryDslQueryContainer | null, from: string): Promise<number> {
    const filter: estypes.QueryDslQueryContainer[] = [{ range: { publishedAt: { gte: from } } }];
    if (query) filter.push(query);
    return this.mentions.count({ bool: { filter } });
  }

  /** Every match, newest first, page by page (search_after), up to `limit` rows. */
  scan(q: MentionFilters, limit: number, pageSize = 500): AsyncGenerator<EnrichedMention[]> {
    return this.pages(mentionQuery(q, false), limit, pageSize);
  }

  /** What a query selects, newest first, page by page (search_after), up to `limit` rows. */
  private async *pages(query: estypes.QueryDslQueryContainer, limit: number, pageSize: number): AsyncGenerator<EnrichedMention[]> {
    let after: estypes.SortResults | undefined;
    let left = limit;
    while (left > 0) {
      const res = await this.mentions.query({ size: Math.min(pageSize, left), query, sort: SORT_FOR_PAGING, search_after: after, track_total_hits: false });
      const hits = res.hits.hits;
      if (!hits.length) return;
      left -= hits.length;
      after = hits[hits.length - 1].sort;
      yield hits.map((h) => h._source!);
      if (hits.length < pageSize) return;
    }
  }
}
