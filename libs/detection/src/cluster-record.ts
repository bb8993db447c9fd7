// Over 300 lines on purpose: one cluster's working state, read and updated per post on the
// detector's hot path, and its stored form (toDoc/fromDoc) that must write and read back
// every one of those fields — kept side by side so a new field cannot be persisted on one
// side and forgotten on the other. The small helpers at the bottom serve only this class.
import type { ClusterDoc, ClusterState, RiskCueKind } from '@vigil/contracts';
import type { DetectionConfig } from './config';
import type { PostFeatures, TermVector } from './features';
import { ENTITY_KINDS, entityKey, hashHex, termKey, type EntityKind } from './hash';
import { isoTime } from './iso-time';
import { estimateJaccard } from './minhash';
import { TermTable } from './term-table';
import { cleanText, shortTitle } from './titles';

const HOUR_MS = 3_600_000;
const MAX_REPS = 4;
const MAX_RECENT = 128;
const MAX_COUNT_KEYS = 50;
const MAX_SNIPPETS = 3;
const SNIPPET_KEYS = 8;
const SNIPPET_CHARS = 300;

export interface Snippet { text: string; language: string; keys: number[] }

type CountKey = keyof ClusterState['counts'];

/** Deterministic from the first post, so a replay names the cluster identically. */
export function clusterIdFor(firstMentionId: string): string {
  return `c_${hashHex(`cluster:${firstMentionId}`)}`;
}

/** Mutable cluster state; `toDoc()` is the persisted, schema-checked form. */
export class ClusterRecord {
  size = 0;
  distinctAuthors = 0;
  firstSeen = 0;
  lastSeen = 0;
  language?: string;
  signatures: number[][] = [];
  /** Summed post weights by termKey(), with the terms' names for labels and persistence. */
  centroid = new TermTable();
  centroidNorm = 0;
  authors = new Set<number>();
  counts: ClusterState['counts'] & { anchors: Record<string, number> } = {
    channels: dict(), places: dict(), products: dict(), categories: dict(), orderBatches: dict(), riskCues: dict(), anchors: dict(),
  };
  /** entityKey() of every place, product and order batch in `counts`: what sharedEntities() compares. */
  entityKeys: number[] = [];
  recentTimes: number[] = [];
  /** Author hash of each recentTimes entry. */
  recentAuthors: number[] = [];
  /** Representative posts for the title (the ones closest to the centroid so far). */
  snippets: Snippet[] = [];
  previousClusterId?: string;
  closedAt?: number;
  sentimentSum = 0;
  emotionSum = 0;
  reachSum = 0;
  maxMoney = 0;
  nearDuplicates = 0;
  suspiciousAccounts = 0;
  coordinatedPosts = 0;
  coordinatedFirst?: number;
  coordinatedLast?: number;
  samples: string[] = [];
  signalled: ClusterState['signalled'] = { newAt: 0, grewAt: 0 };
  mergedInto?: string;
  /** In-memory handle the clusterer's indexes refer to (never persisted, never reused). */
  handle = 0;

  constructor(
    public readonly id: string,
    public readonly watchId = '_all',
  ) {}

  /** Best estimated Jaccard between the post and the cluster's representative posts. */
  maxJaccard(sig: readonly number[]): number {
    let best = 0;
    for (const s of this.signatures) best = Math.max(best, estimateJaccard(sig, s));
    return best;
  }

  cosine(vector: TermVector): number {
    if (this.centroidNorm === 0) return 0;
    let dot = 0;
    const { keys, weights } = vector;
    const centroid = this.centroid;
    for (let i = 0; i < keys.length; i++) {
      const j = centroid.indexOf(keys[i]!);
      if (j >= 0) dot += weights[i]! * centroid.weights[j]!;
    }
    return dot / this.centroidNorm;
  }

  cosineWith(other: ClusterRecord): number {
    if (this.centroidNorm === 0 || other.centroidNorm === 0) return 0;
    let dot = 0;
    const { keys, weights, size } = this.centroid;
    const o = other.centroid;
    for (let i = 0; i < size; i++) {
      const j = o.indexOf(keys[i]!);
      if (j >= 0) dot += weights[i]! * o.weights[j]!;
    }
    return dot / (this.centroidNorm * other.centroidNorm);
  }

  /** How many of the post's places, products and order batches the cluster has counted. */
  sharedEntities(p: PostFeatures): number {
    let n = 0;
    for (const k of p.entityKeys) if (this.entityKeys.includes(k)) n++;
    return n;
  }

