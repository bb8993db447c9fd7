/**
 * A one-paragraph extractive summary of an incident's posts: the sentences most like the rest
 * (each sentence scored by its similarity to all the others, so what many posts say wins over
 * what one post says), without repeating itself, in the order they were posted. Chinese is
 * compared by character bigrams, English by words, so no dictionary is needed.
 */

export interface SummaryPost {
  id: string;
  text: string;
  language: string;
  publishedAt: string;
}
export interface Summary {
  language: string;
  text: string;
  from: string[];
}

const SENTENCE_END = /(?<=[。！？!?；;])|(?<=[.])\s+|\n+/u;
const EN_STOP = new Set('a an the and or but if so of to in on at by for with from as is are was were be been it its this that i my me we our you your they them he she his her not no do did does have has had just very can will would'.split(' '));
const MAX_SENTENCES = 400;
const REDUNDANT = 0.5;

type Vec = Map<string, number>;

function terms(s: string): Vec {
  const v: Vec = new Map();
  const add = (t: string) => v.set(t, (v.get(t) ?? 0) + 1);
  for (const run of s.match(/[\u4e00-\u9fff]+/gu) ?? []) {
    if (run.length === 1) add(run);
    for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
  }
  for (const w of s.toLowerCase().match(/[a-z][a-z0-9'’]+/g) ?? []) if (!EN_STOP.has(w)) add(w);
  return v;
}

function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const cjk = (s: string) => /[\u4e00-\u9fff]/u.test(s);
/** Sentence length that reads as a statement: long enough to say something, short enough for a summary. */
const usable = (s: string) => (cjk(s) ? s.length >= 6 && s.length <= 120 : s.length >= 20 && s.length <= 300);

/** `language` 'zh' or 'en': posts in it when there are some, else all of them. */
export function summarize(posts: readonly SummaryPost[], language: string, maxChars = language === 'zh' ? 160 : 420): Summary {
  const inLanguage = posts.filter((p) => p.language === language);
  const pool = inLanguage.length ? inLanguage : posts;
  const used = inLanguage.length ? language : (pool[0]?.language ?? language);
  const sentences = pool
    .slice()
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    .flatMap((p, order) =>
      p.text
        .split(SENTENCE_END)
        .map((s) => s.trim())
        .filter(usable)
        .map((text) => ({ post: p.id, order, text, v: terms(text) })),
    )
    .slice(0, MAX_SENTENCES);
  if (!sentences.length) return { language: used, text: '', from: [] };
  const score = sentences.map((s, i) => sentences.reduce((sum, o, j) => (i === j || o.post === s.post ? sum : sum + cosine(s.v, o.v)), 0));
  const ranked = sentences.map((s, i) => ({ ...s, score: score[i]! })).sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: typeof ranked = [];
  let length = 0;
  for (const s of ranked) {
    if (chosen.some((c) => cosine(c.v, s.v) > REDUNDANT)) continue;
    if (chosen.length && length + s.text.length > maxChars) continue;
    chosen.push(s);
    length += s.text.length;
    if (length >= maxChars * 0.8 || chosen.length >= 4) break;
  }
  chosen.sort((a, b) => a.order - b.order);
  const joiner = cjk(chosen[0]?.text ?? '') ? '' : ' ';
  const text = chosen.map((c) => (cjk(c.text) ? (/[。！？!?；;]$/.test(c.text) ? c.text : `${c.text}。`) : /[.!?]$/.test(c.text) ? c.text : `${c.text}.`)).join(joiner);
  return { language: used, text, from: [...new Set(chosen.map((c) => c.post))] };
}
