import { severityRank, type ClusterDoc, type EnrichedMention, type Signal } from '@vigil/contracts';
import { BurstDetector, type BurstDimension, type BurstEvent, type BurstSnapshot } from './burst-detector';
import type { ClusterRecord } from './cluster-record';
import { resolveConfig, type DeepPartial, type DetectionConfig } from './config';
import { extractFeatures, isComplaint } from './features';
import { assessGroupComplaint } from './group-complaint';
import { OnlineClusterer } from './online-clusterer';
import { burstSignal, clusterSeverity, clusterSignal, nextGrowthThreshold, riskFlagSignal, singlePostWorthy } from './signals';
import { SeenSet } from './seen-set';
import { TermStats } from './term-stats';

export interface DetectorOutput {
  signals: Signal[];
  /** Clusters touched (created, grown, merged away, evicted): persist these. */
  clusterUpdates: ClusterDoc[];
}

/** Plain JSON: everything needed to continue exactly where the detector stopped. */
export interface DetectorSnapshot {
  version: 1;
  clock: number;
  clusters: ClusterDoc[];
  seen: ReturnType<SeenSet['export']>;
  terms: { docs: number; table: string };
  burst: BurstSnapshot;
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
  process(mention: EnrichedMention): DetectorOutput;
  /** Let event time pass without posts: closes windows (burst_cooling) and evicts idle clusters. */
  advanceTo(time: string | number | Date): DetectorOutput;
  /** Clusters changed since the last flush and not yet returned by process(): persist them in one bulk write. */
  flushClusterUpdates(): ClusterDoc[];
  snapshot(): DetectorSnapshot;
  restore(snapshot: DetectorSnapshot): void;
  /** Rebuild from persisted cluster documents alone (no seen-set, burst baselines start cold). */
  restoreClusters(docs: readonly ClusterDoc[]): void;
  stats(): DetectorStats;
}


export function createDetector(patch?: DeepPartial<DetectionConfig>): Detector {
  return new VigilDetector(resolveConfig(patch));
}

/** Share of a burst's recent posts one cluster must hold to own the burst. */
const DOMINANT_SHARE = 0.6;
const POST_CLUSTER_CAP = 50_000;

class VigilDetector implements Detector {
  private clusterer: OnlineClusterer;
  private bursts: BurstDetector;
  private terms = new TermStats();
  private seen: SeenSet;
  private clock = 0;
  /** Clusters changed since the last flush (deferred persistence). */
  private dirty = new Set<string>();
  /**
   * Which cluster each recent post joined (two generations of at most POST_CLUSTER_CAP), so a
   * burst can be attributed to the cluster most of its posts belong to.
   */
  private postCluster = new Map<string, string>();
  private postClusterOld = new Map<string, string>();
  /** Burst key → the cluster it was attributed to, until it cools. */
  private burstOwner = new Map<string, string>();

  constructor(readonly config: DetectionConfig) {
    this.clusterer = new OnlineClusterer(config);
    this.seen = new SeenSet(config.signals.seenCap, config.signals.seenHours);
    this.bursts = new BurstDetector(config.burst);
  }

  process(m: EnrichedMention): DetectorOutput {
    const out: DetectorOutput = { signals: [], clusterUpdates: [] };
    if (this.seen.has(m.id)) return out;
    const at = Date.parse(m.publishedAt);
    if (!Number.isFinite(at)) return out;
    this.seen.add(m.id, at);
    this.housekeeping(Math.max(this.clock, at), out);

    const cfg = this.config;
    const cueKinds = m.analysis.riskCues.map((c) => c.kind);
    const complaint = isComplaint(m, cfg);
    const flagged = cfg.signals.riskFlagCombos.some((combo) => combo.every((k) => cueKinds.includes(k))) || singlePostWorthy(m, cueKinds, complaint, cfg);
    if (!complaint && !flagged) return out;

    const p = extractFeatures(m, cfg, this.terms, at);
    let cluster: ClusterRecord | undefined;
    if (complaint) {
      const r = this.clusterer.assign(p);
      cluster = r.cluster;
      this.rememberPost(p.id, cluster.id);
      for (const gone of r.merged) {
        this.dirty.delete(gone.id);
        out.clusterUpdates.push(gone.toDoc('merged'));
      }
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

      const dims: Array<[BurstDimension, string]> = [];
      for (const t of p.topics) dims.push(['topic', t]);
      for (const c of p.categories) dims.push(['category', c]);
      for (const pl of p.places) dims.push(['place', pl]);
      // A singleton cannot burst: keying every post's fresh cluster would only churn memory.
      if (cluster.size >= 2) dims.push(['cluster', cluster.id]);
      const prior = cluster.size === 2 ? cluster.recentTimes.slice(0, -1) : undefined;
      for (const e of this.bursts.observe(p, dims, prior)) out.signals.push(this.burstToSignal(e));
    }
    if (flagged) {
      const label = cluster?.label() || m.title || m.text.slice(0, 80);
      const s = riskFlagSignal(p, m, cfg, label, cluster?.id);
      // A flagged post in a cluster that is already an incident is evidence for that incident.
      if (cluster && cluster.size >= cfg.signals.clusterNewSize) s.key = cluster.id;
      out.signals.push(s);
    }
    return out;
  }

