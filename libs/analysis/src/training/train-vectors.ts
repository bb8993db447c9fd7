/**
 * Trains the English sentiment vectors (sentiment-vectors.ts): SGD on the logistic loss of the
 * mean vector, learning rate decaying linearly to 0 (as fastText), then the table quantised to
 * Int8. Deterministic for a given row order and seed.
 */
import { mulberry32 } from './logistic';
import { vectorRows, type VectorModel } from '../sentiment-vectors';

export interface VectorOptions { bits: number; dim: number; epochs: number; lr: number; seed?: number }

export function trainVectors(examples: readonly { text: string; y: number }[], o: VectorOptions): VectorModel {
  const { dim } = o;
  const rand = mulberry32(o.seed ?? 7);
  const E = new Float32Array((1 << o.bits) * dim);
  for (let i = 0; i < E.length; i++) E[i] = (rand() * 2 - 1) / dim;
  const out = new Float32Array(dim);
  let bias = 0;
  const rows = examples.map((e) => Int32Array.from(vectorRows(e.text.toLowerCase(), o.bits)));
  const order = examples.map((_, i) => i);
  const v = new Float32Array(dim);
  const g = new Float32Array(dim);
  const total = o.epochs * order.length;
  let step = 0;
  for (let e = 0; e < o.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i]!; order[i] = order[j]!; order[j] = t;
    }
    for (const i of order) {
      const ids = rows[i]!;
      const lr = o.lr * (1 - step++ / total);
      if (!ids.length) continue;
      v.fill(0);
      for (const id of ids) for (let k = 0; k < dim; k++) v[k]! += E[id * dim + k]!;
      let z = bias;
      for (let k = 0; k < dim; k++) { v[k]! /= ids.length; z += out[k]! * v[k]!; }
      const err = 1 / (1 + Math.exp(-z)) - examples[i]!.y;
      for (let k = 0; k < dim; k++) { g[k] = (err * out[k]!) / ids.length; out[k]! -= lr * err * v[k]!; }
      bias -= lr * err;
      for (const id of ids) for (let k = 0; k < dim; k++) E[id * dim + k]! -= lr * g[k]!;
    }
  }
  // Rows no training post touched keep their random start: zeroed, so a word never seen adds nothing.
  const touched = new Uint8Array(1 << o.bits);
  for (const ids of rows) for (const id of ids) touched[id] = 1;
  for (let r = 0; r < touched.length; r++) if (!touched[r]) E.fill(0, r * dim, (r + 1) * dim);
  let max = 1e-9;
  for (let i = 0; i < E.length; i++) max = Math.max(max, Math.abs(E[i]!));
  const scale = max / 127;
  const table = new Int8Array(E.length);
  for (let i = 0; i < E.length; i++) table[i] = Math.round(E[i]! / scale);
  return { bits: o.bits, dim, table, scale, out, bias };
}
