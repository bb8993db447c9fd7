/**
 * The plain baseline the issue measured against: TF-IDF over word unigrams and bigrams
 * (jieba words for Chinese, \w\w+ tokens for English; sublinear tf, smoothed idf, L2-normalised,
 * min df 2) and a logistic regression, trained on the same rows as the candidate in the same fold.
 */
import type { LinearModel } from '../../libs/analysis/src/features';
import { detectLanguage } from '../../libs/analysis/src/language';
import { createSegmenter } from '../../libs/analysis/src/segmenter';
import { toHalfWidth, truncate } from '../../libs/analysis/src/text';
import { scoreExample, trainLogistic, type SparseExample } from '../../libs/analysis/src/training/logistic';

const seg = createSegmenter();
const tokenCache = new Map<string, string[]>();

function tokens(lang: 'zh' | 'en', text: string): string[] {
  const key = lang + '\u0000' + text;
  let t = tokenCache.get(key);
  if (t) return t;
  const norm = detectLanguage(toHalfWidth(truncate(text).text)).normalized.toLowerCase();
  const words = lang === 'zh' ? seg.cutZh(norm).filter((w) => /[\p{L}\p{N}]/u.test(w)).map((w) => w.trim()) : norm.match(/\b\w\w+\b/gu) ?? [];
  t = [...words];
  for (let i = 1; i < words.length; i++) t.push(words[i - 1] + ' ' + words[i]);
  tokenCache.set(key, t);
  return t;
}

export interface TfidfModel { vocab: Map<string, number>; idf: Float32Array; lr: LinearModel; lang: 'zh' | 'en' }

function vectorize(m: Pick<TfidfModel, 'vocab' | 'idf' | 'lang'>, text: string): SparseExample {
  const tf = new Map<number, number>();
  for (const t of tokens(m.lang, text)) { const id = m.vocab.get(t); if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1); }
  const ids = new Int32Array(tf.size); const vals = new Float32Array(tf.size);
  let k = 0; let norm = 0;
  for (const [id, c] of tf) { const v = (1 + Math.log(c)) * m.idf[id]!; ids[k] = id; vals[k++] = v; norm += v * v; }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vals.length; i++) vals[i]! /= norm;
  return { ids, vals, y: 0 };
}

export function trainTfidf(lang: 'zh' | 'en', rows: { text: string; label: number }[]): TfidfModel {
  const df = new Map<string, number>();
  for (const r of rows) for (const t of new Set(tokens(lang, r.text))) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [t, c] of df) if (c >= 2) vocab.set(t, vocab.size);
  const idf = new Float32Array(vocab.size);
  for (const [t, id] of vocab) idf[id] = Math.log((1 + rows.length) / (1 + df.get(t)!)) + 1;
  const bits = Math.max(1, Math.ceil(Math.log2(vocab.size + 1)));
  const m = { vocab, idf, lang };
  const examples = rows.map((r) => ({ ...vectorize(m, r.text), y: r.label }));
  return { ...m, lr: trainLogistic(examples, { bits, epochs: 5, l2: 1e-5 }) };
}

export function tfidfPositiveProb(m: TfidfModel, text: string): number {
  return scoreExample(m.lr, vectorize(m, text));
}
