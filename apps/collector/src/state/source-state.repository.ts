import { Injectable } from '@nestjs/common';
import { errors } from '@elastic/elasticsearch';
import { SearchClient } from '@vigil/search';
import type { SourceCursor } from '../sources/source-adapter';

export interface SourceState {
  sourceId: string;
  cursor: SourceCursor;
  updatedAt: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  errorCount: number;
  itemsEmitted: number;
}

/** Collector memory across restarts, one document per source in Elasticsearch. */
@Injectable()
export class SourceStateRepository {
  constructor(private readonly search: SearchClient) {}

  async get(sourceId: string): Promise<SourceState | undefined> {
    try {
      const r = await this.search.es.get<SourceState>({ index: this.search.names.sourceState, id: sourceId });
      return r._source;
    } catch (e) {
      if (e instanceof errors.ResponseError && e.statusCode === 404) return undefined;
      throw e;
    }
  }

  async list(): Promise<SourceState[]> {
    const r = await this.search.es.search<SourceState>({ index: this.search.names.sourceState, size: 1000, query: { match_all: {} } });
    return r.hits.hits.map((h) => h._source!).filter(Boolean);
  }

  async save(state: SourceState): Promise<void> {
    // Refresh so a restarted collector (or the api's health page) reads it at once.
    await this.search.es.index({ index: this.search.names.sourceState, id: state.sourceId, document: state, refresh: 'wait_for' });
  }
}
