/**
 * English neutral/polar decision (issue #18, en-11): does a neutral answer that needs the polarity
 * to be weak too — neutral iff P(neutral) ≥ t + k·|score| — win back the polar rows the label loses
 * to the neutral class, without losing TweetEval 3-class? (t, k) are fitted per LODO fold on the
 * stack rows (`isStackRow`) of the fold's training domains, which neither the polarity model nor
 * (for the candidate) the neutral model trains on; never on the left-out domain nor a held-out row.
 *
 *   npx tsx scripts/analysis/eval-neutral-decision.ts
 */
import { createAnalyzer } from '../../libs/analysis/src';
import type { LinearModel } from '../../libs/analysis/src/features';
import { HASH_BITS } from '../../libs/analysis/src/features';
import type { SentimentModels } from '../../libs/analysis/src/models';
import { combineSentiment } from '../../libs/analysis/src/sentiment';
import { trainLogistic, type SparseExample } from '../../libs/analysis/src/training/logistic';
import { enDomains, isHeldOut, loadTweetSentiment, type Domain } from './data';
import { pct, table } from './metrics';
import { features, isStackRow, neutralUses, RECIPES, trainNeutralModel, trainRecipe, trainStack, usesDomain } from './recipes';

const recipe = RECIPES.v4c!;
const domains = enDomains().filter((d) => !['movie subjectivity', 'news headlines'].includes(d.name));

/** One row as the decision sees it: gold (0 neg, 1 neu, 2 pos), P(neutral), the score with no neutral answer, the rule flags. */
interface Pt { g: number; pn: number; s: number; info: boolean; opinion: boolean }

function neutralNoStack(exclude?: string): LinearModel {
  const out: SparseExample[] = [];
  for (const d of domains) {
    if (!neutralUses(recipe, d) || d.name === exclude) continue;
    for (const r of d.rows) if (!isHeldOut(r.text) && !isStackRow(r.text)) out.push({ ids: features('en', r.text, recipe.features), y: d.classes === 3 && r.label === 1 ? 1 : 0, w: 1 });
  }
  return { ...trainLogistic(out, { bits: HASH_BITS, epochs: 5, l2: 1e-5 }), version: recipe.features };
}

function points(models: Partial<SentimentModels>, rows: { text: string; label: number }[], classes: number): Pt[] {
  const a = createAnalyzer({ sentimentModels: models });
  return rows.map((r) => {
    const p = a.sentimentParts({ text: r.text });
    const s = combineSentiment({ rules: p.rules, modelProb: p.modelProb, neutralProb: 0, contentLength: p.contentLength, ...(models.enStack ? { stack: models.enStack } : {}) }).score;
    const g = classes === 3 ? r.label : r.label === 1 ? 2 : 0;
    return { g, pn: p.neutralProb ?? 0, s, info: p.rules.special.includes('information'), opinion: p.rules.special.some((x) => x === 'sarcasm' || x === 'rhetorical') };
  });
}

const label = (p: Pt, t: number, k: number) => (p.s === 0 || (!p.opinion && p.pn >= (p.info ? t - 0.15 : t) + k * Math.abs(p.s)) ? 1 : p.s > 0 ? 2 : 0);
const T = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
const K = [0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1, 1.5, 2];

/** (t, k) with the best mean per-domain accuracy on the fit rows: 3-class on 3-class domains, the label on binary ones. */
function fit(byDomain: { pts: Pt[]; classes: number }[]): [number, number] {
  let best: [number, number] = [0.5, 0]; let bestAcc = -1;
  for (const t of T) for (const k of K) {
    let acc = 0;
    for (const d of byDomain) acc += d.pts.filter((p) => label(p, t, k) === p.g).length / d.pts.length;
    if (acc > bestAcc + 1e-9) { bestAcc = acc; best = [t, k]; }
  }
  return best;
}

function fitRows(exclude: string | undefined, models: Partial<SentimentModels>) {
  const out: { pts: Pt[]; classes: number }[] = [];
  for (const d of domains) {
    if (d.name === exclude || d.testOnly || !(usesDomain(recipe, 'en', d) || neutralUses(recipe, d))) continue;
    if (d.name === 'drug reviews' || d.optIn) continue; // the neutral model does not read them: nothing to decide there
    const rows = d.rows.filter((r) => !isHeldOut(r.text) && isStackRow(r.text));
    if (rows.length) out.push({ pts: points(models, rows, d.classes), classes: d.classes });
  }
  return out;
}

interface Variant { name: string; tk: (fr: { pts: Pt[]; classes: number }[]) => [number, number]; noStack: boolean }
const VARIANTS: Variant[] = [
  { name: 'v4c as shipped (t 0.5, k 0)', tk: () => [0.5, 0], noStack: false },
  { name: 'neutral model without stack rows, t 0.5, k 0', tk: () => [0.5, 0], noStack: true },
  { name: 'neutral without stack rows, (t, k) fitted on stack rows', tk: fit, noStack: true },
  { name: 'v4c neutral model, (t, k) fitted on stack rows (in-sample for it)', tk: fit, noStack: false },
];

