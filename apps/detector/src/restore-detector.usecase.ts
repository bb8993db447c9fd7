import { Inject, Injectable } from '@nestjs/common';
import { IMPLICIT_WATCH_ID } from '@vigil/contracts';
import type { CoverageGapInput, Detector } from '@vigil/detection';
import { createLogger } from '@vigil/common';
import { KafkaClient, partitionForKey } from '@vigil/kafka';
import { ClustersRepository } from './clusters.repository';
import { DetectorStateRepository } from './detector-state.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DETECTOR_FACTORY } from './detector.tokens';

/**
 * A partition of mentions.by-watch given to this instance (at start or in a rebalance): a new
 * detector with that partition's saved working state plus its active clusters from
 * Elasticsearch — those whose watch the re-keying step sends to this partition. Without a saved
 * state (first start, or state lost) the clusters alone still prevent re-opening what was already found.
 */
@Injectable()
export class RestoreDetectorUseCase {
  private readonly logger = createLogger('detector');
  private partitionCount?: number;

  constructor(
    @Inject(DETECTOR_FACTORY) private readonly create: () => Detector,
    private readonly kafka: KafkaClient,
    private readonly clusters: ClustersRepository,
    private readonly state: DetectorStateRepository,
    private readonly coverage: SourceCoverageRepository,
  ) {}

  /** `clockBound`: set before restoring, so a clock saved in the future (a post dated 9999 before the bound existed) stays there. */
  async execute(partition: number, clockBound: number, gaps?: CoverageGapInput[]): Promise<Detector> {
    // The count decides which watch lives where; it is read once (adding partitions later would move watches).
    this.partitionCount ??= await this.kafka.partitionCount('mentionsByWatch');
    const n = this.partitionCount;
    const [saved, active, knownGaps] = await Promise.all([this.state.load(partition), this.clusters.listActive(), gaps ?? this.coverage.gaps()]);
    const clusters = active.filter((c) => partitionForKey(c.watchId ?? IMPLICIT_WATCH_ID, n) === partition);
    const detector = this.create();
    detector.setClockBound(clockBound);
    if (saved) detector.restore({ ...saved, clusters } as Parameters<Detector['restore']>[0]);
    else if (clusters.length) detector.restoreClusters(clusters);
    detector.setCoverage(knownGaps);
    this.logger.info({ partition, clusters: clusters.length, state: saved ? 'restored' : 'cold' }, 'partition ready');
    return detector;
  }
}
