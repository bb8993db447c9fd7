import { Injectable } from '@nestjs/common';
import type { PublishedModels } from '@vigil/contracts';
import { AnalysisModelsReader, getVersioned, MODELS_DOC_ID, writeVersioned } from '@vigil/search';

type CategoryNudges = PublishedModels['models']['categories'];

/** The same category nudges (stored form: per id its ids and weights, base64), whatever the key order. */
export function sameNudges(a: CategoryNudges, b: CategoryNudges): boolean {
  const ka = Object.keys(a ?? {}).sort();
  const kb = Object.keys(b ?? {}).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a![k]!.ids === b![k]!.ids && a![k]!.weights === b![k]!.weights);
}

/** The processor's writes of the models in force: one document, replaced only over the version read. */
@Injectable()
export class AnalysisModelsRepository extends AnalysisModelsReader {
  /**
   * Publishes `doc` as the next version if the document is still at `expectedVersion` (0 = none yet).
   * False when another instance published first: this run's update was checked against models
   * no longer in force, so it is dropped, not forced. `categoriesVersion` moves to the new version
   * when the category nudges differ from the stored ones (or were stored without it), and is kept
   * otherwise (re-scoring reads it).
   */
  async publish(doc: Omit<PublishedModels, 'modelVersion' | 'categoriesVersion'>, expectedVersion: number): Promise<PublishedModels | undefined> {
    const stored = await getVersioned<PublishedModels>(this.search, this.index, MODELS_DOC_ID);
    if ((stored?.source.modelVersion ?? 0) !== expectedVersion) return undefined;
    const modelVersion = expectedVersion + 1;
    const before = stored?.source;
    // Nudges stored before `categoriesVersion` existed have no version: they count as changed once.
    const unversioned = !before?.categoriesVersion && Object.keys(doc.models.categories ?? {}).length > 0;
    const categoriesVersion = sameNudges(before?.models.categories, doc.models.categories) && !unversioned ? before?.categoriesVersion : modelVersion;
    const next: PublishedModels = { ...doc, modelVersion, ...(categoriesVersion ? { categoriesVersion } : {}) };
    const written = await writeVersioned(this.search, this.index, MODELS_DOC_ID, next, stored && { seqNo: stored.seqNo, primaryTerm: stored.primaryTerm });
    if (!written) return undefined;
    await this.search.es.indices.refresh({ index: this.index });
    return next;
  }
}
