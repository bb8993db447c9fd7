import { Inject, Injectable } from '@nestjs/common';
import { StoredCorrection } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword = { type: 'keyword' } as const;

/**
 * Analysts' corrections of a post's analysis (writer: indexer, from `mentions.corrections`;
 * read by the api for a post's history, by the indexer to keep a correction when a post is
 * indexed again, and by the processor's model-update job). One document per correction, `_id`
 * = the correction's id: who, when, the values before and after, and the masked text the
 * analyst saw (what a model update learns from). Never updated: the trail is append-only.
 */
export const correctionsIndex = singleIndex({
  document: 'analysis corrections',
  suffix: 'analysis-corrections',
  writer: 'indexer',
  schema: StoredCorrection,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      mentionId: keyword,
      language: keyword,
      sentiment: keyword,
      categories: keyword,
      emotion: keyword,
      riskCues: keyword,
      previous: { properties: { sentiment: keyword, categories: keyword, emotion: keyword, riskCues: keyword } },
      by: keyword,
      at: { type: 'date' },
      text: { type: 'text', index: false },
    },
  },
});

/** Most corrections one page of the job's scan reads. */
const PAGE = 1000;

@Injectable()
export class CorrectionsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return correctionsIndex.name(this.search.options.indexPrefix);
  }

  /** One post's corrections, newest first (its audit trail). */
  async forMention(mentionId: string, size = 50): Promise<StoredCorrection[]> {
    const r = await this.search.es.search<StoredCorrection>({
      ...TOLERATE_MISSING, index: this.index, size, query: { term: { mentionId } }, sort: [{ at: 'desc' }, { id: 'desc' }],
    });
    return r.hits.hits.map((h) => h._source!);
  }

  /** The latest correction of each of these posts (those that have one). */
  async latestFor(mentionIds: readonly string[]): Promise<Map<string, StoredCorrection>> {
    const out = new Map<string, StoredCorrection>();
    if (mentionIds.length === 0) return out;
    const r = await this.search.es.search<StoredCorrection>({
      ...TOLERATE_MISSING, index: this.index, size: 0,
      query: { terms: { mentionId: [...mentionIds] } },
      aggs: { posts: { terms: { field: 'mentionId', size: mentionIds.length }, aggs: { latest: { top_hits: { size: 1, sort: [{ at: 'desc' }, { id: 'desc' }] } } } } },
    });
    type Buckets = { buckets: { latest: { hits: { hits: { _source: StoredCorrection }[] } } }[] };
    for (const b of (r.aggregations?.posts as Buckets | undefined)?.buckets ?? []) {
      const c = b.latest.hits.hits[0]?._source;
      if (c) out.set(c.mentionId, c);
    }
    return out;
  }

  /** Corrections after `since` (all when absent), in all and per corrected field: what a model update has not learnt from yet. */
  async countSince(since: string | undefined): Promise<{ total: number; sentiment: number; emotion: number; categories: number; riskCues: number }> {
    const fields = ['sentiment', 'emotion', 'categories', 'riskCues'] as const;
    const r = await this.search.es.search({
      ...TOLERATE_MISSING, index: this.index, size: 0, track_total_hits: true,
      ...(since ? { query: { range: { at: { gt: since } } } } : {}),
      aggs: Object.fromEntries(fields.map((f) => [f, { filter: { exists: { field: f } } }])),
    });
    const aggs = r.aggregations as Record<string, { doc_count: number }> | undefined;
    const total = typeof r.hits.total === 'number' ? r.hits.total : r.hits.total?.value ?? 0;
    return { total, ...Object.fromEntries(fields.map((f) => [f, aggs?.[f]?.doc_count ?? 0])) } as { total: number; sentiment: number; emotion: number; categories: number; riskCues: number };
  }

  /** Every correction, oldest first, page by page (the model-update job folds them per post). */
  async *scan(): AsyncGenerator<StoredCorrection[]> {
    let after: (string | number)[] | undefined;
    for (;;) {
      const r = await this.search.es.search<StoredCorrection>({
        ...TOLERATE_MISSING, index: this.index, size: PAGE, sort: [{ at: 'asc' }, { id: 'asc' }], ...(after ? { search_after: after } : {}),
      });
      const hits = r.hits.hits;
      if (hits.length === 0) return;
      yield hits.map((h) => h._source!);
      if (hits.length < PAGE) return;
      after = hits[hits.length - 1]!.sort as (string | number)[];
    }
  }

  /** The newest correction's time, or undefined before the first. */
  async newestAt(): Promise<string | undefined> {
    const r = await this.search.es.search<StoredCorrection>({ ...TOLERATE_MISSING, index: this.index, size: 1, sort: [{ at: 'desc' }], _source: ['at'] });
    return r.hits.hits[0]?._source?.at;
  }
}
