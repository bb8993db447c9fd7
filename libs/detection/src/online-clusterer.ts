import type { ClusterDoc } from '@vigil/contracts';
import { termKey } from './hash';
import { HandleRing } from './handle-ring';
import { HitCounter } from './hit-counter';
import { PostingsTable } from './postings-table';
import { ClusterRecord, clusterIdFor } from './cluster-record';
import type { DetectionConfig } from './config';
import type { PostFeatures } from './features';
import { bandKeys } from './minhash';
import { watchSalt } from './hash';

const HOUR_MS = 3_600_000;
const SWEEP_MS = 5 * 60_000;
const NOTHING: EvictResult = { closed: [], evicted: [] };
const ENTITY_PREFIX = { places: '@pl:', products: '@pr:', orderBatches: '@ob:', anchors: '@an:' } as const;

/**
 * A candidate's evidence is one number, band hits × BAND_HIT + key-term hits, so the ranking
 * needs no tuple per candidate. It stays exact while key-term hits stay below BAND_HIT: a
 * key term adds at most 1 per cluster (a posting list holds a cluster once), and a post is
 * looked up by at most MAX_TERM_LOOKUPS key terms (usually ~8 plus its entities).
 */
const BAND_HIT = 1000;
const MAX_TERM_LOOKUPS = BAND_HIT - 1;

export interface AssignResult {
  cluster: ClusterRecord;
  created: boolean;
  /** Clusters folded into `cluster` by this post. */
  merged: ClusterRecord[];
  /** Clusters this post would have joined but that had lived past maxLifetimeHours: closed now. */
  closed: ClusterRecord[];
  similarity: number;
}

export interface EvictResult {
  /** Quiet past closeIdleHours: finished incidents. */
  closed: ClusterRecord[];
  /** Dropped for capacity. */
  evicted: ClusterRecord[];
}

/**
 * Single-pass clustering. Candidates come from two bounded indexes (MinHash LSH bands
 * for near-copies, key-term postings for same-issue posts in other words), so the
 * work per post is bounded by maxCandidates whatever the stream length.
 */
export class OnlineClusterer {
  readonly clusters = new Map<string, ClusterRecord>();
  /** Live clusters by handle; an evicted or merged cluster's handle is never reused, so stale postings just miss. */
  private readonly byHandle: HandleRing<ClusterRecord>;
  private nextSweep = -Infinity;
  /** No live cluster was last seen before this (a lower bound; see evict()). */
  private oldestSeen = -Infinity;
  /** LSH band key → clusters; hashed term → clusters. */
  private readonly lsh: PostingsTable;
  private readonly terms: PostingsTable;
  /** Scratch for candidates(), reused across posts: handle → band hits × BAND_HIT + term hits. */
  private readonly hits = new HitCounter();
  private readonly countBand = (h: number): void => this.hits.add(h, BAND_HIT);
  private readonly countTerm = (h: number): void => this.hits.add(h, 1);
  /** Scratch for assign(), reused across posts: the candidates, their hits, similarity and Jaccard. */
  private readonly candRecs: Array<ClusterRecord | undefined> = [];
  private readonly candHits: number[] = [];
  private readonly sims: number[] = [];
  private readonly jacs: number[] = [];
  private packed = new Float64Array(64);

  constructor(private readonly cfg: DetectionConfig) {
    this.lsh = new PostingsTable(cfg.clustering.bucketCap, cfg.clustering.maxBuckets);
    this.terms = new PostingsTable(cfg.clustering.termPostingCap, cfg.clustering.maxTermPostings);
    this.byHandle = new HandleRing(Math.ceil(cfg.clustering.maxClusters * 1.2));
    // candidates() ranks by hits × size + rank in a Float64Array: that must be an exact integer.
    const c = cfg.clustering;
    const maxHits = c.bands * BAND_HIT + MAX_TERM_LOOKUPS;
    const maxSize = c.bands * c.bucketCap + MAX_TERM_LOOKUPS * c.termPostingCap;
    if (maxHits * maxSize >= Number.MAX_SAFE_INTEGER) throw new RangeError(`clustering: bands × bucketCap and termPostingCap too large to rank candidates exactly (${maxHits} × ${maxSize})`);
  }

