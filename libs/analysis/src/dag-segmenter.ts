/**
 * jieba's precise mode without HMM (`jieba.cut(text, false)`), in JavaScript, over jieba's
 * own dictionary.
 *
 * Why not call @node-rs/jieba: for a post of ~100 characters the native call cost 25–40 µs,
 * and most of that was marshalling (one JS string per returned word, ~0.2 µs each, plus the
 * UTF-16→UTF-8 copy of the input), not segmenting. This walks the same dictionary as a
 * character trie, builds the same DAG, picks the same maximum-probability route and cuts
 * the same words as jieba-rs, in a few microseconds. @node-rs/jieba stays the reference:
 * `dag-segmenter.spec.ts` compares the two on real posts, and it still ships the dictionary.
 *
 * The rules it reproduces (jieba-rs `cut_internal` / `cut_dag_no_hmm` / `calc`):
 * - Blocks of [CJK basic/ext-A/compatibility ideographs, a-zA-Z0-9+#&._%-] are segmented;
 *   every other code point is a word of its own, except that "\r\n" stays together. (jieba
 *   also puts astral ideographs in blocks; no dictionary word has one, so either way each
 *   is a word of its own.)
 * - In a block, the DAG holds every dictionary word starting at each position. The route
 *   maximises the sum of ln(freq) − ln(total); equal scores prefer the longer word. A
 *   position with no dictionary word becomes one character with freq 1.
 * - Runs of single ASCII letters/digits on the route are joined into one word.
 */

import { isAsciiLetter } from './text';

const ROOT = 0;

function inBlock(c: number): boolean {
  if (c < 0x80) {
    return isAsciiAlnum(c) || c === 0x2b || c === 0x23 || c === 0x26 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2d;
  }
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c;
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

function slotHash(node: number, code: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
}

/** A character trie in flat arrays: (node, UTF-16 unit) → child through open addressing. */
class Trie {
  /** Children of the root, indexed by code unit: most lookups start there. */
  rootChild: Int32Array;
  slotParent: Int32Array;
  slotCode: Uint16Array;
  slotChild: Int32Array;
  /** Per node: the word's frequency, or -1 when the node is only a prefix. */
  freq: Float64Array;
  /** Per node: ln(freq), precomputed for the route. */
  logFreq: Float64Array;
  nodes = 1;
  mask: number;

  constructor(slotBits: number, nodeCapacity: number) {
    this.rootChild = new Int32Array(65536);
    this.slotParent = new Int32Array(1 << slotBits).fill(-1);
    this.slotCode = new Uint16Array(1 << slotBits);
    this.slotChild = new Int32Array(1 << slotBits);
    this.mask = (1 << slotBits) - 1;
    this.freq = new Float64Array(nodeCapacity).fill(-1);
    this.logFreq = new Float64Array(nodeCapacity);
  }

  clone(): Trie {
    const t = Object.create(Trie.prototype) as Trie;
    Object.assign(t, this, {
      rootChild: this.rootChild.slice(), slotParent: this.slotParent.slice(), slotCode: this.slotCode.slice(),
      slotChild: this.slotChild.slice(), freq: this.freq.slice(), logFreq: this.logFreq.slice(),
    });
    return t;
  }

  child(node: number, code: number): number {
    if (node === ROOT) return this.rootChild[code]!;
    let s = slotHash(node, code) & this.mask;
    for (;;) {
      const p = this.slotParent[s]!;
      if (p === -1) return 0;
      if (p === node && this.slotCode[s] === code) return this.slotChild[s]!;
      s = (s + 1) & this.mask;
    }
  }

  private addChild(node: number, code: number): number {
    const id = this.nodes++;
    if (id >= this.freq.length) this.growNodes();
    if (node === ROOT) {
      this.rootChild[code] = id;
      return id;
    }
    if (this.nodes * 2 > this.mask) this.growSlots();
    let s = slotHash(node, code) & this.mask;
    while (this.slotParent[s] !== -1) s = (s + 1) & this.mask;
    this.slotParent[s] = node;
    this.slotCode[s] = code;
    this.slotChild[s] = id;
    return id;
  }

  /** Sets a word's frequency; returns the frequency it replaced (-1 if it was new). */
  set(word: string, freq: number): number {
    let node = ROOT;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      node = this.child(node, c) || this.addChild(node, c);
    }
    const old = this.freq[node]!;
    this.freq[node] = freq;
    this.logFreq[node] = Math.log(freq);
    return old;
  }

  private growNodes(): void {
    const f = new Float64Array(this.freq.length * 2).fill(-1);
    f.set(this.freq);
    const l = new Float64Array(this.freq.length * 2);
    l.set(this.logFreq);
    this.freq = f;
    this.logFreq = l;
  }

  private growSlots(): void {
    const { slotParent, slotCode, slotChild } = this;
    const size = slotParent.length * 2;
    this.slotParent = new Int32Array(size).fill(-1);
    this.slotCode = new Uint16Array(size);
    this.slotChild = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < slotParent.length; i++) {
      const p = slotParent[i]!;
      if (p === -1) continue;
      let s = slotHash(p, slotCode[i]!) & this.mask;
      while (this.slotParent[s] !== -1) s = (s + 1) & this.mask;
      this.slotParent[s] = p;
      this.slotCode[s] = slotCode[i]!;
      this.slotChild[s] = slotChild[i]!;
    }
  }
}

