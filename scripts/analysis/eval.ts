/**
 * Evaluation harness. In domain: held-out rows only (training never reads them), with the plain
 * lexicon baselines side by side. Then leave-one-domain-out (lodo.ts) beside a TF-IDF + LR
 * baseline trained in the same run, three classes and sarcasm, anger, risk-cue precision on
 * labelled samples, categories.
 *
 *   npm run eval:analysis [-- --candidates] [-- --quick]   (VIGIL_DATA_DIR overrides ../shared/data)
 * --candidates runs leave-one-domain-out for every recipe (recipes.ts), not only the chosen one;
 * --quick skips leave-one-domain-out (minutes on a busy machine).
 */
import { createAnalyzer } from '../../libs/analysis/src';
import { detectLanguage } from '../../libs/analysis/src/language';
import { createSegmenter } from '../../libs/analysis/src/segmenter';
import { lexiconBaseline, ruleSentiment } from '../../libs/analysis/src/sentiment-rules';
import { toHalfWidth } from '../../libs/analysis/src/text';
import { enPositiveProb, zhPositiveProb } from '../../libs/analysis/src/models';
import { DataSet, dataDir, enDomains, isHeldOut, loadCfpb, loadShopping, loadTweetSentiment, loadUci, loadWaimai, zhDomains } from './data';
import { printCuePrecision } from './eval-cues';
import { printEmotion } from './eval-emotion';
import { printLearningCurve } from './eval-learning';
import { printIrony, printTriClass } from './eval-tri';
import { printLodo, runLodo } from './lodo';
import { CHOSEN_RECIPE, RECIPES } from './recipes';

const analyzer = createAnalyzer();
const seg = createSegmenter();

type Pred = (text: string) => number;