const trained = (d: Domain) => usesDomain(recipe, 'en', d) || neutralUses(recipe, d);
const res: Record<string, { dom: string; head: boolean; bin: Pt[]; tri?: Pt[]; tk: [number, number] }[]> = {};
for (const v of VARIANTS) res[v.name] = [];
const cache = new Map<string, { base: Partial<SentimentModels>; alt: Partial<SentimentModels> }>();
function foldModels(exclude: string | undefined) {
  const key = exclude ?? '';
  let f = cache.get(key);
  if (!f) {
    const en = trainRecipe(recipe, 'en', domains, exclude);
    const base: Partial<SentimentModels> = { en, enNeutral: trainNeutralModel(recipe, domains, exclude), enVectors: undefined, enStack: undefined };
    base.enStack = trainStack('en', base, domains, recipe, exclude);
    const alt: Partial<SentimentModels> = { ...base, enNeutral: neutralNoStack(exclude) };
    f = { base, alt };
    cache.clear(); if (exclude === undefined) cache.set(key, f);
  }
  return f;
}
const t0 = Date.now();
const order = [...domains.filter((d) => !d.testOnly && trained(d)), ...domains.filter((d) => d.testOnly || !trained(d))];
for (const d of order) {
  const exclude = d.testOnly || !trained(d) ? undefined : d.name;
  const f = foldModels(exclude);
  const fr = { base: fitRows(exclude, f.base), alt: fitRows(exclude, f.alt) };
  const pts = { base: points(f.base, d.rows, d.classes), alt: points(f.alt, d.rows, d.classes) };
  for (const v of VARIANTS) {
    const which = v.noStack ? 'alt' : 'base';
    const tk = v.tk(fr[which]);
    const all = pts[which];
    res[v.name]!.push({ dom: d.name, head: !!d.headline, bin: all.filter((p) => p.g !== 1), ...(d.classes === 3 ? { tri: all } : {}), tk });
  }
  console.error(`${d.name} done at ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// Full models (every trainable row) on the TweetEval held-out rows: 3-class accuracy and neutral recall.
const full = foldModels(undefined);
const twRows = loadTweetSentiment().rows.filter((r) => isHeldOut(r.text));
const twPts = { base: points(full.base, twRows, 3), alt: points(full.alt, twRows, 3) };
const fullFit = { base: fitRows(undefined, full.base), alt: fitRows(undefined, full.alt) };

const acc = (ps: Pt[], tk: [number, number]) => ps.filter((p) => label(p, ...tk) === p.g).length / (ps.length || 1);
const neuShare = (ps: Pt[], tk: [number, number]) => ps.filter((p) => label(p, ...tk) === 1).length / (ps.length || 1);
const neuRec = (ps: Pt[], tk: [number, number]) => { const n = ps.filter((p) => p.g === 1); return n.filter((p) => label(p, ...tk) === 1).length / (n.length || 1); };
const per: (string | number)[][] = [];
const sum: (string | number)[][] = [];
for (const v of VARIANTS) {
  const rs = res[v.name]!;
  for (const r of rs) per.push([v.name.slice(0, 40), r.dom, r.tk.join(' / '), r.bin.length, pct(acc(r.bin, r.tk)), pct(neuShare(r.bin, r.tk)), r.tri ? `${pct(acc(r.tri, r.tk))} / ${pct(neuRec(r.tri, r.tk))}` : '']);
  const head = rs.filter((r) => r.head);
  const m = (f: (r: typeof rs[number]) => number) => pct(head.reduce((s, r) => s + f(r), 0) / head.length);
  const which = v.noStack ? 'alt' : 'base';
  const tk = v.tk(fullFit[which]);
  const tw = twPts[which];
  const air = rs.find((r) => r.dom.startsWith('airline'))!;
  const cfpb = rs.find((r) => r.dom.startsWith('cfpb'))!;
  const twl = rs.find((r) => r.dom === 'tweeteval')!;
  sum.push([v.name, `${m((r) => acc(r.bin, r.tk))} (${m((r) => neuShare(r.bin, r.tk))})`, `${pct(acc(twl.tri!, twl.tk))} / ${pct(neuRec(twl.tri!, twl.tk))}`, tk.join(' / '), `${pct(acc(tw, tk))} / ${pct(neuRec(tw, tk))}`, `${pct(acc(air.tri!, air.tk))} / ${pct(neuRec(air.tri!, air.tk))} (bin ${pct(acc(air.bin, air.tk))})`, pct(acc(cfpb.bin, cfpb.tk))]);
}
console.log(table(['variant', 'domain', 't / k', 'n polar', 'label', 'neutral', '3-class / neu rec'], per));
console.log(table(['variant', 'headline label (neutral share)', 'tweeteval LODO 3-class / neu rec', 'full t / k', 'TweetEval held-out 3-class / neu rec', 'airline 3-class / neu rec', 'CFPB label'], sum));
console.error(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
