import type { EnrichedMention, RiskCueKind } from '@vigil/contracts';
import type { DetectionConfig } from './config';
import { entityKey, fnv1a, termKey } from './hash';
import { minhashOfHashes, shingleHashes } from './minhash';
import type { TermStats } from './term-stats';

/** Everything the detector needs from one post, computed once. */
export interface PostFeatures {
  id: string;
  at: number;
  authorKey: string;
  authorHash: number;
  channel: string;
  language: string;
  /** MinHash values (unsigned 32-bit) of the post's shingles. */
  signature: number[];
  /** L2-normalised TF-IDF weights over tokens and entity terms, heaviest first. */
  vector: TermVector;
  /** termKey()s to look candidates up by: the heaviest terms seen before (a first-seen term can match nothing), and the entity terms. */
  keyTermKeys: number[];
  /** termKey()s the post's cluster is indexed under, so later posts can find it. */
  indexTermKeys: number[];
  places: string[];
  products: string[];
  orderBatches: string[];
  /** entityKey() of places, then products, then order batches (same order as those arrays). */
  entityKeys: number[];
  categories: string[];
  cues: RiskCueKind[];
  sentiment: number;
  emotion: number;
  reach: number;
  maxMoney: number;
  /** New or low-follower account: weighs in the coordination check. */
  suspicious: boolean;
  topics: string[];
}

/** Parallel arrays rather than a Map: the clusterer only ever walks a post's terms in order. */
export interface TermVector {
  terms: string[];
  /** termKey() of each term. */
  keys: number[];
  weights: number[];
}

const DAY_MS = 86_400_000;
/** Entity terms weigh more than words: sharing a compound or an order batch is strong evidence. */
const ENTITY_BOOST = 2;

export function isComplaint(m: EnrichedMention, cfg: DetectionConfig): boolean {
  const a = m.analysis;
  if (a.sentiment.label === 'negative') return true;
  if (a.sentiment.label !== 'neutral') return false;
  const skip = cfg.clustering.nonComplaintCategories;
  return a.categories.some((c) => c.confidence >= cfg.clustering.minCategoryConfidence && !skip.includes(c.id));
}

export function complaintCategories(m: EnrichedMention, cfg: DetectionConfig): string[] {
  const skip = cfg.clustering.nonComplaintCategories;
  return m.analysis.categories.filter((c) => c.confidence >= cfg.clustering.minCategoryConfidence && !skip.includes(c.id)).map((c) => c.id);
}

