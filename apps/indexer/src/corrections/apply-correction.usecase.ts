import { Injectable } from '@nestjs/common';
import { CONFLICT, retryOnConflict } from '@vigil/common';
import type { EnrichedMention, StoredCorrection } from '@vigil/contracts';
import { isConflict, MentionsReader, SearchClient } from '@vigil/search';
import { applyCorrection, supersedes } from './apply-correction';
import { CorrectionsRepository } from './corrections.repository';

/**
 * An analyst's correction: recorded in the audit trail first, then applied to every stored copy
 * of the post (a post may sit in two monthly indices) over the version read, so a concurrent
 * re-index or correction is re-read, never overwritten. Returns how many copies it changed.
 */
@Injectable()
export class ApplyCorrectionUseCase {
  constructor(
    private readonly corrections: CorrectionsRepository,
    private readonly mentions: MentionsReader,
    private readonly search: SearchClient,
  ) {}

  async execute(c: StoredCorrection): Promise<number> {
    await this.corrections.record(c);
    return retryOnConflict(async () => {
      const res = await this.mentions.query({ size: 4, seq_no_primary_term: true, query: { bool: { filter: [{ term: { id: c.mentionId } }] } } });
      let changed = 0;
      for (const hit of res.hits.hits) {
        const m = hit._source as EnrichedMention;
        if (!supersedes(m, c)) continue;
        try {
          await this.search.es.index({ index: hit._index, id: hit._id!, document: applyCorrection(m, c), if_seq_no: hit._seq_no!, if_primary_term: hit._primary_term!, refresh: 'wait_for' });
          changed++;
        } catch (e) {
          if (isConflict(e)) return CONFLICT;
          throw e;
        }
      }
      return changed;
    }, { maxAttempts: 8, what: `correction ${c.id} of mention ${c.mentionId}` });
  }
}
