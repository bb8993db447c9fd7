import { CONFIDENT_CUE, severityRank, type BaselineStatus, type ClusterDoc, type EnrichedMention, type RiskCue, type Signal } from '@vigil/contracts';
import { ClosedClusters, type ClosedEntry } from './closed-clusters';
import type { ClusterRecord } from './cluster-record';
import { resolveConfig, type DeepPartial, type DetectionConfig } from './config';
import { ConfirmedIncidents, type ConfirmedIncidentInput } from './confirmed-incidents';
import { CoverageBook, type CoverageGapInput } from './coverage';
import { EntityBackground } from './entity-background';
import { extractFeatures, isComplaint, type PostFeatures } from './features';
import { assessGroupComplaint } from './group-complaint';
import { IncidentKeys, type IncidentKeysSnapshot } from './incident-keys';
import { OnlineClusterer } from './online-clusterer';
import { clusterSeverity, clusterSignal, nextGrowthThreshold, riskFlagSignal, singlePostWorthy } from './signals';
import { SeenSet } from './seen-set';
import { TermStats } from './term-stats';
import { shortTitle } from './titles';
import { VolumeMonitor, type RecentPost, type VolumeDimension, type VolumeSnapshot } from './volume-monitor';
import { watchesOf } from './watch-keys';
import { WatchTerms } from './watch-terms';

export interface DetectorOutput {
  signals: Signal[];
  /** Clusters touched (created, grown, merged away, closed, evicted): persist these. */
  clusterUpdates: ClusterDoc[];
}

/** Plain JSON: everything needed to continue exactly where the detector stopped. */
export interface DetectorSnapshot {
  version: 2;
  clock: number;
  clusters: ClusterDoc[];
  seen: ReturnType<SeenSet['export']>;
  terms: { docs: number; table: string };
  volume: VolumeSnapshot;
  closed: ClosedEntry[];
  incidents: IncidentKeysSnapshot;
}

export interface DetectorStats {
  clock: number;
  clusters: number;
  seen: number;
  burstKeys: number;
  lshBuckets: number;
  termPostings: number;
}

export interface Detector {
  readonly config: DetectionConfig;
  /**
   * `volumeWatches`: the own watches whose volume (burst keys) this detector counts the post for
   * (default: all of them); the others' volume is counted where they live (a partition's detector).
   */
  process(mention: EnrichedMention, volumeWatches?: readonly string[]): DetectorOutput;
  /** A post clustered elsewhere (another partition), counted here for the volume of `watchIds` only. */
  observeVolume(mention: EnrichedMention, watchIds: readonly string[]): DetectorOutput;
  /** Let event time pass without posts: closes windows (burst_cooling) and quiet clusters. */
  advanceTo(time: string | number | Date): DetectorOutput;
  /** The collector's coverage gaps per source (replaces what was known of those sources). */
  setCoverage(gaps: readonly CoverageGapInput[]): void;
  /**
   * Incidents a person confirmed (a ticket's outcome "real incident"), per watch: the baselines of
   * the watch do not learn from their hours, and unlearn those of the last day already learnt.
   * Adds or replaces windows by id.
   */
  confirmIncidents(windows: readonly ConfirmedIncidentInput[]): void;
  /** The confirmed windows this detector holds (times in ms; an open one without `to`). */
  confirmedIncidents(): ConfirmedIncidentInput[];
  /**
   * The latest event time (ms) the clock may reach, e.g. wall time plus the skew allowed; undefined
   * lifts it. A post dated past it counts at the bound, advanceTo() stops there, and restore() does
   * not bring back a clock beyond it: one post dated 9999 must not age every cluster out.
   */
  setClockBound(bound: number | undefined): void;
  /** Clusters changed since the last flush and not yet returned by process(): persist them in one bulk write. */
  flushClusterUpdates(): ClusterDoc[];
  /** Baseline states (warming up, coverage gap, ready) that changed since the last call: persist these. */
  takeBaselineChanges(): BaselineStatus[];
  baselineStatuses(): BaselineStatus[];
  snapshot(): DetectorSnapshot;
  /** Accepts this version's snapshots, and version 1 (clusters, seen set, terms; baselines start warming up). */
  restore(snapshot: DetectorSnapshot | { version: 1 } | { version: number }): void;
  /** Rebuild from persisted cluster documents alone (no seen-set, burst baselines start cold). */
  restoreClusters(docs: readonly ClusterDoc[]): void;
  stats(): DetectorStats;
}