  /** `knownJaccard`: the caller's maxJaccard for this post, when it computed one. */
  add(p: PostFeatures, cfg: DetectionConfig, knownJaccard?: number): void {
    const jac = knownJaccard ?? (this.signatures.length ? this.maxJaccard(p.signature) : 0);
    if (this.size === 0) this.firstSeen = p.at;
    this.firstSeen = Math.min(this.firstSeen, p.at);
    this.lastSeen = Math.max(this.lastSeen, p.at);
    this.size += 1;
    this.language ??= p.language;
    if (!this.authors.has(p.authorHash)) {
      // Past the cap every unseen hash counts: an over-estimate only for huge clusters.
      if (this.authors.size < cfg.clustering.maxAuthorsTracked) this.authors.add(p.authorHash);
      this.distinctAuthors += 1;
    }
    const { terms, keys, weights } = p.vector;
    for (let i = 0; i < keys.length; i++) this.centroid.add(keys[i]!, terms[i]!, weights[i]!);
    this.pruneCentroid(cfg.clustering.centroidTerms);
    bump(this.counts.channels, p.channel);
    let e = 0;
    for (const x of p.places) this.countEntity('places', x, 1, p.entityKeys[e++]);
    for (const x of p.products) this.countEntity('products', x, 1, p.entityKeys[e++]);
    for (const x of p.categories) bump(this.counts.categories, x);
    for (const x of p.orderBatches) this.countEntity('orderBatches', x, 1, p.entityKeys[e++]);
    for (const x of p.anchors) this.countEntity('anchors', x, 1, p.entityKeys[e++]);
    for (const x of p.cues) bump(this.counts.riskCues, x);
    this.recentTimes.push(p.at);
    this.recentAuthors.push(p.authorHash);
    if (this.recentTimes.length > MAX_RECENT) {
      this.recentTimes.shift();
      this.recentAuthors.shift();
    }
    this.sentimentSum += p.sentiment;
    this.emotionSum += p.emotion;
    this.reachSum += p.reach;
    this.maxMoney = Math.max(this.maxMoney, p.maxMoney);
    if (p.suspicious) this.suspiciousAccounts += 1;
    if (jac >= cfg.clustering.nearDuplicateJaccard) {
      this.nearDuplicates += 1;
      if (p.suspicious) {
        this.coordinatedPosts += 1;
        this.coordinatedFirst = Math.min(this.coordinatedFirst ?? p.at, p.at);
        this.coordinatedLast = Math.max(this.coordinatedLast ?? p.at, p.at);
      }
    }
    // Keep the first post as anchor and the latest few: drift is followed, origin kept.
    if (this.signatures.length < MAX_REPS) this.signatures.push(p.signature);
    else {
      this.signatures.splice(1, 1);
      this.signatures.push(p.signature);
    }
    if (this.samples.length < cfg.clustering.sampleSize) this.samples.push(p.id);
    this.considerSnippet(p);
  }

  /** How close a snippet's heaviest terms sit to the centroid now. */
  private snippetScore(keys: readonly number[]): number {
    let sc = 0;
    const c = this.centroid;
    for (const k of keys) {
      const j = c.indexOf(k);
      if (j >= 0) sc += c.weights[j]!;
    }
    return sc;
  }

  /**
   * Keep the posts nearest the centroid as title candidates. Scores are recomputed against the
   * current centroid (3 × 8 lookups), so the title follows what the cluster has become.
   */
  private considerSnippet(p: PostFeatures): void {
    // Once a cluster has its candidates, every fourth post is enough to keep them current.
    if (!p.text || (this.snippets.length >= MAX_SNIPPETS && this.size > 12 && this.size % 4 !== 0)) return;
    const keys = p.vector.keys.slice(0, SNIPPET_KEYS);
    if (this.snippets.length < MAX_SNIPPETS) {
      this.snippets.push({ text: cleanText(p.text).slice(0, SNIPPET_CHARS), language: p.language, keys });
      return;
    }
    const mine = this.snippetScore(keys);
    let worst = -1;
    let worstScore = Infinity;
    for (let i = 0; i < this.snippets.length; i++) {
      const sc = this.snippetScore(this.snippets[i]!.keys);
      if (sc < worstScore) {
        worstScore = sc;
        worst = i;
      }
    }
    if (mine > worstScore) this.snippets[worst] = { text: cleanText(p.text).slice(0, SNIPPET_CHARS), language: p.language, keys };
  }

