import { Inject, Injectable } from '@nestjs/common';
import { PublishedModels } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { getVersioned } from '../versioned';
import { singleIndex } from './stored-index';

/**
 * The deployment's sentiment models in force (writer: processor, its model-update job; read by
 * every processor instance, which follows `modelVersion` without a restart, and by the api).
 * One document, `_id` `current`: Int16 weights of the updated languages (~0.7 MB each, not
 * indexed), when and from how many corrections they were trained, and the checks they passed.
 */
export const analysisModelsIndex = singleIndex({
  document: 'analysis models',
  suffix: 'analysis-models',
  writer: 'processor',
  schema: PublishedModels,
  mappings: {
    dynamic: false,
    properties: {
      modelVersion: { type: 'integer' },
      publishedAt: { type: 'date' },
      trainedAt: { type: 'date' },
      lastCorrectionAt: { type: 'date' },
      corrections: { type: 'integer' },
      models: { type: 'object', enabled: false },
      reports: { type: 'object', enabled: false },
    },
  },
});

export const MODELS_DOC_ID = 'current';

@Injectable()
export class AnalysisModelsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return analysisModelsIndex.name(this.search.options.indexPrefix);
  }

  /** The published models with their weights; undefined until an update was published. */
  async current(): Promise<PublishedModels | undefined> {
    const r = await getVersioned<PublishedModels>(this.search, this.index, MODELS_DOC_ID);
    return r ? PublishedModels.parse(r.source) : undefined;
  }

  /** Only the version and its facts (a realtime get without the weights: what processors poll). */
  async version(): Promise<{ modelVersion: number; publishedAt: string; lastCorrectionAt?: string; corrections: number; categoriesVersion?: number } | undefined> {
    const r = await this.search.es.get<Pick<PublishedModels, 'modelVersion' | 'publishedAt' | 'lastCorrectionAt' | 'corrections' | 'categoriesVersion'>>(
      { index: this.index, id: MODELS_DOC_ID, _source_includes: ['modelVersion', 'publishedAt', 'lastCorrectionAt', 'corrections', 'categoriesVersion'] },
      { ignore: [404] },
    );
    return r.found && r._source ? r._source : undefined;
  }
}
