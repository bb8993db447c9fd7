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
 * Every nudge of a deployment in one table, rows by feature id (compressed sparse rows over the
 * hash space: 1 MB of offsets), so a post costs one array read per feature however many
 * categories have a nudge. Component 0 is the emotion.
 */
export interface CompiledLabels {
  readonly rowStart: Int32Array;
  readonly component: Uint16Array;
  readonly weight: Float32Array;
  /** Category id → its component index. */
  readonly categories: ReadonlyMap<string, number>;
  readonly size: number;
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
  const rowStart = new Int32Array(n + 1);
  for (const [, w] of parts) for (const f of w.keys()) if (f >= 0 && f < n) rowStart[f + 1]!++;
  for (let i = 0; i < n; i++) rowStart[i + 1]! += rowStart[i]!;
  const fill = rowStart.slice(0, n);
  const component = new Uint16Array(rowStart[n]!);
  const weight = new Float32Array(rowStart[n]!);
  for (const [c, w] of parts) {
    for (const [f, v] of w) {
      if (f < 0 || f >= n) continue;
      const at = fill[f]!++;
      component[at] = c;
      weight[at] = v;
    }
  }
  return { rowStart, component, weight, categories, size: k };
}

/** The nudges of one post, per component (index as in `compiled`). */
export function nudges(compiled: CompiledLabels, feats: readonly number[]): Float64Array {
  const out = new Float64Array(compiled.size);
  if (feats.length === 0) return out;
  const { rowStart, component, weight } = compiled;
  for (const f of feats) for (let i = rowStart[f]!, end = rowStart[f + 1]!; i < end; i++) out[component[i]!]! += weight[i]!;
  const norm = 1 / Math.sqrt(feats.length);
  for (let i = 0; i < out.length; i++) out[i]! *= norm;
  return out;
}
