import { Inject, Injectable } from '@nestjs/common';
import { ModelUpdateRun } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword = { type: 'keyword' } as const;

/**
 * Runs of the processor's model-update job (writer: processor; read by the api and tests). One
 * document per run, `_id` `run:<slot>`: created only if absent, which is how one processor
 * instance claims a slot; then what it found, the held-out checks and whether it published.
 */
export const modelUpdatesIndex = singleIndex({
  document: 'model updates',
  suffix: 'model-updates',
  writer: 'processor',
  schema: ModelUpdateRun,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      startedAt: { type: 'date' },
      finishedAt: { type: 'date' },
      instance: keyword,
      outcome: keyword,
      corrections: { type: 'integer' },
      modelVersion: { type: 'integer' },
      reason: { type: 'text', index: false },
      reasonCode: keyword,
      reasonParams: { type: 'object', enabled: false },
      reports: { type: 'object', enabled: false },
    },
  },
});

@Injectable()
export class ModelUpdatesReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return modelUpdatesIndex.name(this.search.options.indexPrefix);
  }

  /** Newest first. */
  async list(size = 20): Promise<ModelUpdateRun[]> {
    const r = await this.search.es.search<ModelUpdateRun>({ ...TOLERATE_MISSING, index: this.index, size, sort: [{ startedAt: { order: 'desc', unmapped_type: 'date' } }] });
    return r.hits.hits.map((h) => ModelUpdateRun.parse(h._source));
  }
}