/** `at`: the post's time when the caller has parsed it already. */
export function extractFeatures(m: EnrichedMention, cfg: DetectionConfig, stats: TermStats, at = Date.parse(m.publishedAt)): PostFeatures {
  const a = m.analysis;
  const authorKey = m.author?.id ? `${m.sourceId}:${m.author.id}` : m.author?.name ? `${m.sourceId}:n:${m.author.name}` : `anon:${m.id}`;
  const places: string[] = [];
  for (const p of a.entities.places) addUnique(places, p.name);
  const products: string[] = [];
  for (const p of a.entities.products) addUnique(products, p);
  const orderBatches: string[] = [];
  for (const o of a.entities.orderIds) if (o.length > cfg.clustering.orderBatchPrefix) addUnique(orderBatches, o.slice(0, cfg.clustering.orderBatchPrefix));

  const entityKeys: number[] = [];
  for (const x of places) entityKeys.push(entityKey('places', x));
  for (const x of products) entityKeys.push(entityKey('products', x));
  for (const x of orderBatches) entityKeys.push(entityKey('orderBatches', x));

  // Words in first-seen order with their counts, then the entity terms.
  const position = new Map<string, number>();
  const terms: string[] = [];
  const tf: number[] = [];
  for (const raw of a.tokens) {
    const t = raw.toLowerCase();
    if (t.length < 2 && !HAN.test(t)) continue;
    const i = position.get(t);
    if (i === undefined) {
      position.set(t, terms.length);
      terms.push(t);
      tf.push(1);
    } else tf[i]! += 1;
  }
  const nWords = terms.length;
  for (const p of places) terms.push(`@pl:${p}`);
  for (const p of products) terms.push(`@pr:${p.toLowerCase()}`);
  for (const o of orderBatches) terms.push(`@ob:${o}`);
  const keys: number[] = [];
  for (const t of terms) keys.push(termKey(t));
  stats.observeKeys(keys);

  // Term indexes, heaviest first (ties by term, so the order is deterministic).
  const w: number[] = [];
  for (let i = 0; i < terms.length; i++) {
    const tw = i < nWords ? 1 + Math.log(tf[i]!) : ENTITY_BOOST;
    w.push(tw * stats.idfOfKey(keys[i]!));
  }
  const order = heaviestFirst(w, terms, cfg.clustering.vectorTerms);
  let norm = 0;
  for (const i of order) norm += w[i]! * w[i]!;
  norm = Math.sqrt(norm) || 1;
  const vector: TermVector = { terms: [], keys: [], weights: [] };
  for (const i of order) {
    vector.terms.push(terms[i]!);
    vector.keys.push(keys[i]!);
    vector.weights.push(w[i]! / norm);
  }

  // Keys, not strings: the clusterer looks postings up by termKey() and need not hash again.
  const keyTermKeys: number[] = [];
  for (const i of order) {
    if (keyTermKeys.length >= cfg.clustering.keyTermsPerPost) break;
    if (stats.docFreqOfKey(keys[i]!) >= 2) keyTermKeys.push(keys[i]!);
  }
  const indexTermKeys = vector.keys.slice(0, cfg.clustering.indexTermsPerPost);
  for (let i = nWords; i < terms.length; i++) {
    const k = keys[i]!;
    if (!keyTermKeys.includes(k)) keyTermKeys.push(k);
    if (!indexTermKeys.includes(k)) indexTermKeys.push(k);
  }

  const followers = m.author?.followers;
  const created = m.author?.createdAt ? Date.parse(m.author.createdAt) : undefined;
  const isNew = created !== undefined && at - created < cfg.group.newAccountDays * DAY_MS;
  const isLow = followers !== undefined && followers < cfg.group.lowFollowers;

  const topics = ['all'];
  const brand = m.meta?.brand;
  if (typeof brand === 'string' && brand) topics.push(brand);
  const topic = m.meta?.topic;
  if (typeof topic === 'string' && topic) topics.push(topic);

  const cues: RiskCueKind[] = [];
  for (const c of a.riskCues) addUnique(cues, c.kind);
  let maxMoney = 0;
  for (const x of a.entities.money) maxMoney = Math.max(maxMoney, Math.abs(x.amount));

  return {
    id: m.id,
    at,
    authorKey,
    authorHash: fnv1a(authorKey),
    channel: m.channel,
    language: a.language,
    signature: minhashOfHashes(shingleHashes(a.tokens), cfg.clustering.numHashes),
    vector,
    keyTermKeys,
    indexTermKeys,
    places,
    products,
    orderBatches,
    entityKeys,
    categories: complaintCategories(m, cfg),
    cues,
    sentiment: a.sentiment.score,
    emotion: a.emotion.intensity,
    reach: m.reach ?? followers ?? 0,
    maxMoney,
    suspicious: isNew || isLow,
    topics,
  };
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Indexes of the `limit` heaviest weights, ties by term: what a full sort with that
 * comparator gives, by insertion (a post has a few dozen terms; Array#sort copied the
 * array and called back per comparison, and splice allocated).
 */
export function heaviestFirst(w: readonly number[], terms: readonly string[], limit: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const wi = w[i]!;
    const ti = terms[i]!;
    let j = order.length;
    while (j > 0) {
      const o = order[j - 1]!;
      if (w[o]! > wi || (w[o] === wi && terms[o]! < ti)) break;
      j--;
    }
    if (j >= limit) continue;
    let k = Math.min(order.length, limit - 1);
    for (; k > j; k--) order[k] = order[k - 1]!;
    order[j] = i;
  }
  return order;
}

function addUnique<T>(xs: T[], x: T): void {
  if (!xs.includes(x)) xs.push(x);
}
