import { Inject, Injectable } from '@nestjs/common';
import type { BaselineStatus, ClusterDoc, EnrichedMention, IncidentOutcome, Signal } from '@vigil/contracts';
import { routeAt, type ConfirmedIncidentInput, type CoverageGapInput, type Detector, type DetectorOutput, type DetectorStats } from '@vigil/detection';
import { partitionForKey } from '@vigil/kafka';
import { Clock, createLogger } from '@vigil/common';
import { BaselinesRepository } from './baselines.repository';
import { ClustersRepository } from './clusters.repository';
import { SourceCoverageRepository } from './source-coverage.repository';
import { DetectorStateRepository, PartitionFencedError, type StateVersion } from './detector-state.repository';
import { DETECTOR_OPTIONS, type DetectorOptions } from './detector.tokens';
import { RestoreDetectorUseCase } from './restore-detector.usecase';
import { PartitionSignalsProducer } from './partition-signals.producer';
import { IncidentConfirmations } from './incident-confirmations';

/** A partition's detector, the version of its state document this instance holds, and the outputs not yet written out. */
interface Held {
  detector: Detector;
  version: StateVersion;
  /** Partitions of mentions.by-watch: which watch lives where. */
  partitionCount: number;
  /** The last save's outbox number. */
  outboxSeq: number;
  /** The offset after the last post the detector has taken in, and the last one committed. */
  offset: string;
  committedOffset: string;
  signals: Signal[];
  clusters: Map<string, ClusterDoc>;
  baselines: BaselineStatus[];
}

