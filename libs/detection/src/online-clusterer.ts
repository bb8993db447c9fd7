import type { ClusterDoc } from '@vigil/contracts';
import { termKey } from './hash';
import { HitCounter } from './hit-counter';
import { PostingsTable } from './postings-table';
import { ClusterRecord, clusterIdFor } from './cluster-record';
import type { DetectionConfig } from './config';
import type { PostFeatures } from './features';
import { bandKeys } from './minhash';

const HOUR_MS = 3_600_000;
const SWEEP_MS = 5 * 60_000;

export interface AssignResult {
  cluster: ClusterRecord;
  created: boolean;
  /** Clusters folded into `cluster` by this post. */
  merged: ClusterRecord[];
  similarity: number;
}

/**
 * Single-pass clustering. Candidates come from two bounded indexes (MinHash LSH bands
 * for near-copies, key-term postings for same-issue posts in other words), so the
 * work per post is bounded by maxCandidates whatever the stream length.
 */
export class OnlineClusterer {
  readonly clusters = new Map<string, ClusterRecord>();
  /** Live clusters by handle; an evicted or merged cluster's handle is never reused, so stale postings just miss. */
  private readonly byHandle = new Map<number, ClusterRecord>();
  private nextHandle = 0;
  private nextSweep = -Infinity;
  /** No live cluster was last seen before this (a lower bound; see evict()). */
  private oldestSeen = -Infinity;
  /** LSH band key → clusters; hashed term → clusters. */
  private readonly lsh: PostingsTable;
  private readonly terms: PostingsTable;
  /** Scratch for candidates(), reused across posts: handle → band hits × 1000 + term hits. */
  private readonly hits = new HitCounter();
  private readonly countBand = (h: number): void => this.hits.add(h, 1000);
  private readonly countTerm = (h: number): void => this.hits.add(h, 1);

  constructor(private readonly cfg: DetectionConfig) {
    this.lsh = new PostingsTable(cfg.clustering.bucketCap, cfg.clustering.maxBuckets);
    this.terms = new PostingsTable(cfg.clustering.termPostingCap, cfg.clustering.maxTermPostings);
  }

  assign(p: PostFeatures): AssignResult {
    const c = this.cfg.clustering;
    const bands = c.useLsh ? bandKeys(p.signature, c.bands) : [];
    const scored: Array<{ rec: ClusterRecord; sim: number; jac: number }> = [];
    const hasEntities = p.places.length + p.products.length + p.orderBatches.length > 0;
    for (const [rec, viaLsh, termHits] of this.candidates(bands, p.keyTermKeys)) {
      // One shared key term and no shared band rarely reaches the join threshold: not worth a cosine.
      const shared = hasEntities ? rec.sharedEntities(p) : 0;
      if (!viaLsh && termHits < 2 && shared === 0) continue;
      let sim = rec.cosine(p.vector) + c.entityBonus * Math.min(2, shared);
      // Without a shared band a near-copy is improbable (< 0.2 % at J = 0.7 with 16×4): skip the signature scan.
      const jac = viaLsh || (!c.useLsh && termHits >= 3) ? rec.maxJaccard(p.signature) : 0;
      if (jac >= c.nearDuplicateJaccard) sim = Math.max(sim, 1);
      scored.push({ rec, sim, jac });
    }
    scored.sort((a, b) => b.sim - a.sim || a.rec.firstSeen - b.rec.firstSeen || (a.rec.id < b.rec.id ? -1 : 1));

    let target: ClusterRecord;
    let created = false;
    const merged: ClusterRecord[] = [];
    const best = scored[0];
    if (best && best.sim >= c.joinThreshold) {
      target = best.rec;
    } else {
      target = new ClusterRecord(clusterIdFor(p.id));
      created = true;
    }
    target.add(p, this.cfg, created ? 0 : best!.jac);
    this.touch(target);
    if (!created) {
      // Another cluster this post also fits, whose centroid now converges with the
      // joined one (the post bridged them), is the same issue: fold them together.
      for (const other of scored.slice(1)) {
        if (other.sim < c.joinThreshold) break;
        if (!this.clusters.has(other.rec.id) || target.cosineWith(other.rec) < c.mergeThreshold) continue;
        const [keep, drop] = older(target, other.rec);
        keep.absorb(drop, this.cfg);
        drop.mergedInto = keep.id;
        this.forget(drop);
        merged.push(drop);
        target = keep;
        this.reindex(keep);
      }
    }
    // A near-copy's bands are (almost) those already indexed: skip the writes.
    const jac = created ? 0 : best!.jac;
    if (jac < c.nearDuplicateJaccard) for (const b of bands) this.lsh.add(b, target.handle);
    for (const k of p.indexTermKeys) this.terms.add(k, target.handle);
    return { cluster: target, created, merged, similarity: best?.sim ?? 0 };
  }

