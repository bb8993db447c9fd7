/**
 * What a deployment learns from its analysts' category and emotion corrections (issue #18): a
 * sparse linear nudge over the same hashed n-grams the sentiment models read, added to the
 * rules' own score — the emotion's intensity score, a category's evidence. With no nudge the
 * rules answer exactly as before; a nudge only moves posts that share words with corrected ones.
 */
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

/** The nudge of one post: `feats` as the sentiment models read them (duplicates count as term frequency, L2-normalised). */
export function nudge(weights: SparseWeights | undefined, feats: readonly number[]): number {
  if (!weights || weights.size === 0 || feats.length === 0) return 0;
  let z = 0;
  for (const f of feats) z += weights.get(f) ?? 0;
  return z / Math.sqrt(feats.length);
}

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
