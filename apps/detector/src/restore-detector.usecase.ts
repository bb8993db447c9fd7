import { Inject, Injectable } from '@nestjs/common';
import type { Detector } from '@vigil/detection';
import { createLogger } from '@vigil/common';
import { ClustersRepository } from './clusters.repository';
import { DetectorStateRepository } from './detector-state.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DETECTOR, DetectMentionsUseCase } from './detect-mentions.usecase';

/**
 * After a restart: the saved working state plus the active clusters from
 * Elasticsearch. Without a saved state (first start, or state lost) the clusters
 * alone still prevent re-opening what was already found.
 */
@Injectable()
export class RestoreDetectorUseCase {
  private readonly logger = createLogger('detector');

  constructor(
    @Inject(DETECTOR) private readonly detector: Detector,
    private readonly clusters: ClustersRepository,
    private readonly state: DetectorStateRepository,
    private readonly coverage: SourceCoverageRepository,
    private readonly detect: DetectMentionsUseCase,
  ) {}

  async execute(): Promise<void> {
    const [saved, clusters, gaps] = await Promise.all([this.state.load(), this.clusters.listActive(), this.coverage.gaps()]);
    // Before restoring: a clock saved in the future (a post dated 9999 before the bound existed) stays there.
    this.detect.bound();
    if (saved) this.detector.restore({ ...saved, clusters } as Parameters<Detector['restore']>[0]);
    else if (clusters.length) this.detector.restoreClusters(clusters);
    this.detector.setCoverage(gaps);
    this.logger.info({ clusters: clusters.length, state: saved ? 'restored' : 'cold' }, 'detector ready');
  }
}
