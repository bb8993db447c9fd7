import type { Signal } from '@vigil/contracts';
import type { ClusterRecord } from './cluster-record';
import type { DetectionConfig } from './config';
import type { OnlineClusterer } from './online-clusterer';
import { isoTime } from './iso-time';
import { burstSignal } from './signals';
import { shortTitle } from './titles';
import type { VolumeEvent, VolumeMonitor } from './volume-monitor';

/** Share of a burst's recent posts one cluster must hold to own the burst. */
const DOMINANT_SHARE = 0.6;
/** Share at which a cluster is part of a watch's storm (its signals join the storm's ticket). */
const PART_SHARE = 0.25;
/** A watch's storm that returns within this long after it cooled is the same incident. */
const CONTINUE_MS = 6 * 3_600_000;

/**
 * One incident, one key: the responder opens one ticket per `Signal.key`, so every signal about
 * one storm must carry the same key. A watch's volume bursts (the watch and its categories) share
 * one key while any of them is active; a cluster that makes up much of a storm gives its signals
 * to the storm's key; a storm most of whose posts are one cluster takes that cluster's key.
 */
export interface IncidentKeysSnapshot {
  burstOwner: Array<[string, string]>;
  watchIncident: Array<[string, { key: string; cooledAt?: number }]>;
  clusterIncident: Array<[string, string]>;
}

const isoMinute = (ms: number) => isoTime(Math.floor(ms / 60_000) * 60_000).slice(0, 16);

export class IncidentKeys {
  /** Burst key → the incident key its signals carry, until it cools. */
  private readonly burstOwner = new Map<string, string>();
  /** Watch → incident key of its active (or just cooled) volume storm, and when it cooled. */
  private readonly watchIncident = new Map<string, { key: string; cooledAt?: number }>();
  /** Cluster → the storm it is part of. */
  private readonly clusterIncident = new Map<string, string>();

  constructor(
    private readonly cfg: DetectionConfig,
    private readonly clusterer: OnlineClusterer,
    private readonly volume: VolumeMonitor,
  ) {}

  forgetCluster(id: string): void {
    this.clusterIncident.delete(id);
  }

  keyForCluster(c: ClusterRecord): string {
    return this.clusterIncident.get(c.id) ?? c.id;
  }

  burstSignal(e: VolumeEvent): Signal {
    const votes = this.votes(e);
    let key = this.burstOwner.get(e.key);
    let owner: ClusterRecord | undefined;
    if (e.kind === 'burst') {
      owner = votes.top && votes.topCount >= DOMINANT_SHARE * e.posts.length ? votes.top : undefined;
      key ??= owner ? this.keyForCluster(owner) : this.watchKey(e);
      this.burstOwner.set(e.key, key);
      this.watchIncident.set(e.watchId, { key });
      if (votes.top && votes.topCount >= Math.max(3, PART_SHARE * e.posts.length)) this.clusterIncident.set(votes.top.id, key);
    } else {
      key ??= this.watchKey(e);
      this.burstOwner.delete(e.key);
      const wi = this.watchIncident.get(e.watchId);
      if (wi && !this.volume.activeFor(e.watchId)) wi.cooledAt = e.at;
    }
    const titled = owner ?? (votes.top && votes.topCount >= Math.max(3, PART_SHARE * e.posts.length) ? votes.top : undefined);
    const s = burstSignal(e, this.cfg, this.label(e, titled), owner?.id, titled?.topTerms(8));
    s.key = key;
    return s;
  }

  /**
   * The watch's storm key: the active one, or the one that cooled less than CONTINUE_MS ago;
   * otherwise a new incident named by its start, so a storm three days later is a new ticket
   * rather than a flare the plan may ignore.
   */
  private watchKey(e: VolumeEvent): string {
    const wi = this.watchIncident.get(e.watchId);
    if (wi && (wi.cooledAt === undefined || e.at - wi.cooledAt <= CONTINUE_MS)) return wi.key;
    return `storm:${e.watchId}:${isoMinute(e.episodeStart)}`;
  }

  export(): IncidentKeysSnapshot {
    return {
      burstOwner: [...this.burstOwner],
      watchIncident: [...this.watchIncident].map(([w, v]) => [w, { ...v }]),
      clusterIncident: [...this.clusterIncident],
    };
  }

  import(s: IncidentKeysSnapshot | undefined): void {
    this.burstOwner.clear();
    this.watchIncident.clear();
    this.clusterIncident.clear();
    for (const [k, v] of s?.burstOwner ?? []) this.burstOwner.set(k, v);
    for (const [k, v] of s?.watchIncident ?? []) this.watchIncident.set(k, { ...v });
    for (const [k, v] of s?.clusterIncident ?? []) this.clusterIncident.set(k, v);
  }

  /** "dash ×2.3: <the storm's most representative post>", or its numbers when no cluster speaks for it. */
  private label(e: VolumeEvent, c: ClusterRecord | undefined): string {
    const who = e.watchId === '_all' ? '' : `${e.watchId} `;
    const what = e.dim === 'category' ? ` [${e.value}]` : '';
    const ratio = Number.isFinite(e.test.ratio) ? `×${e.test.ratio.toFixed(1)}` : `${e.test.observed}`;
    return `${who}${ratio}${what}: ${c ? c.title() : this.representative(e)}`;
  }

  /**
   * Without a cluster that speaks for it, a burst is titled by one of its posts: the latest of the
   * window's most common category, shortened — what people are saying, not only how many.
   */
  private representative(e: VolumeEvent): string {
    const counts = new Map<string, number>();
    for (const p of e.posts) for (const c of p.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
    let top: string | undefined;
    for (const [c, n] of counts) if (top === undefined || n > counts.get(top)! || (n === counts.get(top) && c < top)) top = c;
    for (let i = e.posts.length - 1; i >= 0; i--) {
      const p = e.posts[i]!;
      if (p.text && (top === undefined || p.categories.includes(top))) {
        const t = shortTitle(p.text, p.language);
        if (t) return `${t} (${e.test.observed} posts in ${e.test.minutes} min, ${e.test.expected.toFixed(1)} usual)`;
      }
    }
    return `${e.test.observed} complaints in ${e.test.minutes} min, ${e.test.expected.toFixed(1)} usual`;
  }

  private votes(e: VolumeEvent): { top?: ClusterRecord; topCount: number } {
    const votes = new Map<string, number>();
    for (const post of e.posts) {
      // The cluster the post joined, recorded on it when it was counted (and kept in snapshots). A
      // post without one was clustered on another partition: no map of post ids here could name
      // it (this instance never clustered it), so none is kept — such a map held up to 100 k ids,
      // ~8–16 MB of the live heap, and never answered.
      const id = post.cluster;
      if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const v of votes) if (!best || v[1] > best[1] || (v[1] === best[1] && v[0] < best[0])) best = v;
    if (!best) return { topCount: 0 };
    const c = this.clusterer.clusters.get(best[0]);
    return c && c.size >= this.cfg.signals.clusterNewSize ? { top: c, topCount: best[1] } : { topCount: 0 };
  }
}