export function createDetector(patch?: DeepPartial<DetectionConfig>): Detector {
  return new VigilDetector(resolveConfig(patch));
}

const MAX_RULES = 10_000;
/**
 * A cue without a confidence (messages from before the analysis scored them) counts as sure;
 * a single post needs its cues at the analysis' CONFIDENT_CUE to be flagged.
 */
const cueConfidence = (c: RiskCue): number => ('confidence' in c && typeof c.confidence === 'number' ? c.confidence : 1);

class VigilDetector implements Detector {
  private clusterer: OnlineClusterer;
  private readonly coverage = new CoverageBook();
  private readonly confirmed = new ConfirmedIncidents();
  private volume: VolumeMonitor;
  private terms = new TermStats();
  private readonly watchTerms = new WatchTerms();
  private readonly background = new EntityBackground();
  private readonly closed: ClosedClusters;
  private readonly incidents: IncidentKeys;
  private readonly rulesLearnt = new Set<string>();
  private seen: SeenSet;
  private clock = 0;
  private clockBound = Number.POSITIVE_INFINITY;
  /** Clusters changed since the last flush (deferred persistence). */
  private dirty = new Set<string>();

  constructor(readonly config: DetectionConfig) {
    this.clusterer = new OnlineClusterer(config);
    this.seen = new SeenSet(config.signals.seenCap, config.signals.seenHours);
    this.volume = new VolumeMonitor(config.burst, this.coverage, this.confirmed);
    this.closed = new ClosedClusters(config.clustering.closedKeepHours);
    this.incidents = new IncidentKeys(config, this.clusterer, this.volume);
  }

  process(m: EnrichedMention, volumeWatches?: readonly string[]): DetectorOutput {
    const out: DetectorOutput = { signals: [], clusterUpdates: [] };
    if (this.seen.has(m.id)) return out;
    const at = Math.min(Date.parse(m.publishedAt), this.clockBound);
    if (!Number.isFinite(at)) return out;
    this.seen.add(m.id, at);
    this.housekeeping(Math.max(this.clock, at), out);
    const watches = watchesOf(m);
    if (!watches.own.length) return out;
    const watchId = watches.own[0]!;
    for (const rule of watches.rules) this.learnRule(watchId, rule);

    const cfg = this.config;
    // A cue combination flags a post only on cues the analysis is sure of (idioms and negations
    // score low). A single complaint goes to the plan with all its cues and their confidences: the
    // plan counts those at its own minCueConfidence.
    const cueKinds = m.analysis.riskCues.map((c) => c.kind);
    const sureKinds = m.analysis.riskCues.filter((c) => cueConfidence(c) >= CONFIDENT_CUE).map((c) => c.kind);
    const complaint = isComplaint(m, cfg);
    const flagged = cfg.signals.riskFlagCombos.some((combo) => combo.every((k) => sureKinds.includes(k))) || singlePostWorthy(m, cueKinds, complaint, cfg);
    if (!complaint && !flagged) return out;

    const p = extractFeatures(m, cfg, this.terms, at, watchId, this.watchTerms);
    let cluster: ClusterRecord | undefined;
    if (complaint) {
      cluster = this.cluster(p, out);
      this.observeBackground(p);
      this.countVolume(at, m.sourceId, volumeWatches ?? watches.own, p, cluster.id, out);
    }
    if (flagged) {
      // The signal's severity speaks only for the sure cues (an unsure media + regulator is no floor).
      const sure = { ...p, cues: p.cues.filter((k) => sureKinds.includes(k)) };
      const s = riskFlagSignal(sure, m, cfg, shortTitle(m.title ? `${m.title}。${m.text}` : m.text, p.language) || m.text.slice(0, 80), cluster?.id);
      // A flagged post in a cluster that is already an incident is evidence for that incident.
      if (cluster && cluster.size >= cfg.signals.clusterNewSize) s.key = this.incidents.keyForCluster(cluster);
      out.signals.push(s);
    }
    return out;
  }

  observeVolume(m: EnrichedMention, watchIds: readonly string[]): DetectorOutput {
    const out: DetectorOutput = { signals: [], clusterUpdates: [] };
    if (!watchIds.length || this.seen.has(m.id)) return out;
    const at = Math.min(Date.parse(m.publishedAt), this.clockBound);
    if (!Number.isFinite(at)) return out;
    this.seen.add(m.id, at);
    this.housekeeping(Math.max(this.clock, at), out);
    if (!isComplaint(m, this.config)) return out;
    const p = extractFeatures(m, this.config, this.terms, at, watchIds[0]!, this.watchTerms);
    // No cluster here: a burst of such posts takes its watch's storm key, on this partition only.
    this.countVolume(at, m.sourceId, watchIds, p, undefined, out);
    return out;
  }