  /** The most representative post, shortened, in its own language. */
  title(): string {
    let best: Snippet | undefined;
    let bestScore = -Infinity;
    for (const sn of this.snippets) {
      const sc = this.snippetScore(sn.keys);
      if (sc > bestScore) {
        bestScore = sc;
        best = sn;
      }
    }
    return (best && shortTitle(best.text, best.language)) || this.label();
  }

  /** Posts and distinct authors in the `hours` before `now` (from the recent ring). */
  recent(now: number, hours: number): { posts: number; authors: number } {
    const from = now - hours * HOUR_MS;
    let posts = 0;
    const seen = new Set<number>();
    for (let i = this.recentTimes.length - 1; i >= 0; i--) {
      const t = this.recentTimes[i]!;
      if (t < from || t > now) continue;
      posts++;
      const a = this.recentAuthors[i];
      if (a !== undefined) seen.add(a);
    }
    return { posts, authors: this.recentAuthors.length ? seen.size : posts };
  }

  /** Cues enough of the posts share to speak for the cluster (one post's cue speaks for that post). */
  sharedCues(): RiskCueKind[] {
    const need = Math.max(2, Math.ceil(this.size * 0.1));
    const out: RiskCueKind[] = [];
    for (const [k, n] of Object.entries(this.counts.riskCues)) if (n >= need) out.push(k as RiskCueKind);
    return out.sort();
  }

  /** Absorb another cluster that converged with this one. */
  absorb(o: ClusterRecord, cfg: DetectionConfig): void {
    this.size += o.size;
    for (const h of o.authors) {
      if (!this.authors.has(h) && this.authors.size < cfg.clustering.maxAuthorsTracked) this.authors.add(h);
    }
    this.distinctAuthors = Math.max(this.authors.size, this.distinctAuthors, o.distinctAuthors);
    this.firstSeen = Math.min(this.firstSeen, o.firstSeen);
    this.lastSeen = Math.max(this.lastSeen, o.lastSeen);
    const oc = o.centroid;
    for (let i = 0; i < oc.size; i++) this.centroid.add(oc.keys[i]!, oc.names[i]!, oc.weights[i]!);
    this.pruneCentroid(cfg.clustering.centroidTerms);
    for (const k of Object.keys(this.counts) as CountKey[]) {
      for (const [x, n] of Object.entries(o.counts[k])) {
        if (isEntityKind(k)) this.countEntity(k, x, n);
        else bump(this.counts[k], x, n);
      }
    }
    const merged = this.recentTimes.map((t, i) => [t, this.recentAuthors[i] ?? 0] as const).concat(o.recentTimes.map((t, i) => [t, o.recentAuthors[i] ?? 0] as const));
    merged.sort((a, b) => a[0] - b[0]);
    const kept = merged.slice(-MAX_RECENT);
    this.recentTimes = kept.map((x) => x[0]);
    this.recentAuthors = kept.map((x) => x[1]);
    for (const sn of o.snippets) if (this.snippets.length < MAX_SNIPPETS) this.snippets.push(sn);
    this.previousClusterId ??= o.previousClusterId;
    this.sentimentSum += o.sentimentSum;
    this.emotionSum += o.emotionSum;
    this.reachSum += o.reachSum;
    this.maxMoney = Math.max(this.maxMoney, o.maxMoney);
    this.nearDuplicates += o.nearDuplicates;
    this.suspiciousAccounts += o.suspiciousAccounts;
    this.coordinatedPosts += o.coordinatedPosts;
    if (o.coordinatedFirst !== undefined) this.coordinatedFirst = Math.min(this.coordinatedFirst ?? o.coordinatedFirst, o.coordinatedFirst);
    if (o.coordinatedLast !== undefined) this.coordinatedLast = Math.max(this.coordinatedLast ?? o.coordinatedLast, o.coordinatedLast);
    for (const s of o.samples) if (this.samples.length < cfg.clustering.sampleSize && !this.samples.includes(s)) this.samples.push(s);
    this.signalled = {
      newAt: Math.max(this.signalled.newAt, o.signalled.newAt),
      grewAt: Math.max(this.signalled.grewAt, o.signalled.grewAt),
      group: this.signalled.group ?? o.signalled.group,
    };
  }

  /** bump() for places, products and order batches, keeping entityKeys in step with the keys counted. */
  private countEntity(kind: EntityKind, value: string, n: number, key?: number): void {
    if (bump(this.counts[kind], value, n)) this.entityKeys.push(key ?? entityKey(kind, value));
  }

  /** Past twice `keep` terms, keep the heaviest `keep` (ties by name, so the result is deterministic). */
  private pruneCentroid(keep: number): void {
    if (this.centroid.size > keep * 2) this.centroid.retainTop(keep);
    this.updateNorm();
  }

