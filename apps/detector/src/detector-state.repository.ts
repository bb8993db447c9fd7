import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { SearchClient } from '@vigil/search';
import type { DetectorSnapshot } from '@vigil/detection';

export type StateWithoutClusters = Omit<DetectorSnapshot, 'clusters'>;

/**
 * The detector's working memory (seen mentions, term statistics, burst baselines)
 * outside the clusters, saved after every chunk and before its offsets are
 * committed, so a restart resumes exactly where the committed stream left off.
 */
@Injectable()
export class DetectorStateRepository {
  constructor(private readonly search: SearchClient) {}

  private get index(): string {
    return `${this.search.names.prefix}detector-state`;
  }

  async save(state: StateWithoutClusters, savedAt: string): Promise<void> {
    const snapshot = gzipSync(JSON.stringify(state)).toString('base64');
    await this.search.es.index({ index: this.index, id: 'detector', document: { savedAt, snapshot } });
  }

  async load(): Promise<StateWithoutClusters | undefined> {
    try {
      const r = await this.search.es.get<{ snapshot: string }>({ index: this.index, id: 'detector' });
      return r._source ? (JSON.parse(gunzipSync(Buffer.from(r._source.snapshot, 'base64')).toString('utf8')) as StateWithoutClusters) : undefined;
    } catch (e) {
      if ((e as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return undefined;
      throw e;
    }
  }
}
