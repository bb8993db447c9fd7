import type { CategoryScore } from '@vigil/contracts';
import { allMatches, scriptsOf } from './text';
import { CATEGORY_EVIDENCE_MIN } from './learned-labels';
import type { CategoryDef } from './taxonomy-presets';

export { AIRLINE_TAXONOMY, DEFAULT_TAXONOMY, TAXONOMY_PRESETS, type CategoryDef } from './taxonomy-presets';

/**
 * Complaint categories from a taxonomy a person writes (names, keywords, a handful of example
 * posts), with no training step:
 * - keywords match as before (ASCII ones on word boundaries, case-insensitive; the rest as
 *   substrings), each distinct keyword found is one hit;
 * - the examples' words become weaker keywords: a word found in the examples of one category
 *   (and rarely in the others') weighs by how specific it is to that category; a post whose
 *   content words add up to EXAMPLE_THRESHOLD (two specific words, roughly) gets the category,
 *   ranked below any category one of whose keywords the post contains.
 *   English words are reduced to a stem (delays, delayed → delay) on both sides.
 */
export interface Taxonomy {
  readonly categories: readonly Compiled[];
  /** Example word → the categories it speaks for, with weights. Empty when no category has examples. */
  readonly exampleTerms: ReadonlyMap<string, readonly { index: number; weight: number }[]>;
}

interface Compiled {
  id: string;
  ascii?: RegExp;
  other?: RegExp;
}

/** Splits an example post into content words (the analyzer passes its segmenter and stop lists). */
export type Tokenize = (text: string) => readonly string[];

/** Sum of example-word weights that counts as a category (two words specific to it, or three shared ones). */
export const EXAMPLE_THRESHOLD = 1;
/** The most example words add to a category's evidence: less than one keyword hit. */
const EXAMPLE_WEIGHT_CAP = 0.9;
/** A word shared with more categories than this share is no evidence for any of them. */
const MIN_SPECIFICITY = 0.5;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isAscii = (k: string) => /^[\x20-\x7e]+$/.test(k);
const HAN = /\p{Script=Han}/u;