  advanceTo(time: string | number | Date): DetectorOutput {
    const t = typeof time === 'number' ? time : new Date(time).getTime();
    const out: DetectorOutput = { signals: [], clusterUpdates: [] };
    this.housekeeping(Math.max(this.clock, t), out);
    return out;
  }

  private housekeeping(now: number, out: DetectorOutput): void {
    this.clock = now;
    for (const e of this.bursts.tick(now)) out.signals.push(this.burstToSignal(e));
    for (const gone of this.clusterer.evict(now)) {
      this.dirty.delete(gone.id);
      if (gone.size >= this.config.clustering.persistMinSize) out.clusterUpdates.push(gone.toDoc('evicted'));
    }
  }

  private clusterSignals(c: ClusterRecord, at: number, out: Signal[]): void {
    const cfg = this.config;
    const sev = () => clusterSeverity(c, cfg);
    if (c.signalled.newAt === 0 && c.size >= cfg.signals.clusterNewSize) {
      c.signalled.newAt = c.size;
      out.push(clusterSignal('cluster_new', c, String(cfg.signals.clusterNewSize), at, sev()));
    }
    let t = nextGrowthThreshold(c.signalled.grewAt, cfg.signals.growthSizes);
    if (c.size >= t) {
      // Several thresholds crossed at once (a merge) signal only the highest.
      while (nextGrowthThreshold(t, cfg.signals.growthSizes) <= c.size) t = nextGrowthThreshold(t, cfg.signals.growthSizes);
      c.signalled.grewAt = t;
      out.push(clusterSignal('cluster_grew', c, String(t), at, sev()));
    }
    // A big cluster's group status moves slowly: re-assess it every tenth post only.
    if (c.size > 50 && c.size % 10 !== 0) return;
    const group = assessGroupComplaint(c, cfg.group);
    if (group) {
      const severity = sev();
      const prev = c.signalled.group;
      // Re-signal on a change of nature or an escalation only: a level that wobbles down and up stays quiet.
      if (!prev || prev.nature !== group.nature || severityRank(severity.level) > severityRank(prev.level)) {
        c.signalled.group = { nature: group.nature, level: severity.level };
        out.push(clusterSignal('group_complaint', c, `${group.nature}:${severity.level}`, at, severity, group));
      }
    }
  }

  /**
   * A burst is keyed by what rose (a place, a category, the brand's whole volume, a cluster).
   * When most of its recent posts belong to one cluster that is already an incident, the
   * burst is that incident's news: the signal carries the cluster as its key, so the responder
   * attaches it to the cluster's ticket instead of opening a second ticket for the same storm.
   */
  private burstToSignal(e: BurstEvent): Signal {
    let owner = e.dim === 'cluster' ? e.value : this.burstOwner.get(e.key);
    if (!owner && e.kind === 'burst') owner = this.dominantCluster(e);
    const cluster = owner ? this.clusterer.clusters.get(owner) : undefined;
    const label = cluster ? `${e.dim}: ${cluster.label()}` : `${e.dim}: ${e.value}`;
    const s = burstSignal(e, this.config, label, cluster?.id ?? (e.dim === 'cluster' ? e.value : undefined));
    if (cluster) s.key = cluster.id;
    if (e.kind === 'burst_cooling') this.burstOwner.delete(e.key);
    else if (cluster && e.dim !== 'cluster') this.burstOwner.set(e.key, cluster.id);
    return s;
  }

  private dominantCluster(e: BurstEvent): string | undefined {
    const votes = new Map<string, number>();
    for (const post of e.posts) {
      const id = this.postCluster.get(post.id) ?? this.postClusterOld.get(post.id);
      if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const v of votes) if (!best || v[1] > best[1]) best = v;
    if (!best || best[1] < DOMINANT_SHARE * e.posts.length) return undefined;
    const c = this.clusterer.clusters.get(best[0]);
    return c && c.size >= this.config.signals.clusterNewSize ? c.id : undefined;
  }

  private rememberPost(postId: string, clusterId: string): void {
    if (this.postCluster.size >= POST_CLUSTER_CAP) {
      this.postClusterOld = this.postCluster;
      this.postCluster = new Map();
    }
    this.postCluster.set(postId, clusterId);
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

  snapshot(): DetectorSnapshot {
    return {
      version: 1,
      clock: this.clock,
      clusters: [...this.clusterer.clusters.values()].map((c) => c.toDoc()),
      seen: this.seen.export(),
      terms: this.terms.export(),
      burst: this.bursts.export(),
    };
  }

  restore(s: DetectorSnapshot): void {
    if (s.version !== 1) throw new Error(`unsupported detector snapshot version ${String(s.version)}`);
    this.clusterer.clear();
    this.clusterer.load(s.clusters);
    this.seen.import(s.seen);
    this.terms.import(s.terms);
    this.bursts.import(s.burst);
    this.clock = s.clock;
  }

  restoreClusters(docs: readonly ClusterDoc[]): void {
    this.clusterer.load(docs);
    for (const d of docs) this.clock = Math.max(this.clock, Date.parse(d.lastSeen));
  }

  stats(): DetectorStats {
    return {
      clock: this.clock,
      clusters: this.clusterer.clusters.size,
      seen: this.seen.size,
      burstKeys: this.bursts.size,
      ...this.clusterer.indexSizes,
    };
  }
}
