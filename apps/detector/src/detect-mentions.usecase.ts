import { Inject, Injectable } from '@nestjs/common';
import type { BaselineStatus, ClusterDoc, EnrichedMention, Signal } from '@vigil/contracts';
import type { Detector, DetectorOutput } from '@vigil/detection';
import { Clock, createLogger } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';
import { BaselinesRepository } from './baselines.repository';
import { ClustersRepository } from './clusters.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DetectorStateRepository } from './detector-state.repository';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';

export const DETECTOR = Symbol('DETECTOR');

/**
 * Feeds mentions (or the passing of time) to the detector and makes its output
 * durable: clusters and baseline states to Elasticsearch, signals to Kafka, then the working state.
 * Outputs are kept until all three writes succeed, because the detector will not
 * produce them a second time (it remembers what it has seen and signalled).
 * Calls are serialised: the consumer and the ticker share one detector.
 */
@Injectable()
export class DetectMentionsUseCase {
  private readonly logger = createLogger('detector');
  private pendingSignals: Signal[] = [];
  private pendingClusters = new Map<string, ClusterDoc>();
  private pendingBaselines: BaselineStatus[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(DETECTOR) private readonly detector: Detector,
    private readonly clusters: ClustersRepository,
    private readonly baselines: BaselinesRepository,
    private readonly coverage: SourceCoverageRepository,
    private readonly state: DetectorStateRepository,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  /** Posts the processor marked old are kept for search only: they never reach the detector. */
  execute(mentions: EnrichedMention[]): Promise<void> {
    return this.serialise(() => {
      this.bound();
      return this.collect(mentions.filter((m) => m.eventTime?.kind !== 'old').map((m) => this.detector.process(m)));
    });
  }

  /** Event time moves on without posts: windows close, bursts cool, quiet clusters close. */
  advanceTo(time: Date): Promise<void> {
    return this.serialise(() => {
      this.bound();
      return this.collect([this.detector.advanceTo(time)]);
    });
  }

  /** Event time may run ahead of the wall clock by the allowed skew, never further (issue 20). */
  bound(): void {
    this.detector.setClockBound(this.clock.now().getTime() + this.options.maxFutureMs);
  }

  /** The collector's coverage gaps, so a dip or a catch-up inside one is neither learnt nor judged. */
  refreshCoverage(): Promise<void> {
    return this.serialise(async () => this.detector.setCoverage(await this.coverage.gaps()));
  }

  private serialise(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async collect(outputs: DetectorOutput[]): Promise<void> {
    for (const o of outputs) {
      this.pendingSignals.push(...o.signals);
      for (const c of o.clusterUpdates) this.pendingClusters.set(c.id, c);
    }
    for (const c of this.detector.flushClusterUpdates()) this.pendingClusters.set(c.id, c);
    await this.clusters.save([...this.pendingClusters.values()]);
    this.pendingClusters.clear();
    this.pendingBaselines.push(...this.detector.takeBaselineChanges());
    await this.baselines.save(this.pendingBaselines);
    this.pendingBaselines = [];
    if (this.pendingSignals.length) {
      await this.producer.send('signals', this.pendingSignals.map((s) => ({ key: s.key, value: s })));
      for (const s of this.pendingSignals) this.logger.info({ signalId: s.id, kind: s.kind, clusterId: s.clusterId, severity: s.severity.level }, 'signal');
      this.pendingSignals = [];
    }
    const { clusters: _clusters, ...rest } = this.detector.snapshot();
    await this.state.save(rest, this.clock.now().toISOString());
  }
}
