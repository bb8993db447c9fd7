/**
 * What a deployment learns from its analysts' category and emotion corrections (issue #18): a
 * sparse linear nudge over the same hashed n-grams the sentiment models read, added to the
 * rules' own score — the emotion's intensity score, a category's evidence. With no nudge the
 * rules answer exactly as before; a nudge only moves posts that share words with corrected ones.
 */
import { HASH_BITS } from './features';

/** Feature id → weight; only the features some correction carried are stored. */
export type SparseWeights = ReadonlyMap<number, number>;

export interface LabelModels {
  /** Added to the emotion score x (intensity = 1 − e^−x). */
  emotion?: SparseWeights;
  /** Per category id: added to the category's evidence (a keyword hit is 1). */
  categories?: Readonly<Record<string, SparseWeights>>;
}

/** Evidence at or above this gives a category (below any rule evidence: one keyword is 1, example words ≥ 0.45). */
export const CATEGORY_EVIDENCE_MIN = 0.3;

/** Stored form: ids (Int32) and weights (Float32), each base64. */
export interface EncodedSparse { ids: string; weights: string }

export function encodeSparse(w: SparseWeights): EncodedSparse {
  const keys = [...w.keys()].sort((a, b) => a - b);
  const ids = Int32Array.from(keys);
  const vals = Float32Array.from(keys.map((k) => w.get(k)!));
  return { ids: Buffer.from(ids.buffer).toString('base64'), weights: Buffer.from(vals.buffer).toString('base64') };
}

export function decodeSparse(e: EncodedSparse): SparseWeights {
  const ib = Buffer.from(e.ids, 'base64');
  const wb = Buffer.from(e.weights, 'base64');
  const ids = new Int32Array(ib.buffer.slice(ib.byteOffset, ib.byteOffset + ib.byteLength));
  const vals = new Float32Array(wb.buffer.slice(wb.byteOffset, wb.byteOffset + wb.byteLength));
  if (ids.length !== vals.length) throw new Error(`a stored nudge has ${ids.length} ids and ${vals.length} weights`);
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i]!, vals[i]!);
  return out;
}

/**
 * Every nudge of a deployment in one table, one row per feature id that carries a nudge (its
 * weights for each component, component 0 being the emotion), so a post costs one lookup per
 * feature however many categories have a nudge. The rows are found by rank in a bit map of the
 * hash space (64 KB with the ranks) rather than by an offset per id (1 MB): a post reads ~400 ids
 * at random places, and in 1 MB those reads pushed the segmenter's dictionary and the sentiment
 * model out of the core's cache (`npm run bench:analysis`: zh with nudges ran at 0.72× without).
 */
export interface CompiledLabels {
  /** Per 32 ids: [bits of those that carry a nudge, how many before them do], interleaved. */
  readonly index: Int32Array;
  /** Row r's weights are entries rowStart[r] .. rowStart[r + 1]. */
  readonly rowStart: Int32Array;
  readonly component: Uint16Array;
  readonly weight: Float32Array;
  /** Category id → its component index. */
  readonly categories: ReadonlyMap<string, number>;
  readonly size: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The row of feature `f`, or −1 when it carries no nudge (or lies outside the compiled space). */
export function rowOf(index: Int32Array, f: number): number {
  const at = (f >>> 5) << 1;
  if (at >= index.length) return -1;
  const bits = index[at]!;
  const bit = 1 << (f & 31);
  if ((bits & bit) === 0) return -1;
  return index[at + 1]! + popcount(bits & (bit - 1));
}

export function compileLabels(labels: LabelModels, bits = HASH_BITS): CompiledLabels {
  const parts: [number, SparseWeights][] = [];
  const categories = new Map<string, number>();
  if (labels.emotion) parts.push([0, labels.emotion]);
  let k = 1;
  for (const [id, w] of Object.entries(labels.categories ?? {})) {
    categories.set(id, k);
    parts.push([k++, w]);
  }
  const n = 1 << bits;
  const perId = new Int32Array(n);
  for (const [, w] of parts) for (const f of w.keys()) if (f >= 0 && f < n) perId[f]!++;
  const words = (n + 31) >>> 5;
  const index = new Int32Array(2 * words);
  let rows = 0;
  for (let wd = 0; wd < words; wd++) {
    index[2 * wd + 1] = rows;
    for (let b = 0; b < 32 && 32 * wd + b < n; b++) {
      if (perId[32 * wd + b]! > 0) {
        index[2 * wd]! |= 1 << b;
        rows++;
      }
    }
  }
  const rowStart = new Int32Array(rows + 1);
  for (let f = 0, r = 0; f < n; f++) if (perId[f]! > 0) { rowStart[r + 1] = rowStart[r]! + perId[f]!; r++; }
  const fill = rowStart.slice(0, rows);
  const component = new Uint16Array(rowStart[rows]!);
  const weight = new Float32Array(rowStart[rows]!);
  for (const [c, w] of parts) {
    for (const [f, v] of w) {
      if (f < 0 || f >= n) continue;
      const at = fill[rowOf(index, f)]!++;
      component[at] = c;
      weight[at] = v;
    }
  }
  return { index, rowStart, component, weight, categories, size: k };
}

/** The nudges of one post, per component (index as in `compiled`): the analyzer's LabelFeatureReader.nudges() without its tables. */
export function nudges(compiled: CompiledLabels, feats: readonly number[]): Float64Array {
  const out = new Float64Array(compiled.size);
  if (feats.length === 0) return out;
  const { index, rowStart, component, weight } = compiled;
  for (const f of feats) {
    const r = rowOf(index, f);
    if (r < 0) continue;
    for (let i = rowStart[r]!, end = rowStart[r + 1]!; i < end; i++) out[component[i]!]! += weight[i]!;
  }
  const norm = 1 / Math.sqrt(feats.length);
  for (let i = 0; i < out.length; i++) out[i]! *= norm;
  return out;
}
