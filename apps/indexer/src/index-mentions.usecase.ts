import { Injectable } from '@nestjs/common';
import type { EnrichedMention } from '@vigil/contracts';
import { BulkIndexer, CorrectionsReader, SearchClient, type BulkFailure } from '@vigil/search';
import { applyCorrection } from './corrections/apply-correction';

/**
 * Writes mentions into their monthly index under their own id: a replay overwrites, never
 * duplicates. A post an analyst corrected keeps the correction when it is indexed again
 * (re-poll, replay): the latest correction of each post in the batch is applied on the way in.
 */
@Injectable()
export class IndexMentionsUseCase {
  constructor(
    private readonly search: SearchClient,
    private readonly bulk: BulkIndexer,
    private readonly corrections: CorrectionsReader,
  ) {}

  async execute(mentions: EnrichedMention[]): Promise<BulkFailure[]> {
    const corrected = await this.corrections.latestFor(mentions.map((m) => m.id));
    const docs = mentions.map((m) => {
      const c = corrected.get(m.id);
      return { index: this.search.names.mentionsFor(m.publishedAt), id: m.id, doc: c ? applyCorrection(m, c) : m };
    });
    const { failed } = await this.bulk.index(docs);
    return failed;
  }
}