function metrics(gold: number[], pred: number[], k: number) {
  // A binary system may answer 2 (neutral): a column of its own, counted wrong.
  const cols = Math.max(k, ...pred.map((p) => p + 1));
  const cm = Array.from({ length: k }, () => new Array<number>(cols).fill(0));
  for (let i = 0; i < gold.length; i++) cm[gold[i]!]![pred[i]!]!++;
  let ok = 0;
  for (let c = 0; c < k; c++) ok += cm[c]![c]!;
  let f1sum = 0;
  for (let c = 0; c < k; c++) {
    const tp = cm[c]![c]!;
    const fp = cm.reduce((s, row, r) => s + (r === c ? 0 : row[c] ?? 0), 0);
    const fn = cm[c]!.reduce((s, v, j) => s + (j === c ? 0 : v), 0);
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    f1sum += p + r ? (2 * p * r) / (p + r) : 0;
  }
  return { acc: ok / gold.length, f1: f1sum / k, cm };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + ' %';

function words(lang: 'zh' | 'en', text: string): { norm: string; w: string[]; wp: string[] } {
  const norm = detectLanguage(toHalfWidth(text)).normalized;
  if (lang === 'zh') { const w = seg.cutZh(norm); return { norm, w, wp: w }; }
  const lower = norm.toLowerCase();
  return { norm, w: seg.wordsEn(lower), wp: lower.match(/[a-z0-9]+(?:['’][a-z]+)*|[.,;:!?]+/g) ?? [] };
}

function binarySystems(lang: 'zh' | 'en'): Record<string, Pred> {
  return {
    [lang === 'en' ? 'baseline: AFINN-style lexicon' : 'baseline: plain lexicon']: (t) => (lexiconBaseline(lang, words(lang, t).w) >= 0 ? 1 : 0),
    'rules (lexicon + negation/degree/contrast)': (t) => { const x = words(lang, t); return ruleSentiment(lang, x.wp, x.norm, 0).score >= 0 ? 1 : 0; },
    'learned model alone': (t) => { const x = words(lang, t); return (lang === 'zh' ? zhPositiveProb(x.norm, x.w) : enPositiveProb(x.norm)) >= 0.5 ? 1 : 0; },
    'analyzer (model + rules), sign of score': (t) => (analyzer.analyze({ text: t }).analysis.sentiment.score >= 0 ? 1 : 0),
    'analyzer label (neutral counted wrong)': (t) => ({ negative: 0, neutral: 2, positive: 1 } as const)[analyzer.analyze({ text: t }).analysis.sentiment.label],
  };
}

function ternarySystems(): Record<string, Pred> {
  const lab = (s: number, band: number) => (s > band ? 2 : s < -band ? 0 : 1);
  return {
    'baseline: AFINN-style lexicon (0 = neutral)': (t) => lab(lexiconBaseline('en', words('en', t).w), 0),
    'rules': (t) => { const x = words('en', t); return lab(ruleSentiment('en', x.wp, x.norm, 0).score, 0.15); },
    'analyzer label': (t) => ({ negative: 0, neutral: 1, positive: 2 } as const)[analyzer.analyze({ text: t }).analysis.sentiment.label],
  };
}

function report(title: string, rows: { text: string; y: number }[], systems: Record<string, Pred>, k: number, labels: string[]) {
  console.log(`\n## ${title}  (held-out n=${rows.length})`);
  console.log(`${'system'.padEnd(46)} accuracy  macro-F1`);
  let last: ReturnType<typeof metrics> | undefined;
  for (const [name, pred] of Object.entries(systems)) {
    const t0 = Date.now();
    const m = metrics(rows.map((r) => r.y), rows.map((r) => pred(r.text)), k);
    console.log(`${name.padEnd(46)} ${pct(m.acc)}  ${pct(m.f1)}   (${Date.now() - t0} ms)`);
    last = m;
  }
  console.log(`confusion matrix of the last system (rows gold, columns predicted: ${labels.join(', ')}):`);
  last!.cm.forEach((row, i) => console.log(`  ${labels[i]!.padEnd(9)} ${row.map((v) => String(v).padStart(6)).join('')}`));
}

function heldOutBinary(ds: DataSet) {
  return ds.rows.filter((r) => isHeldOut(r.text)).map((r) => ({ text: r.text, y: r.label }));
}

console.log(`# Vigil analysis eval — data: ${dataDir}`);
const zhSets = [loadWaimai(), loadShopping()];
const zhAll: { text: string; y: number }[] = [];
for (const ds of zhSets) { const rows = heldOutBinary(ds); zhAll.push(...rows); report(`zh ${ds.name} (binary)`, rows, binarySystems('zh'), 2, ['neg', 'pos']); }
report('zh all (binary)', zhAll, binarySystems('zh'), 2, ['neg', 'pos']);

const enAll: { text: string; y: number }[] = [];
for (const ds of [loadUci('amazon_cells'), loadUci('yelp'), loadUci('imdb')]) {
  const rows = heldOutBinary(ds); enAll.push(...rows);
  report(`en ${ds.name} (binary)`, rows, binarySystems('en'), 2, ['neg', 'pos']);
}
const tw = loadTweetSentiment();
const twHeld = tw.rows.filter((r) => isHeldOut(r.text));
const twBin = twHeld.filter((r) => r.label !== 1).map((r) => ({ text: r.text, y: r.label === 2 ? 1 : 0 }));
enAll.push(...twBin);
report('en tweeteval sentiment, non-neutral rows (binary)', twBin, binarySystems('en'), 2, ['neg', 'pos']);
report('en all binary (UCI + tweeteval non-neutral)', enAll, binarySystems('en'), 2, ['neg', 'pos']);
report('en tweeteval sentiment (3-class)', twHeld.map((r) => ({ text: r.text, y: r.label })), ternarySystems(), 3, ['neg', 'neutral', 'pos']);

printTriClass();
printIrony();
printEmotion();
printCuePrecision();
printLearningCurve();

if (!process.argv.includes('--quick')) {
  const names = process.argv.includes('--candidates') ? Object.keys(RECIPES) : [CHOSEN_RECIPE];
  for (const name of names) {
    const t0 = Date.now();
    printLodo(`Leave-one-domain-out, Chinese — recipe ${RECIPES[name]!.name}`, runLodo('zh', zhDomains(), RECIPES[name]!));
    printLodo(`Leave-one-domain-out, English — recipe ${RECIPES[name]!.name}`, runLodo('en', enDomains(), RECIPES[name]!));
    console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
}

// Categories: CFPB issues mapped onto our taxonomy where a mapping exists.
{
  const map = (issue: string): string | undefined => {
    const s = issue.toLowerCase();
    if (/fraud|scam|identity theft|security freeze|unauthori|stolen/.test(s)) return 'security_privacy';
    if (/fee|interest|charg|payment|bill|statement|purchase shown/.test(s)) return 'billing_refund';
    if (/advertising|promotional|shopping for/.test(s)) return 'price_promotion';
    if (/managing an account|opening an account|closing (?:an|your) account|login|trouble using your card/.test(s)) return 'account_login';
    if (/customer service/.test(s)) return 'service_attitude';
    return undefined;
  };
  const rows = loadCfpb().flatMap((r) => { const c = map(r.issue); return c ? [{ text: r.text, c }] : []; });
  let top1 = 0, any = 0, none = 0;
  for (const r of rows) {
    const cats = analyzer.analyze({ text: r.text }).analysis.categories.filter((c) => c.id !== 'other');
    if (cats[0]?.id === r.c) top1++;
    if (cats.some((c) => c.id === r.c)) any++;
    if (cats.length === 0) none++;
  }
  console.log(`\n## en CFPB complaint categories (Issue mapped to taxonomy, n=${rows.length}; keyword taxonomy, nothing trained)`);
  console.log(`top-1 ${pct(top1 / rows.length)}   among predicted labels ${pct(any / rows.length)}   no category ${pct(none / rows.length)}`);
}
