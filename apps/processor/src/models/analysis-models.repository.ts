import { Injectable } from '@nestjs/common';
import type { PublishedModels } from '@vigil/contracts';
import { AnalysisModelsReader, getVersioned, MODELS_DOC_ID, writeVersioned } from '@vigil/search';

/** The processor's writes of the models in force: one document, replaced only over the version read. */
@Injectable()
export class AnalysisModelsRepository extends AnalysisModelsReader {
  /**
   * Publishes `doc` as the next version if the document is still at `expectedVersion` (0 = none yet).
   * False when another instance published first: this run's update was checked against models
   * no longer in force, so it is dropped, not forced.
   */
  async publish(doc: Omit<PublishedModels, 'modelVersion'>, expectedVersion: number): Promise<PublishedModels | undefined> {
    const stored = await getVersioned<PublishedModels>(this.search, this.index, MODELS_DOC_ID);
    if ((stored?.source.modelVersion ?? 0) !== expectedVersion) return undefined;
    const next: PublishedModels = { ...doc, modelVersion: expectedVersion + 1 };
    const written = await writeVersioned(this.search, this.index, MODELS_DOC_ID, next, stored && { seqNo: stored.seqNo, primaryTerm: stored.primaryTerm });
    if (!written) return undefined;
    await this.search.es.indices.refresh({ index: this.index });
    return next;
  }
}
