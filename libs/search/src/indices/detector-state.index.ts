import { Inject, Injectable } from '@nestjs/common';
import { DetectorStateDoc } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex } from './stored-index';

/**
 * The detector's working memory outside the clusters (writer: detector; read by the detector
 * when it is given a partition). One document per partition of mentions.by-watch,
 * `_id` = `partition-<n>`, saved after every chunk (with that chunk's outputs) before they are
 * written out and that partition's offsets are committed, each save conditional on the version
 * its owner last saw (the partition's fence); the snapshot and outbox inside are the detector's own
 * (gzip'd JSON, base64). `_id` = `detector` is the single-instance document of earlier versions.
 */
export const detectorStateIndex = singleIndex({
  document: 'detector state',
  suffix: 'detector-state',
  writer: 'detector',
  schema: DetectorStateDoc,
  mappings: { dynamic: false, properties: { savedAt: { type: 'date' }, snapshot: { type: 'binary' } } },
});

export const DETECTOR_STATE_ID = 'detector';
export const detectorStateId = (partition: number): string => `partition-${partition}`;

@Injectable()
export class DetectorStateReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return detectorStateIndex.name(this.search.options.indexPrefix);
  }

  /** A partition's saved document (`detectorStateId(n)`), undefined before its first save. */
  async get(id: string = DETECTOR_STATE_ID): Promise<DetectorStateDoc | undefined> {
    try {
      return (await this.search.es.get<DetectorStateDoc>({ index: this.index, id }))._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