  private countVolume(at: number, sourceId: string, watchIds: readonly string[], p: PostFeatures, clusterId: string | undefined, out: DetectorOutput): void {
    const dims = this.config.burst.dimensions;
    const keys: Array<readonly [string, VolumeDimension, string]> = [];
    for (const w of watchIds) {
      if (dims.includes('watch')) keys.push([w, 'watch', w]);
      if (dims.includes('category')) for (const c of p.categories) keys.push([w, 'category', c]);
    }
    if (!keys.length) return;
    for (const e of this.volume.observe(at, sourceId, keys, recentPost(p, clusterId))) out.signals.push(this.incidents.burstSignal(e));
  }

  private learnRule(watchId: string, rule: string): void {
    const k = `${watchId}\u0000${rule}`;
    if (this.rulesLearnt.has(k) || this.rulesLearnt.size >= MAX_RULES) return;
    this.rulesLearnt.add(k);
    this.watchTerms.learnRule(watchId, rule);
  }

  private observeBackground(p: PostFeatures): void {
    this.background.observe(p.watchId, 'places', p.places);
    this.background.observe(p.watchId, 'products', p.products);
    this.background.observe(p.watchId, 'orderBatches', p.orderBatches);
    this.background.observe(p.watchId, 'anchors', p.anchors);
  }

  private cluster(p: PostFeatures, out: DetectorOutput): ClusterRecord {
    const cfg = this.config;
    const r = this.clusterer.assign(p);
    const cluster = r.cluster;
    for (const gone of r.merged) {
      this.dirty.delete(gone.id);
      out.clusterUpdates.push(gone.toDoc('merged'));
    }
    for (const c of r.closed) this.close(c, out);
    const before = out.signals.length;
    this.clusterSignals(cluster, p.at, out.signals);
    const signalled = out.signals.length > before || r.merged.length > 0;
    if (cluster.size >= cfg.clustering.persistMinSize) {
      if (signalled || cfg.clustering.updates === 'immediate') {
        out.clusterUpdates.push(cluster.toDoc());
        this.dirty.delete(cluster.id);
      } else {
        this.dirty.add(cluster.id);
      }
    }
    return cluster;
  }

  private close(c: ClusterRecord, out: DetectorOutput): void {
    this.dirty.delete(c.id);
    this.incidents.forgetCluster(c.id);
    if (c.size < this.config.clustering.persistMinSize) return;
    out.clusterUpdates.push(c.toDoc('closed'));
    if (c.size >= this.config.signals.clusterNewSize) this.closed.remember(c, c.closedAt ?? c.lastSeen);
  }

  advanceTo(time: string | number | Date): DetectorOutput {
    const t = typeof time === 'number' ? time : new Date(time).getTime();
    const out: DetectorOutput = { signals: [], clusterUpdates: [] };
    this.housekeeping(Math.max(this.clock, Math.min(t, this.clockBound)), out);
    return out;
  }

  setClockBound(bound: number | undefined): void {
    this.clockBound = bound ?? Number.POSITIVE_INFINITY;
    this.clock = Math.min(this.clock, this.clockBound);
  }

  private housekeeping(now: number, out: DetectorOutput): void {
    this.clock = now;
    for (const e of this.volume.tick(now)) out.signals.push(this.incidents.burstSignal(e));
    const { closed, evicted } = this.clusterer.evict(now);
    for (const c of closed) this.close(c, out);
    for (const gone of evicted) {
      this.dirty.delete(gone.id);
      this.incidents.forgetCluster(gone.id);
      if (gone.size >= this.config.clustering.persistMinSize) out.clusterUpdates.push(gone.toDoc('evicted'));
    }
  }