  private updateNorm(): void {
    this.centroidNorm = Math.sqrt(this.centroid.sumOfSquares());
  }

  /**
   * The n heaviest word terms (entity terms start with '@'), ties by name: what sorting
   * the whole centroid would give, by insertion into a list of n. Every persisted or evicted
   * cluster needs its top terms, and sorting a whole centroid for eight names cost more
   * than the rest of the document.
   */
  topTerms(n: number): string[] {
    const names: string[] = [];
    const ws: number[] = [];
    if (n <= 0) return names;
    const c = this.centroid;
    for (let j = 0; j < c.size; j++) {
      const t = c.names[j]!;
      if (t.charCodeAt(0) === 64 /* @ */) continue;
      const w = c.weights[j]!;
      let i = names.length;
      while (i > 0 && (ws[i - 1]! < w || (ws[i - 1] === w && names[i - 1]! > t))) i--;
      if (i >= n) continue;
      // Insert at i, shifting the tail (the last falls off once the list holds n).
      let k = Math.min(names.length, n - 1);
      for (; k > i; k--) {
        names[k] = names[k - 1]!;
        ws[k] = ws[k - 1]!;
      }
      names[i] = t;
      ws[i] = w;
    }
    return names;
  }

  /** Posts in the hour up to lastSeen, and that over the hour before. */
  velocity(): { perHour: number; growth: number } {
    let last = 0;
    let prev = 0;
    for (const t of this.recentTimes) {
      const age = this.lastSeen - t;
      if (age <= HOUR_MS) last++;
      else if (age <= 2 * HOUR_MS) prev++;
    }
    return { perHour: last, growth: prev === 0 ? last : last / prev };
  }

  label(): string {
    return this.topTerms(5).join(' ');
  }

  /** The document without its rebuild state: what signals and labels need, cheaply. */
  summary(status: ClusterDoc['status'] = this.defaultStatus()): Omit<ClusterDoc, 'state'> {
    const top = this.topTerms(8);
    const v = this.velocity();
    // Optional fields are set after the literal, not spread into it: spreading cost a
    // temporary object and a property-by-property copy per document.
    const d: Omit<ClusterDoc, 'state'> = {
      id: this.id,
      watchId: this.watchId,
      title: this.title().slice(0, 200),
      label: top.slice(0, 5).join(' '),
      topTerms: top,
      firstSeen: isoTime(this.firstSeen),
      lastSeen: isoTime(this.lastSeen),
      size: this.size,
      distinctAuthors: this.distinctAuthors,
      channels: ranked(this.counts.channels),
      places: ranked(this.counts.places),
      products: ranked(this.counts.products),
      categories: ranked(this.counts.categories),
      orderBatches: ranked(this.counts.orderBatches),
      riskCues: ranked(this.counts.riskCues) as RiskCueKind[],
      meanSentiment: clamp(this.size ? this.sentimentSum / this.size : 0, -1, 1),
      meanEmotionIntensity: clamp(this.size ? this.emotionSum / this.size : 0, 0, 1),
      reach: this.reachSum,
      maxMoney: this.maxMoney,
      sampleMentionIds: [...this.samples],
      velocityPerHour: v.perHour,
      growth: v.growth,
      status,
    };
    if (this.language) d.language = this.language;
    if (this.mergedInto) d.mergedInto = this.mergedInto;
    if (this.previousClusterId) d.previousClusterId = this.previousClusterId;
    if (this.closedAt !== undefined) d.closedAt = isoTime(this.closedAt);
    return d;
  }

  private defaultStatus(): ClusterDoc['status'] {
    return this.mergedInto ? 'merged' : this.closedAt !== undefined ? 'closed' : 'active';
  }

  toDoc(status: ClusterDoc['status'] = this.defaultStatus()): ClusterDoc {
    const terms = dict();
    const c = this.centroid;
    for (let i = 0; i < c.size; i++) terms[c.names[i]!] = c.weights[i]!;
    const d = this.summary(status) as ClusterDoc;
    d.state = {
      version: 1,
      signatures: this.signatures.map((s) => s.slice()),
      terms,
      authorHashes: [...this.authors],
      counts: copyCounts(this.counts),
      recentTimes: [...this.recentTimes],
      recentAuthors: [...this.recentAuthors],
      snippets: this.snippets.map((x) => ({ text: x.text, language: x.language, keys: x.keys.slice() })),
      sentimentSum: this.sentimentSum,
      emotionSum: this.emotionSum,
      reachSum: this.reachSum,
      maxMoney: this.maxMoney,
      nearDuplicates: this.nearDuplicates,
      suspiciousAccounts: this.suspiciousAccounts,
      coordinatedPosts: this.coordinatedPosts,
      signalled: { newAt: this.signalled.newAt, grewAt: this.signalled.grewAt },
    };
    if (this.coordinatedFirst !== undefined) d.state.coordinatedFirst = this.coordinatedFirst;
    if (this.coordinatedLast !== undefined) d.state.coordinatedLast = this.coordinatedLast;
    if (this.signalled.group) d.state.signalled.group = { ...this.signalled.group };
    return d;
  }

