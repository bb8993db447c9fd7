import { Inject, Injectable } from '@nestjs/common';
import type { BaselineStatus, ClusterDoc, EnrichedMention, Signal } from '@vigil/contracts';
import type { CoverageGapInput, Detector, DetectorOutput, DetectorStats } from '@vigil/detection';
import { Clock, createLogger } from '@vigil/common';
import { MessageProducer } from '@vigil/kafka';
import { BaselinesRepository } from './baselines.repository';
import { ClustersRepository } from './clusters.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DetectorStateRepository, PartitionFencedError, type StateVersion } from './detector-state.repository';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';
import { RestoreDetectorUseCase } from './restore-detector.usecase';

/** A partition's detector, the version of its state document this instance holds, and the outputs not yet written out. */
interface Held {
  detector: Detector;
  version: StateVersion;
  signals: Signal[];
  clusters: Map<string, ClusterDoc>;
  baselines: BaselineStatus[];
}

/**
 * Feeds mentions (or the passing of time) to the detector of their partition of
 * mentions.by-watch and makes its output durable: first the partition's working state together
 * with the chunk's outputs (clusters, baseline states, signals), conditional on this instance
 * still holding the partition; then clusters and baseline states to Elasticsearch and signals
 * to Kafka. So a crash between the writes leaves a state whose outputs the next owner writes out
 * (the state never runs behind the clusters, which would count the redelivered posts twice), and
 * an instance that lost the partition without knowing it yet (a long pause, a lost session)
 * writes nothing: the new owner's claim makes its save fail, and it drops the partition until
 * the group gives it back. Outputs are kept until all writes succeed, because the detector will not
 * produce them a second time (it remembers what it has seen and signalled).
 * Calls are serialised: the consumer, the ticker and rebalances share the detectors.
 */
