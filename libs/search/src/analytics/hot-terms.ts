import type { estypes } from '@elastic/elasticsearch';
import type { SearchClient } from '../search-client';
import { TOLERATE_MISSING } from '../indices/stored-index';

type Q = estypes.QueryDslQueryContainer;
type Bucket = { key: string | number; doc_count: number } & Record<string, unknown>;

/**
 * How many posts the words are chosen from. A terms aggregation over `analysis.tokens` reads every
 * word of every post selected (at 1 M posts it was most of a 12-month analytics request, issue #19);
 * a word that can make a top 30 is in a few per cent of the posts, so 10,000 of them rank it well.
 */
export const TERM_SAMPLE_POSTS = 10_000;
/** Elasticsearch's random_sampler takes a probability up to 0.5, or exactly 1. */
const MAX_SAMPLED_PROBABILITY = 0.5;
/** A fixed seed: the same posts give the same sample, so a repeated request gets the same words (and the request cache can answer it). */
const SEED = 19;

/** The probability that keeps about `target` of `posts` posts: 1 (every post) when there are not many more. */
export function sampleProbability(posts: number, target = TERM_SAMPLE_POSTS): number {
  if (posts <= target) return 1;
  return Math.min(MAX_SAMPLED_PROBABILITY, target / posts);
}

/**
 * `inner` over every post when `probability` is 1, else over a random sample of the posts the query
 * selects (a `random_sampler`, which must be a top-level aggregation). Elasticsearch scales the
 * counts under it by 1 / probability, so they estimate the counts over every post.
 */
export function sampled(probability: number, inner: Record<string, estypes.AggregationsAggregationContainer>): estypes.AggregationsAggregationContainer {
  if (probability === 1) return { filter: { match_all: {} }, aggs: inner };
  return { random_sampler: { probability, seed: SEED }, aggs: inner };
}

/** The number of posts holding each of these words, as a `filters` aggregation (one term query per word). */
export function countsOf(field: string, terms: readonly string[]): estypes.AggregationsAggregationContainer {
  return { filters: { filters: Object.fromEntries(terms.map((t) => [t, { term: { [field]: t } }])) } };
}

export function readCounts(agg: unknown): Map<string, number> {
  const b = (agg as { buckets?: Record<string, { doc_count: number }> } | undefined)?.buckets ?? {};
  return new Map(Object.entries(b).map(([k, v]) => [k, v.doc_count]));
}

/** How many posts `query` selects, and how many of them are negative (one request; cached for closed months). */
export async function countPosts(search: SearchClient, index: string, query: Q): Promise<{ total: number; negative: number }> {
  const res = await search.es.search({
    ...TOLERATE_MISSING,
    index,
    size: 0,
    track_total_hits: true,
    request_cache: true,
    query,
    aggs: { negative: { filter: { term: { 'analysis.sentiment.label': 'negative' } } } },
  });
  const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
  return { total, negative: (res.aggregations as Record<string, Bucket> | undefined)?.negative?.doc_count ?? 0 };
}