  assign(p: PostFeatures): AssignResult {
    const c = this.cfg.clustering;
    const bands = c.useLsh ? bandKeys(p.signature, c.bands) : [];
    if (p.watchSalt) for (let i = 0; i < bands.length; i++) bands[i] = (bands[i]! ^ p.watchSalt) >>> 0;
    const maxAge = c.maxLifetimeHours * HOUR_MS;
    let expired: ClusterRecord[] | undefined;
    const hasEntities = p.places.length + p.products.length + p.orderBatches.length > 0;
    const n = this.candidates(bands, p.keyTermKeys);
    const { candRecs, candHits, sims, jacs } = this;
    // Score the candidates; `best` is the first in ranksBefore() order (similarity desc, older, id).
    let best = -1;
    let joinable = 0;
    for (let i = 0; i < n; i++) {
      const rec = candRecs[i]!;
      // Another watch's cluster reached through a salted-key collision: never a match.
      if (rec.watchId !== p.watchId) {
        sims[i] = -Infinity;
        continue;
      }
      const viaLsh = candHits[i]! >= BAND_HIT;
      const termHits = candHits[i]! % BAND_HIT;
      // One shared key term and no shared band rarely reaches the join threshold: not worth a cosine.
      const shared = hasEntities ? rec.sharedEntities(p) : 0;
      if (!viaLsh && termHits < 2 && shared === 0) {
        sims[i] = -Infinity;
        continue;
      }
      let sim = rec.cosine(p.vector) + c.entityBonus * Math.min(2, shared);
      // Without a shared band a near-copy is improbable (< 0.2 % at J = 0.7 with 16×4): skip the signature scan.
      const jac = viaLsh || (!c.useLsh && termHits >= 3) ? rec.maxJaccard(p.signature) : 0;
      if (jac >= c.nearDuplicateJaccard) sim = Math.max(sim, 1);
      if (sim >= c.joinThreshold && p.at - rec.firstSeen > maxAge) {
        // An incident is bounded in time: a long-lived cluster closes here and this post starts
        // its successor (linked to it), instead of one bucket growing for weeks.
        (expired ??= []).push(rec);
        sims[i] = -Infinity;
        continue;
      }
      sims[i] = sim;
      jacs[i] = jac;
      if (sim >= c.joinThreshold) joinable++;
      if (best < 0 || ranksBefore(sim, rec, sims[best]!, candRecs[best]!)) best = i;
    }

    let target: ClusterRecord;
    let created = false;
    const merged: ClusterRecord[] = [];
    const bestSim = best >= 0 ? sims[best]! : 0;
    const bestJac = best >= 0 && bestSim >= c.joinThreshold ? jacs[best]! : 0;
    if (best >= 0 && bestSim >= c.joinThreshold) {
      target = candRecs[best]!;
    } else {
      target = new ClusterRecord(clusterIdFor(p.id), p.watchId);
      created = true;
    }
    const closed: ClusterRecord[] = [];
    if (expired) {
      for (const rec of expired) {
        if (!this.clusters.has(rec.id)) continue;
        rec.closedAt = p.at;
        this.forget(rec);
        closed.push(rec);
      }
      if (created && closed.length) target.previousClusterId = closed[0]!.id;
    }
    target.add(p, this.cfg, bestJac);
    this.touch(target);
    if (!created && joinable > 1) {
      // Another cluster this post also fits, whose centroid now converges with the
      // joined one (the post bridged them), is the same issue: fold them together,
      // best match first.
      const others: number[] = [];
      for (let i = 0; i < n; i++) if (i !== best && sims[i]! >= c.joinThreshold) others.push(i);
      others.sort((x, y) => (ranksBefore(sims[x]!, candRecs[x]!, sims[y]!, candRecs[y]!) ? -1 : 1));
      for (const i of others) {
        const other = candRecs[i]!;
        if (!this.clusters.has(other.id) || target.cosineWith(other) < c.mergeThreshold) continue;
        const [keep, drop] = older(target, other);
        keep.absorb(drop, this.cfg);
        drop.mergedInto = keep.id;
        this.forget(drop);
        merged.push(drop);
        target = keep;
        this.reindex(keep);
      }
    }
    candRecs.fill(undefined, 0, n);
    // A near-copy's bands are (almost) those already indexed: skip the writes.
    if (bestJac < c.nearDuplicateJaccard) for (const b of bands) this.lsh.add(b, target.handle);
    for (const k of p.indexTermKeys) this.terms.add(k, target.handle);
    return { cluster: target, created, merged, closed, similarity: best >= 0 ? bestSim : 0 };
  }

