/**
 * The features the learnt label nudges read (learned-labels.ts): the sentiment models' feature
 * set 1 of the post — hashed character n-grams and words/bigrams — each id once, in the order
 * featuresZh / featuresEn(…, 1) first emit it. The ids are those of features.ts exactly (the
 * spec holds them equal over data rows), so nudges stored by earlier updates keep their meaning.
 *
 * Why a walk of its own instead of featuresZh(…, 1): with nudges in force every post paid for an
 * array of ~400 ids (and its garbage), a 1 MB stamp array to make them unique, and a lower-cased
 * copy of every word. Here the ids go straight into a table sized to the post (8 KB for a post of
 * 100 characters), and a Chinese word is hashed as it is when lower-casing cannot change it.
 */
import { HASH_BITS } from './features';
import { rowOf, type CompiledLabels } from './learned-labels';
import type { Language } from '@vigil/contracts';
import { allMatches } from './text';

// FNV-1a as features.ts hashes, with its tags: the ids must be the same.
const FNV_OFFSET = 0x811c9dc5;
const step = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);
const MASK = (1 << HASH_BITS) - 1;
const TAG_C = step(FNV_OFFSET, 99);
const TAG_W = step(FNV_OFFSET, 119);
const TAG_B = step(FNV_OFFSET, 98);
const BIGRAM_AFTER_START = step(TAG_B, 124);
function hashFrom(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}
const TAG_N = hashFrom(TAG_W, 'n_');
const EN_NEG = /^(?:not|no|never|nothing|cannot|nobody|neither|nor|hardly|without|.*n't|.*nt)$/;
const EN_NEG_WORDS = new Set(['dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'wont', 'cant', 'couldnt', 'wouldnt', 'shouldnt']);
const EN_WORD_OR_STOP = /[a-z0-9]+(?:['’][a-z]+)*|[.,;:!?\n]/g;

/**
 * Whether `trim().toLowerCase()` would return `w` unchanged: no edge whitespace and no cased letter
 * (ASCII without A–Z; CJK symbols, kana and ideographs U+3001–U+9FFF, which have no case). Most
 * Chinese words are, and for them the two calls were half of this reader's time (a runtime call
 * and a new string each).
 */
function caseless(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x3001 && c <= 0x9fff) continue;
    if (c > 0x20 && c < 0x80 && !(c >= 0x41 && c <= 0x5a)) continue;
    return false;
  }
  return true;
}

/** A table this size or smaller is kept between posts (64 KB of keys and stamps); a long post's is its own. */
const KEPT_TABLE_BITS = 13;

/**
 * Reads one post's label features at a time into tables it keeps between posts (one per
 * analyzer: not shared across concurrent callers).
 */
export class LabelFeatureReader {
  private keys = new Int32Array(1 << 10);
  private stamps = new Uint32Array(1 << 10);
  private stamp = 0;
  private order = new Int32Array(1 << 9);
  private count = 0;

  /** Reads `text` (analysed, normalised) and its words (Chinese cut); then `ids()` and `nudges()` answer for it. */
  read(language: Language, text: string, words: readonly string[]): this {
    this.count = 0;
    if (language === 'zh' || language === 'mixed') {
      const s = text.toLowerCase().replace(/\s+/g, '');
      this.prepare(3 * s.length + 2 * words.length);
      this.charGrams(s, 1, 3);
      this.wordsZh(words);
    } else if (language === 'en') {
      const lower = text.toLowerCase();
      const s = ' ' + lower.replace(/\s+/g, ' ') + ' ';
      // At most one word per character, two ids per word.
      this.prepare(2 * lower.length + 3 * s.length);
      this.wordsEn(lower);
      this.charGrams(s, 3, 5);
    }
    return this;
  }

  /** The ids read, each once, in first-seen order. */
  ids(): number[] {
    return Array.from(this.order.subarray(0, this.count));
  }

  /**
   * Per component (index as in `compiled`): the weights of the ids read over the square root of
   * their count — `nudges(compiled, ids())` bit for bit (same ids, same order of addition).
   */
  nudges(compiled: CompiledLabels): Float64Array {
    const out = new Float64Array(compiled.size);
    const n = this.count;
    if (n === 0) return out;
    const { index, rowStart, component, weight } = compiled;
    const order = this.order;
    for (let k = 0; k < n; k++) {
      const r = rowOf(index, order[k]!);
      if (r < 0) continue;
      for (let i = rowStart[r]!, end = rowStart[r + 1]!; i < end; i++) out[component[i]!]! += weight[i]!;
    }
    const norm = 1 / Math.sqrt(n);
    for (let i = 0; i < out.length; i++) out[i]! *= norm;
    return out;
  }

  private bits = 10;
  private shift = 22;

  /** Sizes the tables for at most `bound` ids (never more than 2^HASH_BITS unique), at load ≤ 1/2. */
  private prepare(bound: number): void {
    const unique = Math.min(bound, 1 << HASH_BITS);
    let bits = 6;
    while (1 << bits < 2 * unique) bits++;
    // A long post's tables are replaced at the next post, so what stays is 64 KB at most.
    if (bits > KEPT_TABLE_BITS || this.keys.length < 1 << bits || this.keys.length > 1 << KEPT_TABLE_BITS) {
      this.keys = new Int32Array(1 << bits);
      this.stamps = new Uint32Array(1 << bits);
      this.stamp = 0;
    }
    if (this.order.length < unique || this.order.length > 1 << KEPT_TABLE_BITS) this.order = new Int32Array(Math.max(unique, 1 << 9));
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.bits = bits;
    this.shift = 32 - bits;
  }

  private add(id: number): void {
    const { keys, stamps, stamp } = this;
    const mask = (1 << this.bits) - 1;
    // Fibonacci hashing spreads ids whose low bits collide.
    let h = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      if (stamps[h] !== stamp) {
        stamps[h] = stamp;
        keys[h] = id;
        this.order[this.count++] = id;
        return;
      }
      if (keys[h] === id) return;
      h = (h + 1) & mask;
    }
  }

  private charGrams(s: string, minN: number, maxN: number): void {
    for (let i = 0; i < s.length; i++) {
      let h = TAG_C;
      for (let n = 1; n <= maxN && i + n <= s.length; n++) {
        h = step(h, s.charCodeAt(i + n - 1));
        if (n >= minN) this.add((h >>> 0) & MASK);
      }
    }
  }

  private wordsZh(words: readonly string[]): void {
    let prev = TAG_B;
    for (const raw of words) {
      const w = caseless(raw) ? raw : raw.trim().toLowerCase();
      if (!w) continue;
      this.add((hashFrom(TAG_W, w) >>> 0) & MASK);
      this.add((hashFrom(step(prev, 124), w) >>> 0) & MASK);
      prev = hashFrom(TAG_B, w);
    }
  }

  private wordsEn(lower: string): void {
    // Negation scope as features.ts: the words after a negator until clause punctuation.
    let prev = TAG_B;
    let neg = 0;
    for (const m of allMatches(EN_WORD_OR_STOP, lower)) {
      const w = m[0];
      if (w.length === 1 && '.,;:!?\n'.includes(w)) {
        neg = 0;
        prev = BIGRAM_AFTER_START;
        continue;
      }
      this.add((hashFrom(neg > 0 ? TAG_N : TAG_W, w) >>> 0) & MASK);
      this.add((hashFrom(step(prev, 124), w) >>> 0) & MASK);
      prev = hashFrom(TAG_B, w);
      if (EN_NEG_WORDS.has(w) || EN_NEG.test(w)) neg = 3;
      else if (neg > 0) neg--;
    }
  }
}
