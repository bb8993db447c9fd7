import { fmix32, termKey } from './hash';

const CELLS = 4096;
const MASK = CELLS - 1;
const HALVE_AT = 20_000;
const MAX_WATCHES = 2_000;
const MAX_RULE_TERMS = 64;
const RULE_WORD = /[\p{L}\p{N}][\p{L}\p{N}._'-]*/gu;
const OPERATORS = new Set(['and', 'or', 'not', 'near', 'source', 'author', 'channel', 'lang']);

interface WatchTable { docs: number; a: Float32Array; b: Float32Array; rule: Set<string> }

/**
 * The words that say whose post it is rather than what it is about: the brand's own names (from
 * the watch rule that matched) and any term in a fifth or more of a watch's posts. They stay in
 * the post but never make a cluster's key terms or join two posts: a cluster keyed on the brand
 * name is the whole brand, not an incident. Frequencies per watch in a two-row count-min sketch
 * (16 KB a row), halved as they age.
 */
export class WatchTerms {
  private readonly tables = new Map<string, WatchTable>();

  constructor(private readonly ubiquitousShare = 0.2, private readonly minDocs = 200) {}

  private table(watch: string): WatchTable {
    let t = this.tables.get(watch);
    if (!t) {
      if (this.tables.size >= MAX_WATCHES) this.tables.delete(this.tables.keys().next().value!);
      t = { docs: 0, a: new Float32Array(CELLS), b: new Float32Array(CELLS), rule: new Set() };
      this.tables.set(watch, t);
    }
    return t;
  }

  /** Remember the brand words of a matched rule (bounded). */
  learnRule(watch: string, rule: string): void {
    const t = this.table(watch);
    if (t.rule.size >= MAX_RULE_TERMS) return;
    for (const m of rule.toLowerCase().matchAll(RULE_WORD)) {
      const w = m[0].replace(/\*+$/, '');
      if (w.length >= 2 && !OPERATORS.has(w) && !/^\d+$/.test(w)) t.rule.add(w);
    }
  }

  /** Count a post's distinct terms (by termKey) for its watch. */
  observe(watch: string, keys: readonly number[]): void {
    const t = this.table(watch);
    for (const k of keys) {
      t.a[k & MASK]! += 1;
      t.b[(fmix32(k) >>> 7) & MASK]! += 1;
    }
    t.docs += 1;
    if (t.docs >= HALVE_AT) {
      for (let i = 0; i < CELLS; i++) {
        t.a[i]! *= 0.5;
        t.b[i]! *= 0.5;
      }
      t.docs *= 0.5;
    }
  }

  /** Is this term (lower-cased, with its termKey) the brand's own word or in most of its posts? */
  isBrandTerm(watch: string, term: string, key = termKey(term)): boolean {
    const t = this.tables.get(watch);
    if (!t) return false;
    if (t.rule.size && (t.rule.has(term) || this.inRuleWord(t, term))) return true;
    if (t.docs < this.minDocs) return false;
    const n = Math.min(t.a[key & MASK]!, t.b[(fmix32(key) >>> 7) & MASK]!);
    return n >= this.ubiquitousShare * t.docs;
  }

  /** A Chinese piece of a brand name the segmenter cut ("鲜达" of "鲜达外卖"). */
  private inRuleWord(t: WatchTable, term: string): boolean {
    if (term.length < 2 || !/[\u3400-\u9fff]/.test(term)) return false;
    for (const w of t.rule) if (w.length > term.length && w.includes(term)) return true;
    return false;
  }
}