  /**
   * Live candidate clusters, best first, into candRecs/candHits (band hits × BAND_HIT + key-term
   * hits); returns how many. Scratch arrays reused across posts: no tuple per candidate.
   */
  private candidates(bands: number[], keyTermKeys: number[]): number {
    const c = this.cfg.clustering;
    const hits = this.hits;
    const lookups = Math.min(keyTermKeys.length, MAX_TERM_LOOKUPS);
    hits.reset(bands.length * c.bucketCap + lookups * c.termPostingCap);
    // Near-copy evidence outranks term overlap: one band hit weighs more than every term hit together.
    for (const b of bands) this.lsh.forEach(b, this.countBand);
    for (let i = 0; i < lookups; i++) this.terms.forEach(keyTermKeys[i]!, this.countTerm);
    const max = c.maxCandidates;
    const size = hits.size;
    let n = 0;
    if (size <= max) {
      for (let j = 0; j < size; j++) n = this.emit(n, hits.keyAt(j), hits.countAt(j));
      return n;
    }
    // Top `max` by hits, ties in discovery order: hits × size + rank (rank < size) in one number,
    // so a plain numeric sort does it without a comparator or an entry array per post; the
    // constructor checks the largest such number is an exact double.
    if (this.packed.length < size) this.packed = new Float64Array(size * 2);
    const packed = this.packed.subarray(0, size);
    for (let j = 0; j < size; j++) packed[j] = hits.countAt(j) * size + (size - 1 - j);
    packed.sort();
    for (let k = size - 1; k >= size - max; k--) {
      const key = packed[k]!;
      const j = size - 1 - (key % size);
      n = this.emit(n, hits.keyAt(j), hits.countAt(j));
    }
    return n;
  }

  private emit(n: number, handle: number, hitCount: number): number {
    const rec = this.byHandle.get(handle);
    if (!rec) return n;
    this.candRecs[n] = rec;
    this.candHits[n] = hitCount;
    return n + 1;
  }

  private touch(rec: ClusterRecord): void {
    if (this.clusters.has(rec.id)) return;
    this.byHandle.insert(rec);
    // A late post's or a restored cluster can be older than every live one.
    if (rec.lastSeen < this.oldestSeen) this.oldestSeen = rec.lastSeen;
    this.clusters.set(rec.id, rec);
  }

  private forget(rec: ClusterRecord): void {
    this.clusters.delete(rec.id);
    this.byHandle.delete(rec.handle);
  }

  private reindex(rec: ClusterRecord): void {
    const salt = watchSalt(rec.watchId);
    for (const s of rec.signatures) for (const b of bandKeys(s, this.cfg.clustering.bands)) this.lsh.add((b ^ salt) >>> 0, rec.handle);
    for (const t of rec.topTerms(this.cfg.clustering.indexTermsPerPost)) this.terms.add(termKey(t) ^ salt, rec.handle);
    for (const k of ['places', 'products', 'orderBatches', 'anchors'] as const) {
      const prefix = ENTITY_PREFIX[k];
      for (const x of Object.keys(rec.counts[k])) this.terms.add(termKey(prefix + (k === 'products' ? x.toLowerCase() : x)) ^ salt, rec.handle);
    }
  }

