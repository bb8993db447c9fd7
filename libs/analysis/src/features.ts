/**
 * Hashed n-gram features shared by the training script and inference, so the
 * two can never drift apart. Feature ids are FNV-1a hashes folded into 2^bits.
 */
import { enPolarLexicon, ZH_LEX_NEGATORS, zhPolarLexicon } from './lexicon/polar';
import { EMOJI_SENTIMENT } from './lexicon/emoji';
import { allMatches } from './text';

export const HASH_BITS = 18;
/**
 * Feature sets: 1 = character n-grams + words/bigrams; 2 = the same plus lexicon classes
 * (each hit counts LEX_REPEAT times, so the few lexicon ids weigh against hundreds of n-grams);
 * 3 (English only; Chinese reads 3 as 2) = 2 plus tweet marks (enTweetMarks): URLs and @mentions
 * as placeholder tokens, emoji/emoticon polarity classes, elongated words ("soooo", also read
 * squeezed), all-caps words, repeated "!!" / "??" / "?!", and camel-case hashtags split into words.
 */
export const FEATURE_VERSION = 2;
const LEX_REPEAT = 6;
const MASK = (1 << HASH_BITS) - 1;

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const step = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);
const TAG_C = step(FNV_OFFSET, 99); // 'c': character n-grams
const TAG_W = step(FNV_OFFSET, 119); // 'w': words
const TAG_B = step(FNV_OFFSET, 98); // 'b': word bigrams

function hashFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}

/**
 * Character n-grams hashed incrementally (no substrings): the 2- and 3-gram
 * hashes extend the 1-gram hash, which is what makes this cheap per post.
 */
function charGrams(out: number[], s: string, minN: number, maxN: number): void {
  for (let i = 0; i < s.length; i++) {
    let h = TAG_C;
    for (let n = 1; n <= maxN && i + n <= s.length; n++) {
      h = step(h, s.charCodeAt(i + n - 1));
      if (n >= minN) out.push((h >>> 0) & MASK);
    }
  }
}

/** How many ids charGrams() emits for a string of `len` code units. */
function charGramCount(len: number, minN: number, maxN: number): number {
  let n = 0;
  for (let i = 0; i < len; i++) {
    const top = Math.min(maxN, len - i);
    if (top >= minN) n += top - minN + 1;
  }
  return n;
}

/** z + Σ weights[id]·norm over charGrams(), in charGrams' order (so the sum is bit-identical), without the id array. */
function charGramsDot(z: number, weights: Float32Array, norm: number, s: string, minN: number, maxN: number): number {
  for (let i = 0; i < s.length; i++) {
    let h = TAG_C;
    for (let n = 1; n <= maxN && i + n <= s.length; n++) {
      h = step(h, s.charCodeAt(i + n - 1));
      if (n >= minN) z += weights[(h >>> 0) & MASK]! * norm;
    }
  }
  return z;
}

const TAG_L = hashFrom(step(FNV_OFFSET, 108), 'lex:'); // 'l': lexicon classes
const lexId = (cls: string) => (hashFrom(TAG_L, cls) >>> 0) & MASK;
const ZH_LEX_IDS = { p: lexId('p'), n: lexId('n'), px: lexId('px'), nx: lexId('nx') };
const EN_LEX_IDS: Record<string, number> = Object.fromEntries(
  ['p1', 'p2', 'n1', 'n2', 'p1x', 'p2x', 'n1x', 'n2x'].map((c) => [c, lexId(c)]));

function pushLex(out: number[], id: number): void {
  for (let k = 0; k < LEX_REPEAT; k++) out.push(id);
}

function wordFeaturesZh(out: number[], words: readonly string[], version: number): void {
  let prev = TAG_B;
  const lex = version >= 2 ? zhPolarLexicon() : undefined;
  // The two previous non-blank words, for negation of a lexicon word (不 满意, 没有 问题).
  let w1 = '';
  let w2 = '';
  for (const raw of words) {
    const w = raw.trim().toLowerCase();
    if (!w) continue;
    out.push((hashFrom(TAG_W, w) >>> 0) & MASK);
    out.push((hashFrom(step(prev, 124), w) >>> 0) & MASK);
    prev = hashFrom(TAG_B, w);
    if (lex) {
      const v = lex.get(w);
      if (v !== undefined) {
        const negated = ZH_LEX_NEGATORS.has(w1) || ZH_LEX_NEGATORS.has(w2);
        pushLex(out, v > 0 ? (negated ? ZH_LEX_IDS.px : ZH_LEX_IDS.p) : negated ? ZH_LEX_IDS.nx : ZH_LEX_IDS.n);
      }
      w2 = w1;
      w1 = w;
    }
  }
}

