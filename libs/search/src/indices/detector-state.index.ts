import { Inject, Injectable } from '@nestjs/common';
import { DetectorStateDoc } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex } from './stored-index';

/**
 * The detector's working memory outside the clusters (writer: detector; read by the detector
 * at start). One document, `_id` = `detector`, saved after every chunk before offsets are
 * committed; the snapshot inside is the detector's own (gzip'd JSON, base64).
 */
export const detectorStateIndex = singleIndex({
  document: 'detector state',
  suffix: 'detector-state',
  writer: 'detector',
  schema: DetectorStateDoc,
  mappings: { dynamic: false, properties: { savedAt: { type: 'date' }, snapshot: { type: 'binary' } } },
});

export const DETECTOR_STATE_ID = 'detector';

@Injectable()
export class DetectorStateReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return detectorStateIndex.name(this.search.options.indexPrefix);
  }

  /** The saved document, undefined before the first save. */
  async get(): Promise<DetectorStateDoc | undefined> {
    try {
      return (await this.search.es.get<DetectorStateDoc>({ index: this.index, id: DETECTOR_STATE_ID }))._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