  private clusterSignals(c: ClusterRecord, at: number, out: Signal[]): void {
    const cfg = this.config;
    const sev = () => clusterSeverity(c, cfg, at, this.volume.watchPerHour(c.watchId));
    const key = () => this.incidents.keyForCluster(c);
    if (c.signalled.newAt === 0 && c.size >= cfg.signals.clusterNewSize && c.distinctAuthors >= 2) {
      c.signalled.newAt = c.size;
      if (!c.previousClusterId) {
        const prev = this.closed.link(c, at, cfg.clustering.linkThreshold);
        if (prev) c.previousClusterId = prev.id;
      }
      out.push(withKey(clusterSignal('cluster_new', c, String(cfg.signals.clusterNewSize), at, sev()), key()));
    }
    let t = nextGrowthThreshold(c.signalled.grewAt, cfg.signals.growthSizes);
    if (c.size >= t) {
      // Several thresholds crossed at once (a merge) signal only the highest.
      while (nextGrowthThreshold(t, cfg.signals.growthSizes) <= c.size) t = nextGrowthThreshold(t, cfg.signals.growthSizes);
      c.signalled.grewAt = t;
      out.push(withKey(clusterSignal('cluster_grew', c, String(t), at, sev()), key()));
    }
    // A big cluster's group status moves slowly: re-assess it every tenth post only.
    if (c.size > 50 && c.size % 10 !== 0) return;
    const group = assessGroupComplaint(c, cfg.group, this.background);
    if (group) {
      const severity = sev();
      const prev = c.signalled.group;
      // Re-signal on a change of nature or an escalation only: a level that wobbles down and up stays quiet.
      if (!prev || prev.nature !== group.nature || severityRank(severity.level) > severityRank(prev.level)) {
        c.signalled.group = { nature: group.nature, level: severity.level };
        out.push(withKey(clusterSignal('group_complaint', c, `${group.nature}:${severity.level}`, at, severity, group), key()));
      }
    }
  }

  setCoverage(gaps: readonly CoverageGapInput[]): void {
    this.coverage.set(gaps);
  }

  confirmIncidents(windows: readonly ConfirmedIncidentInput[]): void {
    this.volume.incidentsConfirmed(this.confirmed.set(windows));
  }

  confirmedIncidents(): ConfirmedIncidentInput[] {
    return this.confirmed.export();
  }

  flushClusterUpdates(): ClusterDoc[] {
    const out: ClusterDoc[] = [];
    for (const id of this.dirty) {
      const c = this.clusterer.clusters.get(id);
      if (c) out.push(c.toDoc());
    }
    this.dirty.clear();
    return out;
  }

  takeBaselineChanges(): BaselineStatus[] {
    return this.volume.takeStatusChanges(this.clock);
  }

  baselineStatuses(): BaselineStatus[] {
    return this.volume.statuses(this.clock);
  }

  snapshot(): DetectorSnapshot {
    return {
      version: 2,
      clock: this.clock,
      clusters: [...this.clusterer.clusters.values()].map((c) => c.toDoc()),
      seen: this.seen.export(),
      terms: this.terms.export(),
      volume: this.volume.export(),
      closed: this.closed.export(),
      incidents: this.incidents.export(),
    };
  }

  restore(snap: DetectorSnapshot | { version: number }): void {
    if (snap.version !== 1 && snap.version !== 2) throw new Error(`unsupported detector snapshot version ${String(snap.version)}`);
    const s = snap as Partial<DetectorSnapshot> & Pick<DetectorSnapshot, 'clock' | 'clusters' | 'seen' | 'terms'>;
    this.clusterer.clear();
    this.clusterer.load(s.clusters);
    this.seen.import(s.seen);
    this.terms.import(s.terms);
    // Version 1 kept bursts by topic and place: its baselines do not carry over; keys start warming up.
    if (s.volume) this.volume.import(s.volume);
    if (s.closed) this.closed.import(s.closed);
    this.incidents.import(s.incidents);
    this.clock = Math.min(s.clock, this.clockBound);
  }

  restoreClusters(docs: readonly ClusterDoc[]): void {
    this.clusterer.load(docs);
    for (const d of docs) this.clock = Math.max(this.clock, Math.min(Date.parse(d.lastSeen), this.clockBound));
  }

  stats(): DetectorStats {
    return {
      clock: this.clock,
      clusters: this.clusterer.clusters.size,
      seen: this.seen.size,
      burstKeys: this.volume.size,
      ...this.clusterer.indexSizes,
    };
  }
}

function withKey(s: Signal, key: string): Signal {
  s.key = key;
  return s;
}

function recentPost(p: PostFeatures, cluster: string | undefined): RecentPost {
  return {
    id: p.id, at: p.at, author: p.authorHash, reach: p.reach, money: p.maxMoney, cues: p.cues, channel: p.channel,
    emotion: p.emotion, sentiment: p.sentiment, places: p.places, categories: p.categories, products: p.products, cluster,
    text: p.text, language: p.language,
  };
}