  /** Live candidate clusters, best first, each with whether it shares an LSH band with the post and its key-term hits. */
  private candidates(bands: number[], keyTermKeys: number[]): Array<[ClusterRecord, boolean, number]> {
    const c = this.cfg.clustering;
    const hits = this.hits;
    hits.reset(bands.length * c.bucketCap + keyTermKeys.length * c.termPostingCap);
    // Near-copy evidence outranks term overlap; band hits are marked by the 1000s.
    for (const b of bands) this.lsh.forEach(b, this.countBand);
    for (const k of keyTermKeys) this.terms.forEach(k, this.countTerm);
    const max = c.maxCandidates;
    const size = hits.size;
    const out: Array<[ClusterRecord, boolean, number]> = [];
    if (size <= max) {
      for (let j = 0; j < size; j++) this.emit(out, hits.keyAt(j), hits.countAt(j));
      return out;
    }
    // Top `max` by hits, ties in discovery order: hits and rank packed into one number,
    // so a plain numeric sort does it without a comparator or an entry array per post.
    const packed = new Float64Array(size);
    for (let j = 0; j < size; j++) packed[j] = hits.countAt(j) * size + (size - 1 - j);
    packed.sort();
    for (let k = size - 1; k >= size - max; k--) {
      const key = packed[k]!;
      const j = size - 1 - (key % size);
      this.emit(out, hits.keyAt(j), hits.countAt(j));
    }
    return out;
  }

  private emit(out: Array<[ClusterRecord, boolean, number]>, handle: number, n: number): void {
    const rec = this.byHandle.get(handle);
    if (rec) out.push([rec, n >= 1000, n % 1000]);
  }

  private touch(rec: ClusterRecord): void {
    if (this.clusters.has(rec.id)) return;
    rec.handle = ++this.nextHandle;
    // A late post's or a restored cluster can be older than every live one.
    if (rec.lastSeen < this.oldestSeen) this.oldestSeen = rec.lastSeen;
    this.clusters.set(rec.id, rec);
    this.byHandle.set(rec.handle, rec);
  }

  private forget(rec: ClusterRecord): void {
    this.clusters.delete(rec.id);
    this.byHandle.delete(rec.handle);
  }

  private reindex(rec: ClusterRecord): void {
    for (const s of rec.signatures) for (const b of bandKeys(s, this.cfg.clustering.bands)) this.lsh.add(b, rec.handle);
    for (const t of rec.topTerms(this.cfg.clustering.indexTermsPerPost)) this.terms.add(termKey(t), rec.handle);
    for (const k of ['places', 'products', 'orderBatches'] as const) {
      const prefix = k === 'places' ? '@pl:' : k === 'products' ? '@pr:' : '@ob:';
      for (const x of Object.keys(rec.counts[k])) this.terms.add(termKey(prefix + (k === 'products' ? x.toLowerCase() : x)), rec.handle);
    }
  }

  /**
   * Drop clusters idle past idleHours (event time), and the longest-idle ones beyond
   * maxClusters. A full sweep, but only every sweepMinutes of event time or when the
   * cap is passed by a tenth, so its cost per post stays small.
   */
  evict(now: number): ClusterRecord[] {
    const c = this.cfg.clustering;
    const over = this.clusters.size > c.maxClusters * 1.1;
    if (now < this.nextSweep && !over) return [];
    this.nextSweep = now + SWEEP_MS;
    const cutoff = now - c.idleHours * HOUR_MS;
    const out: ClusterRecord[] = [];
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
      for (const r of out) this.forget(r);
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
        out.push(r);
      }
    }
    return out;
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

function older(a: ClusterRecord, b: ClusterRecord): [ClusterRecord, ClusterRecord] {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}