export class DagSegmenter {
  private total = 0;
  private logTotal = 0;
  // Scratch for one block, reused across calls (the route is computed right to left).
  private routeScore = new Float64Array(256);
  private routeEnd = new Int32Array(256);

  private constructor(private readonly trie: Trie) {}

  /** Builds the segmenter from a jieba dictionary (`word freq [tag]` per line). */
  static fromDictionary(dict: string | Uint8Array): DagSegmenter {
    const seg = new DagSegmenter(new Trie(20, 1 << 19));
    seg.load(typeof dict === 'string' ? dict : Buffer.from(dict.buffer, dict.byteOffset, dict.byteLength).toString('utf8'));
    return seg;
  }

  /** A copy that can take its own words without changing this one. */
  clone(): DagSegmenter {
    const seg = new DagSegmenter(this.trie.clone());
    seg.total = this.total;
    seg.logTotal = this.logTotal;
    return seg;
  }

  /**
   * Adds or re-weights words, as jieba's `load_dict` does: a known word takes the new
   * frequency, a missing frequency counts as 0, and the total is the sum over all words.
   */
  load(dict: string): void {
    let total = this.total;
    // A hand-rolled line scan: split() and a regex per line made loading the 349k-line
    // default dictionary take ~0.4 s.
    const n = dict.length;
    let pos = 0;
    let lineNo = 0;
    while (pos < n) {
      let eol = dict.indexOf('\n', pos);
      if (eol === -1) eol = n;
      lineNo++;
      let a = pos;
      while (a < eol && isBlank(dict.charCodeAt(a))) a++;
      let b = a;
      while (b < eol && !isBlank(dict.charCodeAt(b))) b++;
      if (b > a) {
        const word = dict.slice(a, b);
        let c = b;
        while (c < eol && isBlank(dict.charCodeAt(c))) c++;
        let d = c;
        while (d < eol && !isBlank(dict.charCodeAt(d))) d++;
        const freq = d > c ? Number(dict.slice(c, d)) : 0;
        if (!Number.isSafeInteger(freq) || freq < 0) {
          throw new Error(`dictionary line ${lineNo} ("${dict.slice(pos, eol).trim()}"): the frequency must be a whole number`);
        }
        const old = this.trie.set(word, freq);
        total += freq - (old > 0 ? old : 0);
      }
      pos = eol + 1;
    }
    this.total = total;
    this.logTotal = Math.log(total);
  }

  cut(text: string): string[] {
    const out: string[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (inBlock(c)) {
        let j = i + 1;
        while (j < n && inBlock(text.charCodeAt(j))) j++;
        this.cutBlock(text, i, j, out);
        i = j;
      } else if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
        out.push('\r\n');
        i += 2;
      } else {
        // One code point: keep a surrogate pair together.
        const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        out.push(text.slice(i, i + w));
        i += w;
      }
    }
    return out;
  }

  private cutBlock(text: string, start: number, end: number, out: string[]): void {
    const len = end - start;
    if (this.routeScore.length < len + 1) {
      this.routeScore = new Float64Array(len + 1);
      this.routeEnd = new Int32Array(len + 1);
    }
    const score = this.routeScore;
    const to = this.routeEnd;
    const { trie, logTotal } = this;
    const freq = trie.freq;
    const logFreq = trie.logFreq;
    score[len] = 0;
    // Right to left: the best route from each position, over the dictionary words that
    // start there (the DAG is walked on the fly rather than stored).
    for (let k = len - 1; k >= 0; k--) {
      let best = -Infinity;
      let bestEnd = -1;
      let node = ROOT;
      for (let m = k; m < len; m++) {
        node = trie.child(node, text.charCodeAt(start + m));
        if (node === 0) break;
        if (freq[node]! < 0) continue;
        const s = logFreq[node]! - logTotal + score[m + 1]!;
        // `>=`: among equal scores the later (longer) word wins, as in jieba-rs's max_by.
        if (s >= best || bestEnd === -1) {
          best = s;
          bestEnd = m + 1;
        }
      }
      if (bestEnd === -1) {
        best = 0 - logTotal + score[k + 1]!;
        bestEnd = k + 1;
      }
      score[k] = best;
      to[k] = bestEnd;
    }
    let left = -1;
    for (let x = 0; x < len; ) {
      const y = to[x]!;
      if (y - x === 1 && isAsciiAlnum(text.charCodeAt(start + x))) {
        if (left === -1) left = x;
      } else {
        if (left !== -1) {
          out.push(text.slice(start + left, start + x));
          left = -1;
        }
        out.push(text.slice(start + x, start + y));
      }
      x = y;
    }
    if (left !== -1) out.push(text.slice(start + left, end));
  }
}