@Injectable()
export class DetectMentionsUseCase {
  private readonly logger = createLogger('detector');
  private readonly held = new Map<number, Held>();
  /** Partitions another instance claimed while this one held them: not taken again before the next assignment. */
  private readonly fenced = new Set<number>();
  /** The group's latest assignment to this instance; unknown until the first (a caller that drives partitions itself, like a replay). */
  private assigned?: ReadonlySet<number>;
  private gaps: CoverageGapInput[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly restore: RestoreDetectorUseCase,
    private readonly clusters: ClustersRepository,
    private readonly baselines: BaselinesRepository,
    private readonly coverage: SourceCoverageRepository,
    private readonly state: DetectorStateRepository,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  /** One partition's chunk. Posts the processor marked old are kept for search only: they never reach the detector. */
  execute(partition: number, mentions: EnrichedMention[]): Promise<void> {
    return this.serialise(async () => {
      const h = await this.hold(partition);
      this.bound(h.detector);
      await this.collect(partition, h, mentions.filter((m) => m.eventTime?.kind !== 'old').map((m) => h.detector.process(m)));
    });
  }

  /** Event time moves on without posts in every partition held: windows close, bursts cool, quiet clusters close. */
  advanceTo(time: Date): Promise<void> {
    return this.serialise(async () => {
      for (const [partition, h] of [...this.held]) {
        this.bound(h.detector);
        try {
          await this.collect(partition, h, [h.detector.advanceTo(time)]);
        } catch (e) {
          if (!(e instanceof PartitionFencedError)) throw e;
        }
      }
    });
  }

  /**
   * After a rebalance: the partitions this instance holds now. The others' detectors go (their
   * saved state is the new owner's to restore); new ones are restored now, so a quiet partition's
   * bursts still cool. A restore that fails here is tried again by the partition's first chunk.
   */
  assign(partitions: readonly number[]): Promise<void> {
    // Known at once, not when the queue gets here: a chunk of the old generation still queued must
    // not claim back a partition the group has given to another instance (that would fence the
    // rightful owner out until the next rebalance).
    const assigned = new Set(partitions);
    this.assigned = assigned;
    for (const p of [...this.held.keys()]) if (!assigned.has(p)) this.held.delete(p);
    // A new generation: what the group gives now is this instance's, whatever it was fenced from before.
    this.fenced.clear();
    return this.serialise(async () => {
      for (const p of partitions) {
        if (this.assigned !== assigned) return; // a later rebalance's call restores what it gives
        await this.hold(p).catch((e) => this.logger.warn({ partition: p, err: (e as Error).message }, 'partition not restored yet; its first chunk tries again'));
      }
      this.logger.info({ partitions }, 'partitions held');
    });
  }

  /** The partitions whose detectors are in memory. */
  partitions(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  /** The held detectors' sizes added up; the clock is the latest of theirs. */
  stats(): DetectorStats {
    const total: DetectorStats = { clock: 0, clusters: 0, seen: 0, burstKeys: 0, lshBuckets: 0, termPostings: 0 };
    for (const { detector } of this.held.values()) {
      const s = detector.stats();
      total.clock = Math.max(total.clock, s.clock);
      for (const k of ['clusters', 'seen', 'burstKeys', 'lshBuckets', 'termPostings'] as const) total[k] += s[k];
    }
    return total;
  }

  /** The collector's coverage gaps, so a dip or a catch-up inside one is neither learnt nor judged. */
  refreshCoverage(): Promise<void> {
    return this.serialise(async () => {
      this.gaps = await this.coverage.gaps();
      for (const h of this.held.values()) h.detector.setCoverage(this.gaps);
    });
  }

  /** Event time may run ahead of the wall clock by the allowed skew, never further (issue 20). */
  private bound(d: Detector): void {
    d.setClockBound(this.clock.now().getTime() + this.options.maxFutureMs);
  }

  private async hold(partition: number): Promise<Held> {
    if (this.assigned && !this.assigned.has(partition)) throw new Error(`partition ${partition} is not assigned to this instance (a chunk from before the rebalance)`);
    const known = this.held.get(partition);
    if (known) return known;
    if (this.fenced.has(partition)) throw new PartitionFencedError(partition);
    const now = this.clock.now();
    const r = await this.restore.execute(partition, this.options.instanceId, now, now.getTime() + this.options.maxFutureMs, this.gaps);
    const h: Held = { detector: r.detector, version: r.version, signals: [...r.outbox.signals], clusters: new Map(r.outbox.clusters.map((c) => [c.id, c])), baselines: [...r.outbox.baselines] };
    this.held.set(partition, h);
    // What the previous owner saved but may not have written out goes out before anything new.
    if (h.signals.length || h.clusters.size || h.baselines.length) await this.collect(partition, h, []);
    return h;
  }

  private serialise(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async collect(partition: number, h: Held, outputs: DetectorOutput[]): Promise<void> {
    for (const o of outputs) {
      h.signals.push(...o.signals);
      for (const c of o.clusterUpdates) h.clusters.set(c.id, c);
    }
    for (const c of h.detector.flushClusterUpdates()) h.clusters.set(c.id, c);
    h.baselines.push(...h.detector.takeBaselineChanges());
    const outbox = { clusters: [...h.clusters.values()], baselines: [...new Map(h.baselines.map((b) => [b.key, b])).values()], signals: h.signals };
    const { clusters: _clusters, ...rest } = h.detector.snapshot();
    try {
      h.version = await this.state.save(partition, this.options.instanceId, rest, outbox, h.version, this.clock.now().toISOString());
      await this.clusters.save(outbox.clusters);
      h.clusters.clear();
      await this.baselines.save(outbox.baselines);
      h.baselines = [];
      if (outbox.signals.length) {
        await this.producer.send('signals', outbox.signals.map((s) => ({ key: s.key, value: s })));
        for (const s of outbox.signals) this.logger.info({ signalId: s.id, kind: s.kind, clusterId: s.clusterId, severity: s.severity.level, partition }, 'signal');
        h.signals = [];
        h.version = await this.state.markSent(partition, h.version);
      }
    } catch (e) {
      if (e instanceof PartitionFencedError) this.drop(partition);
      throw e;
    }
  }

  /** Another instance holds the partition now: its state is theirs, and this one's outputs die with it. */
  private drop(partition: number): void {
    this.held.delete(partition);
    this.fenced.add(partition);
    this.logger.warn({ partition, owner: this.options.instanceId }, 'partition claimed by another instance; dropped until the next assignment');
  }
}