/**
 * Feeds mentions (or the passing of time) to the detector of their partition of
 * mentions.by-watch and makes its output durable: first the partition's working state together
 * with the chunk's outputs (clusters, baseline states, signals), conditional on this instance
 * still holding the partition; then clusters (versioned by the save, so a late write of an older
 * one is refused) and baseline states to Elasticsearch; last the signals and the partition's
 * offsets in one Kafka transaction. So a crash between the writes leaves a state whose outputs
 * the next owner writes out (the state never runs behind the clusters, which would count the
 * redelivered posts twice), each signal reaches the topic once (the next owner resends the
 * outbox's signals only if their transaction did not commit), and an instance that lost the
 * partition without knowing it yet (a long pause, a lost session) publishes nothing: the new
 * owner's claim makes its save fail and its producer start fences the old one's transaction, and
 * it drops the partition until the group gives it back. Outputs are kept until all writes succeed, because the detector will not
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
  /** The tickets' outcomes read from incidents.outcomes (the whole topic, at every start). */
  private readonly confirmations = new IncidentConfirmations();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly restore: RestoreDetectorUseCase,
    private readonly clusters: ClustersRepository,
    private readonly baselines: BaselinesRepository,
    private readonly coverage: SourceCoverageRepository,
    private readonly state: DetectorStateRepository,
    private readonly signalsOut: PartitionSignalsProducer,
    private readonly clock: Clock,
    @Inject(DETECTOR_OPTIONS) private readonly options: DetectorOptions,
  ) {}

  /**
   * One partition's chunk; `nextOffset` is the offset after its last message, committed with the
   * chunk's signals. Posts the processor marked old are kept for search only: they never reach the detector.
   */
  execute(partition: number, mentions: EnrichedMention[], nextOffset: string): Promise<void> {
    return this.serialise(async () => {
      const h = await this.hold(partition);
      this.bound(h.detector);
      // A chunk from before the committed position (a redelivery) changes nothing: its posts are in the seen-set.
      if (BigInt(nextOffset) > BigInt(h.offset)) h.offset = nextOffset;
      const partitionOf = (key: string) => partitionForKey(key, h.partitionCount);
      const outputs: DetectorOutput[] = [];
      for (const m of mentions) {
        if (m.eventTime?.kind === 'old') continue;
        // Clustered here, or a copy counted for the volume of the watches that live here (copyKeys).
        const route = routeAt(m, partition, partitionOf);
        outputs.push(route.home ? h.detector.process(m, route.volumeWatches) : h.detector.observeVolume(m, route.volumeWatches));
      }
      await this.collect(partition, h, outputs);
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
    for (const p of [...this.held.keys()]) {
      if (assigned.has(p)) continue;
      this.held.delete(p);
      void this.signalsOut.stop(p);
    }
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

  /**
   * Tickets' outcomes (issue #14): a real incident's hours teach its watches' baselines nothing.
   * Every held detector is told (a watch lives on one partition, the others keep an unused
   * window); a partition restored later is told all of them in hold().
   */
  confirm(outcomes: readonly IncidentOutcome[]): Promise<void> {
    return this.serialise(async () => {
      const inputs = this.confirmations.add(outcomes);
      if (!inputs.length) return;
      for (const h of this.held.values()) h.detector.confirmIncidents(inputs);
      this.logger.info({ confirmed: inputs.map((i) => i.id) }, 'incident outcomes applied');
    });
  }

  /**
   * The confirmed windows in force, what the team judged, and the windows each held partition's
   * detector holds (what its baselines obey): the detector's observable state of issue #14.
   */
  confirmed(): { windows: ConfirmedIncidentInput[]; incidents: number; falseAlarms: number; held: { partition: number; windows: ConfirmedIncidentInput[] }[] } {
    const held = [...this.held].sort(([a], [b]) => a - b).map(([partition, h]) => ({ partition, windows: h.detector.confirmedIncidents() }));
    return { windows: this.confirmations.all(), ...this.confirmations.counts(), held };
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
    // The snapshot does not carry the confirmed windows: the outcomes read from the topic do.
    const confirmed = this.confirmations.all();
    if (confirmed.length) r.detector.confirmIncidents(confirmed);
    const h: Held = {
      detector: r.detector,
      version: r.version,
      partitionCount: r.partitionCount,
      outboxSeq: r.outboxSeq,
      offset: r.offset,
      committedOffset: r.offset,
      signals: [...r.outbox.signals],
      clusters: new Map(r.outbox.clusters.map((c) => [c.id, c])),
      baselines: [...r.outbox.baselines],
    };
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
    // Rises with every save whoever holds the partition (the restored number + 1 at least), and
    // with the clock so a partition that starts cold still writes its clusters over older versions.
    const outboxSeq = Math.max(h.outboxSeq + 1, this.clock.now().getTime());
    try {
      h.version = await this.state.save(partition, this.options.instanceId, rest, outbox, outboxSeq, h.version, this.clock.now().toISOString());
      h.outboxSeq = outboxSeq;
      await this.clusters.save(outbox.clusters, outboxSeq);
      h.clusters.clear();
      await this.baselines.save(outbox.baselines);
      h.baselines = [];
    } catch (e) {
      if (e instanceof PartitionFencedError) this.drop(partition);
      throw e;
    }
    if (!outbox.signals.length && h.offset === h.committedOffset) return;
    try {
      await this.signalsOut.publish(partition, outbox.signals, h.offset, outboxSeq);
    } catch (e) {
      // The producer is closed after any failure. Fenced: the partition is another instance's.
      // Otherwise the partition is restored again by its next chunk, from this save (its signals
      // go out then if this transaction did not commit).
      if (e instanceof PartitionFencedError) this.drop(partition);
      else this.held.delete(partition);
      throw e;
    }
    for (const s of outbox.signals) this.logger.info({ signalId: s.id, kind: s.kind, clusterId: s.clusterId, severity: s.severity.level, partition }, 'signal');
    h.signals = [];
    h.committedOffset = h.offset;
  }

  /** Another instance holds the partition now: its state is theirs, and this one's outputs die with it. */
  private drop(partition: number): void {
    this.held.delete(partition);
    void this.signalsOut.stop(partition);
    this.fenced.add(partition);
    this.logger.warn({ partition, owner: this.options.instanceId }, 'partition claimed by another instance; dropped until the next assignment');
  }
}
