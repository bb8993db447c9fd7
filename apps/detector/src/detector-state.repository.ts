import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import type { DetectorStateDoc } from '@vigil/contracts';
import { DetectorStateReader, detectorStateId } from '@vigil/search';
import type { DetectorSnapshot } from '@vigil/detection';

export type StateWithoutClusters = Omit<DetectorSnapshot, 'clusters'>;

/**
 * The working memory (seen mentions, term statistics, burst baselines) outside the clusters of
 * one partition of mentions.by-watch, saved after every chunk before its offsets are committed,
 * so whichever instance holds the partition next resumes exactly where the committed stream
 * left off. Index and contract: `@vigil/search` detector-state.index.ts.
 */
@Injectable()
export class DetectorStateRepository extends DetectorStateReader {
  async save(partition: number, state: StateWithoutClusters, savedAt: string): Promise<void> {
    const document: DetectorStateDoc = { savedAt, snapshot: gzipSync(JSON.stringify(state)).toString('base64') };
    await this.search.es.index({ index: this.index, id: detectorStateId(partition), document });
  }

  async load(partition: number): Promise<StateWithoutClusters | undefined> {
    const doc = await this.get(detectorStateId(partition));
    return doc ? (JSON.parse(gunzipSync(Buffer.from(doc.snapshot, 'base64')).toString('utf8')) as StateWithoutClusters) : undefined;
  }
}
