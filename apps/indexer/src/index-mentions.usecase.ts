import { Injectable } from '@nestjs/common';
import type { EnrichedMention } from '@vigil/contracts';
import { BulkIndexer, SearchClient, type BulkFailure } from '@vigil/search';

/** Writes mentions into their monthly index under their own id: a replay overwrites, never duplicates. */
@Injectable()
export class IndexMentionsUseCase {
  constructor(
    private readonly search: SearchClient,
    private readonly bulk: BulkIndexer,
  ) {}

  async execute(mentions: EnrichedMention[]): Promise<BulkFailure[]> {
    const docs = mentions.map((m) => ({ index: this.search.names.mentionsFor(m.publishedAt), id: m.id, doc: m }));
    const { failed } = await this.bulk.index(docs);
    return failed;
  }
}