const zhChars = (normalized: string) => normalized.toLowerCase().replace(/\s+/g, '');

/** Sparse bag of feature ids (duplicates count as term frequency). */
export function featuresZh(normalized: string, words: readonly string[], version = FEATURE_VERSION): number[] {
  const out: number[] = [];
  charGrams(out, zhChars(normalized), 1, 3);
  wordFeaturesZh(out, words, version);
  return out;
}

/** predict(model, featuresZh(normalized, words)) without materialising the ~300 character n-gram ids. */
export function predictZh(model: LinearModel, normalized: string, words: readonly string[]): number {
  const s = zhChars(normalized);
  const wordFeats: number[] = [];
  wordFeaturesZh(wordFeats, words, model.version ?? 1);
  const count = charGramCount(s.length, 1, 3) + wordFeats.length;
  if (count === 0) return sigmoid(model.bias);
  const norm = 1 / Math.sqrt(count);
  let z = charGramsDot(model.bias, model.weights, norm, s, 1, 3);
  for (const f of wordFeats) z += model.weights[f]! * norm;
  return sigmoid(z);
}

const EN_NEG = /^(?:not|no|never|nothing|cannot|nobody|neither|nor|hardly|without|.*n't|.*nt)$/;
const EN_NEG_WORDS = new Set(['dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'wont', 'cant', 'couldnt', 'wouldnt', 'shouldnt']);
const TAG_N = hashFrom(TAG_W, 'n_');

const EN_WORD_OR_STOP = /[a-z0-9]+(?:['’][a-z]+)*|[.,;:!?\n]/g;

const TAG_T = hashFrom(step(FNV_OFFSET, 116), 'tw:'); // 't': tweet marks
const tweetId = (mark: string) => (hashFrom(TAG_T, mark) >>> 0) & MASK;
const TW = Object.fromEntries(['url', 'user', 'emo+', 'emo-', 'emo0', 'elong', 'caps', 'caps+', 'caps-', 'excl', 'quest', 'interrobang', 'hashtag'].map((m) => [m, tweetId(m)])) as Record<string, number>;
const EN_URL = /\b(?:https?:\/\/|www\.)\S+/g;
const EN_USER = /(?<![\w@])@\w+/g;
const EN_EMO = /\p{Extended_Pictographic}\uFE0F?|(?<![\w:])(?:>:\(|:'\(|:-?\)|:-?\(|:-?D|;-?\)|:P|\^_\^|\(:|T_T|:\/(?!\/))(?![\w/])/gu;
const EN_ELONG = /([a-z])\1\1+/;
const EN_CAPS = /(?<![\w#@])[A-Z][A-Z']{2,}(?![\w])/g;
const EN_HASHTAG = /#([A-Za-z][A-Za-z0-9]*)/g;
const EN_EMO_HINT = /[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\u2bff\u3030\u303d\u3297\u3299\ud83c-\ud83f:;^(T]/;
const EN_CAPS_HINT = /[A-Z][A-Z']/;
const EN_ELONG_ANY = /([a-z])\1\1/;
const EN_CAMEL = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g;

/**
 * The text the English features read, from the lower-cased post: feature set 3 turns URLs and
 * @mentions into placeholder words. The same string when there is nothing to replace.
 */
function enLower(plain: string, version: number): string {
  if (version < 3) return plain;
  let out = plain;
  if (out.includes('http') || out.includes('www.')) out = out.replace(EN_URL, ' xurlx ');
  if (out.includes('@')) out = out.replace(EN_USER, ' xuserx ');
  return out;
}

/**
 * Tweet marks of feature set 3, read off the case-kept text: each a hashed id of its own (emoji
 * polarity and all-caps polar words LEX_REPEAT times, as lexicon classes), and the word ids of
 * an elongated word squeezed to two letters ("soooo" → "soo") and of a camel-case hashtag's words.
 */
export function enTweetMarks(out: number[], normalized: string, plain = normalized.toLowerCase()): void {
  if (normalized.length === 0) return;
  // Cheap guards first: most posts have none of these marks, and the full regexes cost more than the test.
  if (EN_EMO_HINT.test(normalized)) for (const m of allMatches(EN_EMO, normalized)) {
    const e = m[0];
    const v = EMOJI_SENTIMENT[e] ?? EMOJI_SENTIMENT[e.replace(/\uFE0F/g, '')] ?? 0;
    pushLex(out, v > 0 ? TW['emo+']! : v < 0 ? TW['emo-']! : TW.emo0!);
  }
  let lex: Map<string, number> | undefined;
  if (EN_CAPS_HINT.test(normalized)) for (const m of allMatches(EN_CAPS, normalized)) {
    out.push(TW.caps!);
    lex ??= enPolarLexicon();
    const v = lex.get(m[0].toLowerCase());
    if (v !== undefined) pushLex(out, v > 0 ? TW['caps+']! : TW['caps-']!);
  }
  if (normalized.includes('!!')) out.push(TW.excl!);
  if (normalized.includes('??')) out.push(TW.quest!);
  if (normalized.includes('?!') || normalized.includes('!?')) out.push(TW.interrobang!);
  if (EN_ELONG_ANY.test(plain)) for (const m of allMatches(/[a-z]+/g, plain)) {
    if (!EN_ELONG.test(m[0])) continue;
    out.push(TW.elong!);
    out.push((hashFrom(TAG_W, m[0].replace(/([a-z])\1+/g, '$1$1')) >>> 0) & MASK);
  }
  if (normalized.includes('#')) for (const m of allMatches(EN_HASHTAG, normalized)) {
    out.push(TW.hashtag!);
    const parts = m[1]!.match(EN_CAMEL) ?? [];
    if (parts.length > 1) for (const p of parts) out.push((hashFrom(TAG_W, p.toLowerCase()) >>> 0) & MASK);
  }
}

function wordFeaturesEn(out: number[], lower: string, version: number, normalized: string, plain: string): void {
  if (version >= 3) enTweetMarks(out, normalized, plain);
  // Negation scope: words after a negator until clause punctuation get a marker,
  // so "not good" and "good" land on different weights.
  let prev = TAG_B;
  let neg = 0;
  const lex = version >= 2 ? enPolarLexicon() : undefined;
  for (const m of allMatches(EN_WORD_OR_STOP, lower)) {
    const w = m[0];
    if (w.length === 1 && '.,;:!?\n'.includes(w)) {
      neg = 0;
      prev = step(TAG_B, 124);
      continue;
    }
    out.push((hashFrom(neg > 0 ? TAG_N : TAG_W, w) >>> 0) & MASK);
    out.push((hashFrom(step(prev, 124), w) >>> 0) & MASK);
    prev = hashFrom(TAG_B, w);
    if (lex) {
      const v = lex.get(w);
      if (v !== undefined) pushLex(out, EN_LEX_IDS[(v > 0 ? 'p' : 'n') + (Math.abs(v) >= 2 ? '2' : '1') + (neg > 0 ? 'x' : '')]!);
    }
    if (EN_NEG_WORDS.has(w) || EN_NEG.test(w)) neg = 3;
    else if (neg > 0) neg--;
  }
}

const enChars = (lower: string) => ' ' + lower.replace(/\s+/g, ' ') + ' ';

export function featuresEn(normalized: string, words: readonly string[], version = FEATURE_VERSION): number[] {
  void words;
  const out: number[] = [];
  const plain = normalized.toLowerCase();
  const lower = enLower(plain, version);
  wordFeaturesEn(out, lower, version, normalized, plain);
  charGrams(out, enChars(lower), 3, 5);
  return out;
}

/** predict(model, featuresEn(normalized, [])) without materialising the character n-gram ids. */
export function predictEn(model: LinearModel, normalized: string): number {
  const plain = normalized.toLowerCase();
  const lower = enLower(plain, model.version ?? 1);
  const wordFeats: number[] = [];
  wordFeaturesEn(wordFeats, lower, model.version ?? 1, normalized, plain);
  const s = enChars(lower);
  const count = wordFeats.length + charGramCount(s.length, 3, 5);
  if (count === 0) return sigmoid(model.bias);
  const norm = 1 / Math.sqrt(count);
  let z = model.bias;
  for (const f of wordFeats) z += model.weights[f]! * norm;
  return sigmoid(charGramsDot(z, model.weights, norm, s, 3, 5));
}

/**
 * predictEn of two models over one text, hashing it once (the polarity and the neutral model of
 * every English post). Each result is bit-identical to predictEn. Models of feature sets 2 and 3
 * share the pass when set 3's placeholders leave the text as it is (no URL, no @mention): set 3
 * is set 2 plus its tweet marks, read first.
 */
export function predictEnPair(a: LinearModel, b: LinearModel, normalized: string): [number, number] {
  const va = a.version ?? 1;
  const vb = b.version ?? 1;
  const plain = normalized.toLowerCase();
  const lower = enLower(plain, Math.max(va, vb));
  const base = Math.min(va, vb, 2);
  if (va !== vb && !(base === 2 && Math.max(va, vb) === 3 && lower === plain)) {
    return [predictEn(a, normalized), predictEn(b, normalized)];
  }
  const marks: number[] = [];
  if (Math.max(va, vb) >= 3) enTweetMarks(marks, normalized, plain);
  const wordFeats: number[] = [];
  wordFeaturesEn(wordFeats, lower, base, normalized, plain);
  const s = enChars(lower);
  const rest = wordFeats.length + charGramCount(s.length, 3, 5);
  const countA = rest + (va >= 3 ? marks.length : 0);
  const countB = rest + (vb >= 3 ? marks.length : 0);
  const normA = countA ? 1 / Math.sqrt(countA) : 0;
  const normB = countB ? 1 / Math.sqrt(countB) : 0;
  const wa = a.weights;
  const wb = b.weights;
  let za = a.bias;
  let zb = b.bias;
  if (va >= 3) for (const f of marks) za += wa[f]! * normA;
  if (vb >= 3) for (const f of marks) zb += wb[f]! * normB;
  for (const f of wordFeats) { za += wa[f]! * normA; zb += wb[f]! * normB; }
  for (let i = 0; i < s.length; i++) {
    let h = TAG_C;
    for (let n = 1; n <= 5 && i + n <= s.length; n++) {
      h = step(h, s.charCodeAt(i + n - 1));
      if (n >= 3) { const id = (h >>> 0) & MASK; za += wa[id]! * normA; zb += wb[id]! * normB; }
    }
  }
  return [sigmoid(countA ? za : a.bias), sigmoid(countB ? zb : b.bias)];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface LinearModel {
  bias: number;
  weights: Float32Array;
  /** Feature set the weights belong to (absent = 1). */
  version?: number;
}

/** P(positive) of a logistic model over L2-normalised term frequencies. */
export function predict(model: LinearModel, feats: readonly number[]): number {
  if (feats.length === 0) return 1 / (1 + Math.exp(-model.bias));
  const norm = 1 / Math.sqrt(feats.length);
  let z = model.bias;
  for (const f of feats) z += model.weights[f]! * norm;
  return 1 / (1 + Math.exp(-z));
}

/** Model artefacts are committed as base64 Int16 weights with one scale: small and tsc-carried. */
export interface EncodedModel {
  bits: number;
  bias: number;
  scale: number;
  weights: string;
  trainedOn: string;
  /** Feature set (absent = 1). */
  features?: number;
}

export function decodeModel(enc: EncodedModel): LinearModel {
  const buf = Buffer.from(enc.weights, 'base64');
  const ints = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  const weights = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) weights[i] = ints[i]! * enc.scale;
  return { bias: enc.bias, weights, ...(enc.features && enc.features > 1 ? { version: enc.features } : {}) };
}

export function encodeModel(model: LinearModel, trainedOn: string): EncodedModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const ints = new Int16Array(model.weights.length);
  for (let i = 0; i < ints.length; i++) ints[i] = Math.round(model.weights[i]! / scale);
  return { bits: HASH_BITS, bias: model.bias, scale, weights: Buffer.from(ints.buffer).toString('base64'), trainedOn, features: model.version ?? 1 };
}