  /**
   * Close clusters quiet past closeIdleHours (event time): each is one finished incident. Beyond
   * maxClusters, drop the longest-idle ones. A full sweep, but only every sweepMinutes of event
   * time or when the cap is passed by a tenth, so its cost per post stays small.
   */
  evict(now: number): EvictResult {
    const c = this.cfg.clustering;
    const over = this.clusters.size > c.maxClusters * 1.1;
    if (now < this.nextSweep && !over) return NOTHING;
    this.nextSweep = now + SWEEP_MS;
    const cutoff = now - Math.min(c.idleHours, c.closeIdleHours) * HOUR_MS;
    const out: ClusterRecord[] = [];
    const evicted: ClusterRecord[] = [];
    // lastSeen only grows and touch() lowers the bound for a cluster older than it, so the
    // oldest lastSeen of the last sweep is a lower bound: until the cut-off passes it, no
    // cluster is idle and the sweep over every cluster can be skipped.
    if (cutoff > this.oldestSeen) {
      let oldest = Infinity;
      for (const rec of this.clusters.values()) {
        if (rec.lastSeen < cutoff) out.push(rec);
        else if (rec.lastSeen < oldest) oldest = rec.lastSeen;
      }
      this.oldestSeen = oldest;
      for (const r of out) {
        r.closedAt = r.lastSeen;
        this.forget(r);
      }
    }
    if (this.clusters.size > c.maxClusters) {
      // Longest idle go first, then the smallest: a big cluster outlives a stale singleton.
      // The cut-off time comes from a numeric sort of lastSeen (no comparator over 10k
      // clusters); only the clusters at or before it are ranked in full.
      const drop = this.clusters.size - Math.floor(c.maxClusters * 0.9);
      const times = new Float64Array(this.clusters.size);
      let i = 0;
      for (const rec of this.clusters.values()) times[i++] = rec.lastSeen;
      times.sort();
      const cutoffTime = times[drop - 1]!;
      const ranked: ClusterRecord[] = [];
      for (const rec of this.clusters.values()) if (rec.lastSeen <= cutoffTime) ranked.push(rec);
      ranked.sort((a, b) => a.lastSeen - b.lastSeen || a.size - b.size || (a.id < b.id ? -1 : 1));
      for (const r of ranked.slice(0, drop)) {
        this.forget(r);
        evicted.push(r);
      }
    }
    return out.length || evicted.length ? { closed: out, evicted } : NOTHING;
  }

  load(docs: readonly ClusterDoc[]): void {
    const sorted = [...docs].filter((d) => d.status === 'active').sort((a, b) => Date.parse(a.lastSeen) - Date.parse(b.lastSeen));
    for (const d of sorted) {
      const rec = ClusterRecord.fromDoc(d);
      this.touch(rec);
      this.reindex(rec);
    }
  }

  clear(): void {
    this.oldestSeen = -Infinity;
    this.clusters.clear();
    this.byHandle.clear();
    this.lsh.clear();
    this.terms.clear();
  }

  get indexSizes(): { lshBuckets: number; termPostings: number } {
    return { lshBuckets: this.lsh.size, termPostings: this.terms.size };
  }
}

/** Higher similarity first, then the older cluster, then the smaller id: a total order, so replays choose alike. */
function ranksBefore(simA: number, a: ClusterRecord, simB: number, b: ClusterRecord): boolean {
  if (simA !== simB) return simA > simB;
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen;
  return a.id < b.id;
}

function older(a: ClusterRecord, b: ClusterRecord): [ClusterRecord, ClusterRecord] {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}