/** A light English stemmer (plural, -ed, -ing, doubled consonant): enough for few-shot word overlap. */
export function stemEn(w: string): string {
  const n = w.length;
  if (n < 4 || w.charCodeAt(0) > 0x7f) return w;
  let s = w;
  if (s.endsWith('ies') && n > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else return s;
  // cancelled → cancell → cancel; stopped → stopp → stop
  const l = s.length;
  if (l > 3 && s[l - 1] === s[l - 2] && !'aeiouls'.includes(s[l - 1]!)) s = s.slice(0, -1);
  else if (l > 3 && s.endsWith('ll')) s = s.slice(0, -1);
  return s;
}

/** Words worth comparing: two Han characters or more, three Latin letters or more, not numbers. */
function usefulWord(w: string): boolean {
  if (HAN.test(w)) return w.length >= 2;
  return w.length >= 3 && /[a-z]/.test(w);
}

export function compileTaxonomy(defs: readonly CategoryDef[], tokenize?: Tokenize): Taxonomy {
  const kept = defs.filter((d) => d.keywords.length > 0 || (d.examples?.length ?? 0) > 0);
  const categories = kept.map((d) => {
    const ascii = d.keywords.filter(isAscii).map((k) => `\\b${escape(k.toLowerCase())}\\b`);
    const other = d.keywords.filter((k) => !isAscii(k)).map(escape);
    return {
      id: d.id,
      ...(ascii.length ? { ascii: new RegExp(ascii.join('|'), 'gi') } : {}),
      ...(other.length ? { other: new RegExp(other.join('|'), 'gi') } : {}),
    };
  });
  return { categories, exampleTerms: tokenize ? exampleTerms(kept, tokenize) : new Map() };
}

function exampleTerms(defs: readonly CategoryDef[], tokenize: Tokenize): Map<string, { index: number; weight: number }[]> {
  // df[word][category] = how many of the category's examples contain the word
  const df = new Map<string, number[]>();
  defs.forEach((d, index) => {
    for (const ex of d.examples ?? []) {
      const words = new Set(tokenize(ex).map((w) => stemEn(w.toLowerCase())).filter(usefulWord));
      for (const w of words) {
        let row = df.get(w);
        if (!row) df.set(w, (row = new Array<number>(defs.length).fill(0)));
        row[index]!++;
      }
    }
  });
  const out = new Map<string, { index: number; weight: number }[]>();
  for (const [word, row] of df) {
    const total = row.reduce((a, b) => a + b, 0);
    const entries: { index: number; weight: number }[] = [];
    row.forEach((n, index) => {
      if (!n) return;
      const specificity = n / total;
      if (specificity < MIN_SPECIFICITY) return;
      const examples = defs[index]!.examples!.length;
      // One example of five: 0.6; in every example: 1. Shared with another category: halved.
      entries.push({ index, weight: specificity * (0.5 + 0.5 * Math.min(1, n / Math.max(1, examples * 0.6))) });
    });
    if (entries.length) out.set(word, entries);
  }
  return out;
}

/**
 * Multi-label: each category scored by its distinct keyword hits plus its example words found
 * among the post's content `tokens`; `other` only for negative posts nothing else explains.
 */
export function detectCategories(
  text: string, taxonomy: Taxonomy, negative: boolean, tokens: readonly string[] = [],
  learned?: { nudgeOf: (id: string) => number; evidence?: Map<string, number> },
): CategoryScore[] {
  const out: CategoryScore[] = [];
  const { latin, nonAscii } = scriptsOf(text);
  const cats = taxonomy.categories;
  let exampleScores: number[] | undefined;
  if (taxonomy.exampleTerms.size && tokens.length) {
    for (const t of tokens) {
      const entries = taxonomy.exampleTerms.get(HAN.test(t) ? t : stemEn(t));
      if (!entries) continue;
      exampleScores ??= new Array<number>(cats.length).fill(0);
      for (const e of entries) exampleScores[e.index]! += e.weight;
    }
  }
  for (let i = 0; i < cats.length; i++) {
    const c = cats[i]!;
    const hits = new Set<string>();
    if (latin && c.ascii) for (const m of allMatches(c.ascii, text)) hits.add(m[0].toLowerCase());
    if (nonAscii && c.other) for (const m of allMatches(c.other, text)) hits.add(m[0].toLowerCase());
    const fromExamples = exampleScores && exampleScores[i]! >= EXAMPLE_THRESHOLD ? exampleScores[i]! : 0;
    // Words learnt from a handful of examples never outweigh one keyword a person chose: a category
    // with a keyword found ranks above one found by examples alone, which still gets a category.
    const rules = hits.size + Math.min(EXAMPLE_WEIGHT_CAP, 0.45 * fromExamples);
    learned?.evidence?.set(c.id, rules);
    // What the deployment learnt from its analysts' corrections moves the evidence either way.
    const evidence = learned ? rules + learned.nudgeOf(c.id) : rules;
    if (evidence >= CATEGORY_EVIDENCE_MIN) out.push({ id: c.id, confidence: Math.round((1 - Math.exp(-0.7 * evidence)) * 1000) / 1000 });
  }
  out.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
  if (out.length === 0 && negative) out.push({ id: 'other', confidence: 0.3 });
  return out;
}

/**
 * The categories a watch's taxonomy stands for: its own, or its preset's when it lists none.
 * undefined: the analyzer's default (no taxonomy, or the default preset unchanged); null: a preset
 * nobody knows (a validation error where a person wrote it).
 */
export function resolveTaxonomy(t: { preset: string; categories: readonly CategoryDef[] } | undefined, presets: Readonly<Record<string, { categories: CategoryDef[] }>>): readonly CategoryDef[] | undefined | null {
  if (!t) return undefined;
  if (t.categories.length) return t.categories;
  if (t.preset === 'default') return undefined;
  return presets[t.preset]?.categories ?? null;
}
