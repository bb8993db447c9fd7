import { Injectable } from '@nestjs/common';
import { KnowledgeEntry } from '@vigil/contracts';
import { ConfigHistoryReader, KnowledgeReader, SearchClient } from '@vigil/search';
import { VersionedDocs } from '../config-docs/versioned-docs';

/** The knowledge base's writes (versioned, with history like watches and sources); the api is their one writer. */
@Injectable()
export class KnowledgeRepository extends KnowledgeReader {
  readonly docs: VersionedDocs<KnowledgeEntry>;

  constructor(search: SearchClient, history: ConfigHistoryReader) {
    super(search);
    this.docs = new VersionedDocs(search, 'knowledge', () => this.index, () => history.index, KnowledgeEntry);
  }
}
