import type { EnrichedMention, RiskCueKind } from '@vigil/contracts';
import { findAnchors } from './anchors';
import type { DetectionConfig } from './config';
import { entityKey, fnv1a, termKey, watchSalt } from './hash';
import { minhashOfHashes, shingleHashes } from './minhash';
import type { TermStats } from './term-stats';
import type { WatchTerms } from './watch-terms';

/** Everything the detector needs from one post, computed once. */
export interface PostFeatures {
  id: string;
  at: number;
  sourceId: string;
  /** The watch the post is clustered under (its first own watch), and that watch's index salt. */
  watchId: string;
  watchSalt: number;
  authorKey: string;
  authorHash: number;
  channel: string;
  language: string;
  /** The post's (PII-masked) text, referenced, not copied: a cluster shortens it into a title when the post represents it. */
  text: string;
  /** MinHash values (unsigned 32-bit) of the post's shingles. */
  signature: number[];
  /** L2-normalised TF-IDF weights over tokens and entity terms, heaviest first (brand words, cities and URL pieces left out). */
  vector: TermVector;
  /** termKey()s (salted by watch) to look candidates up by: the heaviest terms seen before, and the entity terms. */
  keyTermKeys: number[];
  /** termKey()s (salted by watch) the post's cluster is indexed under, so later posts can find it. */
  indexTermKeys: number[];
  /** Places below the city (compounds, named sites): what households of one incident share. */
  places: string[];
  products: string[];
  orderBatches: string[];
  /** Flights, trains, lines, stores or branches the post names (anchors.ts). */
  anchors: string[];
  /** entityKey() of places, products, order batches, then anchors (same order as those arrays). */
  entityKeys: number[];
  categories: string[];
  cues: RiskCueKind[];
  sentiment: number;
  emotion: number;
  reach: number;
  maxMoney: number;
  /** New or low-follower account: weighs in the coordination check. */
  suspicious: boolean;
}

/** Parallel arrays rather than a Map: the clusterer only ever walks a post's terms in order. */
export interface TermVector {
  terms: string[];
  /** termKey() of each term (unsalted: centroids compare terms, not watches). */
  keys: number[];
  weights: number[];
}

const DAY_MS = 86_400_000;
/** Entity terms weigh more than words: sharing a compound or an order batch is strong evidence. */
const ENTITY_BOOST = 2;
/** Places of these kinds are too large to say anything about one incident. */
const BROAD_PLACES = new Set(['province', 'city', 'district']);
/** Pieces of links and machine ids: never what a complaint is about. */
const URL_PIECE = /^(?:https?|www|com|cn|net|org|html?|php|aspx?|amp|utm|ref|t\.co|bit\.ly)$|[/:]|\.[a-z]{2,4}$/;
const MIXED_ID = /^(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{8,}$/;

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

/** `at`: the post's time when the caller has parsed it already. `watchId`: the watch it is clustered under. */
export function extractFeatures(
  m: EnrichedMention,
  cfg: DetectionConfig,
  stats: TermStats,
  at = Date.parse(m.publishedAt),
  watchId = '_all',
  watchTerms?: WatchTerms,
): PostFeatures {
  const a = m.analysis;
  const authorKey = m.author?.id ? `${m.sourceId}:${m.author.id}` : m.author?.name ? `${m.sourceId}:n:${m.author.name}` : `anon:${m.id}`;
  const places: string[] = [];
  let broad: string[] | undefined;
  for (const p of a.entities.places) {
    if (BROAD_PLACES.has(p.kind)) (broad ??= []).push(p.name.toLowerCase());
    else addUnique(places, p.name);
  }
  const products: string[] = [];
  for (const p of a.entities.products) addUnique(products, p);
  const orderBatches: string[] = [];
  for (const o of a.entities.orderIds) if (o.length > cfg.clustering.orderBatchPrefix) addUnique(orderBatches, o.slice(0, cfg.clustering.orderBatchPrefix));
  const anchors = findAnchors(m.title ? `${m.title} ${m.text}` : m.text);

  const entityKeys: number[] = [];
  for (const x of places) entityKeys.push(entityKey('places', x));
  for (const x of products) entityKeys.push(entityKey('products', x));
  for (const x of orderBatches) entityKeys.push(entityKey('orderBatches', x));
  for (const x of anchors) entityKeys.push(entityKey('anchors', x));

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
  let nWords = terms.length;
  const keys: number[] = [];
  for (const t of terms) keys.push(termKey(t));
  stats.observeKeys(keys);
  watchTerms?.observe(watchId, keys);
  // Words that say whose post it is or where the author lives, and link pieces, are dropped here
  // (after counting them, so the watch's brand words keep being recognised).
  let kept = 0;
  for (let i = 0; i < nWords; i++) {
    const t = terms[i]!;
    if (URL_PIECE.test(t) || MIXED_ID.test(t) || broad?.includes(t) || watchTerms?.isBrandTerm(watchId, t, keys[i])) continue;
    terms[kept] = t;
    keys[kept] = keys[i]!;
    tf[kept] = tf[i]!;
    kept++;
  }
  terms.length = kept;
  keys.length = kept;
  tf.length = kept;
  nWords = kept;
  for (const p of places) terms.push(`@pl:${p}`);
  for (const p of products) terms.push(`@pr:${p.toLowerCase()}`);
  for (const o of orderBatches) terms.push(`@ob:${o}`);
  for (const x of anchors) terms.push(`@an:${x}`);
  for (let i = nWords; i < terms.length; i++) keys.push(termKey(terms[i]!));

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
  const salt = watchSalt(watchId);
  const keyTermKeys: number[] = [];
  for (const i of order) {
    if (keyTermKeys.length >= cfg.clustering.keyTermsPerPost) break;
    if (stats.docFreqOfKey(keys[i]!) >= 2) keyTermKeys.push(keys[i]! ^ salt);
  }
  const indexTermKeys: number[] = [];
  for (let j = 0; j < vector.keys.length && j < cfg.clustering.indexTermsPerPost; j++) indexTermKeys.push(vector.keys[j]! ^ salt);
  for (let i = nWords; i < terms.length; i++) {
    const k = keys[i]! ^ salt;
    if (!keyTermKeys.includes(k)) keyTermKeys.push(k);
    if (!indexTermKeys.includes(k)) indexTermKeys.push(k);
  }

  const followers = m.author?.followers;
  const created = m.author?.createdAt ? Date.parse(m.author.createdAt) : undefined;
  const isNew = created !== undefined && at - created < cfg.group.newAccountDays * DAY_MS;
  const isLow = followers !== undefined && followers < cfg.group.lowFollowers;

  const cues: RiskCueKind[] = [];
  for (const c of a.riskCues) addUnique(cues, c.kind);
  let maxMoney = 0;
  for (const x of a.entities.money) maxMoney = Math.max(maxMoney, Math.abs(x.amount));

  return {
    id: m.id,
    at,
    sourceId: m.sourceId,
    watchId,
    watchSalt: salt,
    authorKey,
    authorHash: fnv1a(authorKey),
    channel: m.channel,
    language: a.language,
    text: m.text,
    signature: minhashOfHashes(shingleHashes(a.tokens), cfg.clustering.numHashes),
    vector,
    keyTermKeys,
    indexTermKeys,
    places,
    products,
    orderBatches,
    anchors,
    entityKeys,
    categories: complaintCategories(m, cfg),
    cues,
    sentiment: a.sentiment.score,
    emotion: a.emotion.intensity,
    reach: m.reach ?? followers ?? 0,
    maxMoney,
    suspicious: isNew || isLow,
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
