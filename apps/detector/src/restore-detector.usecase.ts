import { Inject, Injectable } from '@nestjs/common';
import { IMPLICIT_WATCH_ID, type ClusterDoc } from '@vigil/contracts';
import type { CoverageGapInput, Detector } from '@vigil/detection';
import { createLogger } from '@vigil/common';
import { KafkaClient, partitionForKey } from '@vigil/kafka';
import { ClustersRepository } from './clusters.repository';
import { DetectorStateRepository, PartitionFencedError, type Outbox, type StateVersion } from './detector-state.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DETECTOR_FACTORY } from './detector.tokens';
import { partitionShare } from './legacy-state';
import { PartitionSignalsProducer } from './partition-signals.producer';

/** A partition's detector, the version of its document this instance claimed, and what its last owner may not have written out. */
export interface RestoredPartition {
  detector: Detector;
  version: StateVersion;
  /** The last saved chunk's outputs: written again (clusters and baseline states are idempotent), signals only if their transaction did not commit. */
  outbox: Outbox;
  /** The last save's outbox number. */
  outboxSeq: number;
  /** The group's committed position on the partition: what the saved state covers at least. */
  offset: string;
  /** Partitions of mentions.by-watch: which watch lives where. */
  partitionCount: number;
}

/** Claims race only with an old owner's last save or another claimant: a few tries, then the partition's first chunk tries again. */
const CLAIM_ATTEMPTS = 3;

/**
 * A partition of mentions.by-watch given to this instance (at start or in a rebalance): claimed
 * first (from then on the previous owner's saves are refused), then a new detector with that
 * partition's saved working state plus its active clusters from Elasticsearch — those whose watch
 * the re-keying step sends to this partition — with the last saved chunk's cluster documents laid
 * over them, as they may not have been written when the previous owner stopped. Without a saved
 * state the partition's share of the single-instance state of earlier versions is taken (an
 * upgrade); without either (first start, or state lost) the clusters alone still prevent
 * re-opening what was already found. The saved outbox's signals come back only if the Kafka
 * transaction that was to publish them did not commit.
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
    private readonly signals: PartitionSignalsProducer,
  ) {}

  /** `clockBound`: set before restoring, so a clock saved in the future (a post dated 9999 before the bound existed) stays there. */
  async execute(partition: number, owner: string, now: Date, clockBound: number, gaps?: CoverageGapInput[]): Promise<RestoredPartition> {
    // The count decides which watch lives where; it is read once (adding partitions later would move watches).
    this.partitionCount ??= await this.kafka.partitionCount('mentionsByWatch');
    const n = this.partitionCount;
    for (let attempt = 1; ; attempt++) {
      const saved = await this.state.load(partition);
      let version: StateVersion;
      try {
        version = await this.state.claim(partition, owner, saved.version, now.toISOString());
      } catch (e) {
        if (e instanceof PartitionFencedError && attempt < CLAIM_ATTEMPTS) continue;
        throw e;
      }
      // Claimed in Elasticsearch, then fenced in Kafka: an older owner's open transaction is
      // aborted or finished now, so the committed metadata says for sure whether the saved
      // outbox's signals went out (an older owner frozen after its save commits nothing more).
      const committed = await this.signals.start(partition);
      const sent = saved.outboxSent || (saved.outboxSeq > 0 && committed.outboxSeq >= saved.outboxSeq);
      const outbox: Outbox = saved.outbox ?? { clusters: [], baselines: [], signals: [] };
      const [active, knownGaps] = await Promise.all([this.clusters.listActive(), gaps ?? this.coverage.gaps()]);
      const byId = new Map<string, ClusterDoc>(active.filter((c) => partitionForKey(c.watchId ?? IMPLICIT_WATCH_ID, n) === partition).map((c) => [c.id, c]));
      for (const c of outbox.clusters) {
        if (c.status === 'active') byId.set(c.id, c);
        else byId.delete(c.id);
      }
      const clusters = [...byId.values()];
      const legacy = saved.state ? undefined : await this.state.loadLegacy();
      const state = saved.state ?? (legacy && partitionShare(legacy, (watchId) => partitionForKey(watchId, n) === partition));
      const detector = this.create();
      detector.setClockBound(clockBound);
      if (state) detector.restore({ ...state, clusters } as Parameters<Detector['restore']>[0]);
      else if (clusters.length) detector.restoreClusters(clusters);
      detector.setCoverage(knownGaps);
      const how = saved.state ? 'restored' : legacy ? 'migrated from the single-instance state' : 'cold';
      this.logger.info({ partition, clusters: clusters.length, state: how, previousOwner: saved.owner, owner, offset: committed.offset, outboxSignalsSent: sent }, 'partition ready');
      return { detector, version, outbox: { ...outbox, signals: sent ? [] : outbox.signals }, outboxSeq: saved.outboxSeq, offset: committed.offset, partitionCount: n };
    }
  }
}
