import { Inject, Injectable } from '@nestjs/common';
import type { EnrichedMention, EnrichedMentionHead } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { BulkIndexer, CorrectionsReader, SearchClient, type BulkFailure } from '@vigil/search';
import { applyCorrection } from './corrections/apply-correction';
import { INDEXER_OPTIONS, type IndexerOptions } from './indexer.tokens';

/** Ids this process wrote recently, with their index: a search sees a write only after the next refresh. */
const RECENT_CAP = 100_000;
/** Elasticsearch's default index.max_result_window: a search asking for more hits is refused. */
const MAX_HITS = 10_000;

/** A mention as consumed: what places it, and its whole document as the processor encoded it (JSON). */
export interface IncomingMention extends EnrichedMentionHead {
  source: Buffer;
}

/**
 * Writes mentions into their monthly index under their own id: a replay overwrites, never
 * duplicates. A post whose date moved it to another month (an edited post, a corrected time)
 * is written to the new index and removed from the old one, so it stays one document. A post
 * an analyst corrected keeps the correction when it is indexed again (re-poll, replay): the
 * latest correction of each post in the batch is applied on the way in.
 */
@Injectable()
export class IndexMentionsUseCase {
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly search: SearchClient,
    private readonly bulk: BulkIndexer,
    private readonly corrections: CorrectionsReader,
    private readonly clock: Clock,
    @Inject(INDEXER_OPTIONS) private readonly options: IndexerOptions,
  ) {}

  async execute(mentions: IncomingMention[]): Promise<BulkFailure[]> {
    const window = { now: this.clock.now(), months: this.options.monthlyIndices };
    const corrected = await this.corrections.latestFor(mentions.map((m) => m.id));
    const docs = mentions.map((m) => {
      const c = corrected.get(m.id);
      const index = this.search.names.mentionsFor(m.publishedAt, window);
      // Only a corrected post is decoded; every other one is written in the bytes it came in.
      return c ? { index, id: m.id, doc: applyCorrection(JSON.parse(m.source.toString('utf8')) as EnrichedMention, c) } : { index, id: m.id, source: m.source };
    });
    // The look-up asks only for copies outside each post's target index, and the bulk writes only
    // into target indices, so the two run at once: one round trip fewer per chunk.
    // Both settle before a failure is thrown, so no request of a failed attempt outlives it.
    const [lookup, written] = await Promise.allSettled([this.copiesElsewhere(docs), this.bulk.index(docs)]);
    if (lookup.status === 'rejected') throw lookup.reason;
    if (written.status === 'rejected') throw written.reason;
    const stale = lookup.value;
    const { failed } = written.value;
    const rejected = new Set(failed.map((f) => f.id));
    // Written first, removed after: a crash in between leaves two copies that the redelivery finds and removes.
    const removed = await this.bulk.remove(stale.filter((s) => !rejected.has(s.id)));
    if (removed.failed.length) throw new Error(`could not remove ${removed.failed.length} moved mention(s) from their old index: ${removed.failed[0].error}`);
    for (const d of docs) if (!rejected.has(d.id)) this.remember(d.id, d.index);
    return failed;
  }

  /** Copies of these ids in other mention indices than the one each is going to now. */
  private async copiesElsewhere(docs: { index: string; id: string }[]): Promise<{ index: string; id: string }[]> {
    const target = new Map(docs.map((d) => [d.id, d.index]));
    const found = new Set<string>();
    const out: { index: string; id: string }[] = [];
    const add = (index: string, id: string) => {
      const key = `${index}\u0000${id}`;
      if (index !== target.get(id) && !found.has(key)) {
        found.add(key);
        out.push({ index, id });
      }
    };
    for (const d of docs) {
      const last = this.recent.get(d.id);
      if (last) add(last, d.id);
    }
    for (const [index, id] of await this.storedOutsideTarget([...target])) add(index, id);
    return out;
  }

  /**
   * Stored copies of these [id, target index] pairs that lie outside their target index. Only
   * those come back, so a replay or re-poll of posts already stored (the usual case) answers with
   * no hits. A search returns at most MAX_HITS: when more match (a mass re-dating), the pairs are
   * split and asked again, so no copy is missed whatever the chunk size.
   */
  private async storedOutsideTarget(pairs: [string, string][]): Promise<[string, string][]> {
    if (!pairs.length) return [];
    const byTarget = new Map<string, string[]>();
    for (const [id, index] of pairs) {
      const ids = byTarget.get(index);
      if (ids) ids.push(id);
      else byTarget.set(index, [id]);
    }
    const res = await this.search.es.search({
      index: this.search.names.mentions,
      ignore_unavailable: true,
      allow_no_indices: true,
      size: MAX_HITS,
      track_total_hits: true,
      _source: false,
      query: {
        bool: {
          should: [...byTarget].map(([index, ids]) => ({ bool: { filter: [{ ids: { values: ids } }], must_not: [{ term: { _index: index } }] } })),
          minimum_should_match: 1,
        },
      },
    });
    const total = typeof res.hits.total === 'number' ? res.hits.total : res.hits.total?.value ?? 0;
    if (total > res.hits.hits.length && pairs.length > 1) {
      const half = Math.ceil(pairs.length / 2);
      return [...(await this.storedOutsideTarget(pairs.slice(0, half))), ...(await this.storedOutsideTarget(pairs.slice(half)))];
    }
    return res.hits.hits.map((h) => [h._index, h._id!]);
  }

  private remember(id: string, index: string): void {
    this.recent.delete(id);
    this.recent.set(id, index);
    if (this.recent.size > RECENT_CAP) this.recent.delete(this.recent.keys().next().value!);
  }
}
