import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { DetectorStateDoc } from '@vigil/contracts';
import { DETECTOR_STATE_ID, DetectorStateReader } from '@vigil/search';
import type { DetectorSnapshot } from '@vigil/detection';

export type StateWithoutClusters = Omit<DetectorSnapshot, 'clusters'>;

/**
 * The detector's working memory (seen mentions, term statistics, burst baselines)
 * outside the clusters, saved after every chunk and before its offsets are
 * committed, so a restart resumes exactly where the committed stream left off.
 * Index and contract: `@vigil/search` detector-state.index.ts.
 */
@Injectable()
export class DetectorStateRepository extends DetectorStateReader {
  async save(state: StateWithoutClusters, savedAt: string): Promise<void> {
    const document: DetectorStateDoc = { savedAt, snapshot: gzipSync(JSON.stringify(state)).toString('base64') };
    await this.search.es.index({ index: this.index, id: DETECTOR_STATE_ID, document });
  }

  async load(): Promise<StateWithoutClusters | undefined> {
    const doc = await this.get();
    return doc ? (JSON.parse(gunzipSync(Buffer.from(doc.snapshot, 'base64')).toString('utf8')) as StateWithoutClusters) : undefined;
  }
}
