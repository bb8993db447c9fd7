import { Injectable } from '@nestjs/common';
import { WatchDoc } from '@vigil/contracts';
import { ConfigHistoryReader, SearchClient, WatchesReader } from '@vigil/search';
import { VersionedDocs } from '../config-docs/versioned-docs';

/** The watches' writes (versioned, with history) beside their readers from libs/search. */
@Injectable()
export class WatchesRepository {
  readonly docs: VersionedDocs<WatchDoc>;

  constructor(
    search: SearchClient,
    readonly reader: WatchesReader,
    readonly history: ConfigHistoryReader,
  ) {
    this.docs = new VersionedDocs(search, 'watch', () => reader.index, () => history.index, WatchDoc);
  }
}
