/**
 * Sentiment-aware word vectors for English (issue #18): a small supervised model in the manner of
 * fastText — every word (negated apart) and word bigram has a vector, a post is the mean of its
 * vectors, and a logistic layer reads P(positive) from that mean. The vectors are learnt from
 * labelled sentiment data, including the sets the polarity model itself is worse for reading
 * (topic tweets, drug reviews, emotion tweets: README), so a word those sets taught counts in a
 * domain the n-gram model never saw. Its probability is averaged with the polarity model's.
 */
import { fnv1a } from './features';

export interface VectorModel {
  /** Rows of the table: 2^bits hashed words and bigrams. */
  bits: number;
  dim: number;
  /** Int8 vectors, row-major; value × scale is the weight. */
  table: Int8Array;
  scale: number;
  /** The logistic layer over the mean vector. */
  out: Float32Array;
  bias: number;
}

export interface EncodedVectorModel {
  bits: number; dim: number; scale: number; out: number[]; bias: number;
  /** base64 of the Int8 table. */
  table: string;
  trainedOn: string;
}

const WORD_OR_STOP = /[a-z0-9]+(?:['’][a-z]+)*|[.,;:!?\n]/g;
const NEG = /^(?:not|no|never|nothing|cannot|nobody|neither|nor|hardly|without|.*n't|.*nt)$/;

/**
 * The table rows of a lower-cased post: each word (marked when in a negation's scope, the three
 * words after it up to clause punctuation) and each bigram within a clause.
 */
export function vectorRows(lower: string, bits: number): number[] {
  const mask = (1 << bits) - 1;
  const out: number[] = [];
  let neg = 0;
  let prev = '';
  WORD_OR_STOP.lastIndex = 0;
  for (let m = WORD_OR_STOP.exec(lower); m; m = WORD_OR_STOP.exec(lower)) {
    const w = m[0];
    if (w.length === 1 && '.,;:!?\n'.includes(w)) { neg = 0; prev = ''; continue; }
    out.push(fnv1a((neg ? 'n ' : 'w ') + w) & mask, fnv1a('b ' + prev + ' ' + w) & mask);
    prev = w;
    if (NEG.test(w)) neg = 3;
    else if (neg) neg--;
  }
  return out;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** P(positive) of a post by the vector model (0.5 when it has no word). */
export function vectorPositiveProb(m: VectorModel, normalized: string): number {
  const rows = vectorRows(normalized.toLowerCase(), m.bits);
  if (!rows.length) return 0.5;
  // The mean vector dotted with the output layer equals the mean of each row's dot: no vector is built.
  let z = 0;
  const { table, dim, out } = m;
  for (const r of rows) {
    const o = r * dim;
    for (let k = 0; k < dim; k++) z += table[o + k]! * out[k]!;
  }
  return sigmoid(m.bias + (z * m.scale) / rows.length);
}

export function encodeVectorModel(m: VectorModel, trainedOn: string): EncodedVectorModel {
  return { bits: m.bits, dim: m.dim, scale: m.scale, out: Array.from(m.out, (x) => Math.round(x * 1e5) / 1e5), bias: Math.round(m.bias * 1e5) / 1e5, table: Buffer.from(m.table.buffer, m.table.byteOffset, m.table.byteLength).toString('base64'), trainedOn };
}

export function decodeVectorModel(e: EncodedVectorModel): VectorModel {
  const buf = Buffer.from(e.table, 'base64');
  return { bits: e.bits, dim: e.dim, scale: e.scale, out: Float32Array.from(e.out), bias: e.bias, table: new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}
