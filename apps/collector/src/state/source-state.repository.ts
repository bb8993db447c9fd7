import { Injectable } from '@nestjs/common';
import type { SourceState } from '@vigil/contracts';
import { SourceStateReader } from '@vigil/search';

/**
 * Collector memory across restarts, one document per source (index, mapping, contract:
 * `@vigil/search` source-state.index.ts). The collector is the only writer; health and gaps
 * are read through `SourceStateReader`, here as in the api.
 */
@Injectable()
export class SourceStateRepository extends SourceStateReader {
  async save(state: SourceState): Promise<void> {
    // Refresh so a restarted collector (or the api's health page) reads it at once.
    await this.search.es.index({ index: this.index, id: state.sourceId, document: state, refresh: 'wait_for' });
  }
}