  static fromDoc(d: ClusterDoc): ClusterRecord {
    const r = new ClusterRecord(d.id, d.watchId ?? '_all');
    const s = d.state;
    r.size = d.size;
    r.distinctAuthors = d.distinctAuthors;
    r.firstSeen = Date.parse(d.firstSeen);
    r.lastSeen = Date.parse(d.lastSeen);
    if (d.language) r.language = d.language;
    r.signatures = s.signatures.map((x) => x.slice());
    for (const [t, w] of Object.entries(s.terms)) r.centroid.add(termKey(t), t, w);
    r.updateNorm();
    r.authors = new Set(s.authorHashes);
    r.counts = copyCounts(s.counts);
    for (const kind of ENTITY_KINDS) for (const x of Object.keys(r.counts[kind])) r.entityKeys.push(entityKey(kind, x));
    r.recentTimes = [...s.recentTimes];
    r.recentAuthors = s.recentAuthors && s.recentAuthors.length === s.recentTimes.length ? [...s.recentAuthors] : [];
    r.snippets = (s.snippets ?? []).map((x) => ({ text: x.text, language: x.language, keys: [...x.keys] }));
    if (d.previousClusterId) r.previousClusterId = d.previousClusterId;
    if (d.closedAt) r.closedAt = Date.parse(d.closedAt);
    r.sentimentSum = s.sentimentSum;
    r.emotionSum = s.emotionSum;
    r.reachSum = s.reachSum;
    r.maxMoney = s.maxMoney;
    r.nearDuplicates = s.nearDuplicates;
    r.suspiciousAccounts = s.suspiciousAccounts;
    r.coordinatedPosts = s.coordinatedPosts;
    if (s.coordinatedFirst !== undefined) r.coordinatedFirst = s.coordinatedFirst;
    if (s.coordinatedLast !== undefined) r.coordinatedLast = s.coordinatedLast;
    r.samples = [...d.sampleMentionIds];
    r.signalled = { ...s.signalled, ...(s.signalled.group ? { group: { ...s.signalled.group } } : {}) };
    if (d.mergedInto) r.mergedInto = d.mergedInto;
    return r;
  }
}

/**
 * Term and count maps keyed by what people wrote: prototype-free objects, which V8 keeps as
 * hash tables from the start. Filling a plain {} with a centroid's 64–128 arbitrary words
 * made V8 build a new hidden class per added name, per document (~100 µs a toDoc);
 * enumeration order is the same either way.
 */
function dict(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function copyDict(m: Record<string, number>): Record<string, number> {
  const out = dict();
  for (const k of Object.keys(m)) out[k] = m[k]!;
  return out;
}

function copyCounts(c: ClusterState['counts']): ClusterState['counts'] & { anchors: Record<string, number> } {
  return {
    channels: copyDict(c.channels),
    places: copyDict(c.places),
    products: copyDict(c.products),
    categories: copyDict(c.categories),
    orderBatches: copyDict(c.orderBatches),
    riskCues: copyDict(c.riskCues),
    anchors: copyDict(c.anchors ?? {}),
  };
}

/** Count `k`; a new key only while there are fewer than MAX_COUNT_KEYS. True when `k` was added. */
function bump(m: Record<string, number>, k: string, n = 1): boolean {
  if (m[k] !== undefined) m[k] += n;
  else if (Object.keys(m).length < MAX_COUNT_KEYS) {
    m[k] = n;
    return true;
  }
  return false;
}

function isEntityKind(k: CountKey): k is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(k);
}

/** The ten most counted keys, ties by name. */
function ranked(m: Record<string, number>): string[] {
  const keys = Object.keys(m);
  if (keys.length > 1) keys.sort((a, b) => m[b]! - m[a]! || (a < b ? -1 : 1));
  if (keys.length > 10) keys.length = 10;
  return keys;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
