import { Injectable } from '@nestjs/common';
import { configChangeId, type ConfigChange, type SourceDoc } from '@vigil/contracts';
import { ConfigHistoryReader, isConflict, SearchClient, SourcesReader } from '@vigil/search';

/**
 * The collector's one write to the sources store: seeding it from the sources YAML. Create-only,
 * so a source already in the store (edited in the product, or deleted there) is left as it is.
 */
@Injectable()
export class SourcesSeedRepository {
  constructor(
    private readonly search: SearchClient,
    private readonly reader: SourcesReader,
    private readonly history: ConfigHistoryReader,
  ) {}

  /** true when the source was added, false when the store already had that id. */
  async seed(doc: SourceDoc): Promise<boolean> {
    try {
      await this.search.es.create({ index: this.reader.index, id: doc.id, document: doc, refresh: 'wait_for' });
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
    const change: ConfigChange = { kind: 'source', targetId: doc.id, version: doc.version, action: 'seed', actor: doc.createdBy, at: doc.createdAt, changes: ['config'], snapshot: doc };
    await this.search.es.index({ index: this.history.index, id: configChangeId('source', doc.id, doc.version), document: change, refresh: 'wait_for' });
    return true;
  }
}
