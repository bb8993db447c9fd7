import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import type { EnrichedMention, RescoredMention } from '@vigil/contracts';
import { MentionsReader, SearchClient } from '@vigil/search';
import { applyRescore } from './apply-rescore';

const MAX_ATTEMPTS = 8;

export interface RescoreOutcome {
  /** Stored copies the new scores were written to. */
  applied: number;
  /** Copies a version at or above the message's had already scored (a redelivery, a second pass). */
  already: number;
  /** Posts not (or no longer) stored. */
  missing: number;
}

/**
 * Writes re-scored posts over the stored documents, a chunk in one bulk, each over the version
 * read: a correction or a re-index that lands in between is re-read and the scores applied over
 * it, never overwritten. The stored `analysis.modelVersion` makes every write happen once per
 * post and version, however often a message arrives.
 */
@Injectable()
export class ApplyRescoresUseCase {
  constructor(
    private readonly mentions: MentionsReader,
    private readonly search: SearchClient,
  ) {}

  async execute(batch: RescoredMention[]): Promise<RescoreOutcome> {
    const out: RescoreOutcome = { applied: 0, already: 0, missing: 0 };
    // The newest version per post: an older message in the same chunk has nothing to add.
    let pending = [...new Map(batch.sort((a, b) => a.modelVersion - b.modelVersion).map((r) => [r.mentionId, r])).values()];
    for (let attempt = 1; pending.length; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`re-scored posts still conflicting after ${MAX_ATTEMPTS} attempts: ${pending.slice(0, 5).map((r) => r.mentionId).join(', ')}`);
      const res = await this.mentions.query({ size: pending.length * 2, seq_no_primary_term: true, query: { bool: { filter: [{ terms: { id: pending.map((r) => r.mentionId) } }] } } });
      const hits = new Map<string, estypes.SearchHit<EnrichedMention>[]>();
      for (const h of res.hits.hits) hits.set(h._source!.id, [...(hits.get(h._source!.id) ?? []), h]);
      const ops: object[] = [];
      const owners: RescoredMention[] = [];
      for (const r of pending) {
        const copies = hits.get(r.mentionId);
        if (!copies) { out.missing++; continue; }
        for (const h of copies) {
          const next = applyRescore(h._source!, r);
          if (!next) { out.already++; continue; }
          ops.push({ index: { _index: h._index, _id: h._id, if_seq_no: h._seq_no, if_primary_term: h._primary_term } }, next);
          owners.push(r);
        }
      }
      if (!ops.length) break;
      const bulk = await this.search.es.bulk({ operations: ops });
      const retry = new Map<string, RescoredMention>();
      bulk.items.forEach((item, i) => {
        const result = item.index!;
        if (!result.error) out.applied++;
        else if (result.status === 409) retry.set(owners[i]!.mentionId, owners[i]!);
        else throw new Error(`re-scored post ${owners[i]!.mentionId} not written: ${result.error.type}: ${result.error.reason}`);
      });
      pending = [...retry.values()];
    }
    return out;
  }
}
