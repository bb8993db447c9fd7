/**
 * Leave-one-domain-out: for every domain, train on every other trainable domain (held-out rows
 * never), test on the whole left-out domain. Test-only domains are scored by the model trained on
 * everything trainable. A neutral answer on binary data counts as wrong and is reported apart.
 */
import { createAnalyzer } from '../../libs/analysis/src';
import type { SentimentModels } from '../../libs/analysis/src/models';
import { scoreExample } from '../../libs/analysis/src/training/logistic';
import { vectorPositiveProb } from '../../libs/analysis/src/sentiment-vectors';
import { binaryRows, isHeldOut, type Domain } from './data';
import { BIN_GOLD, Confusion, pct, table, TRI } from './metrics';
import { features, neutralUses, trainNeutralModel, trainRecipeVectors, trainRecipe, trainStack, usesDomain, type Recipe } from './recipes';
import { tfidfPositiveProb, trainTfidf } from './tfidf';

export interface DomainResult {
  domain: Domain;
  tfidf: Confusion; model: Confusion; analyzer: Confusion; sign: Confusion;
  /** 3-class confusion of the analyzer label, on domains that have a neutral class. */
  tri?: Confusion;
}

const LABEL_INDEX = { negative: 0, neutral: 1, positive: 2 } as const;

export function runLodo(lang: 'zh' | 'en', domains: Domain[], recipe: Recipe): DomainResult[] {
  const results: DomainResult[] = [];
  const usable = (d: Domain) => usesDomain(recipe, lang, d);
  // A domain any model of the fold reads (the English neutral model reads more than the polarity one) is left out when tested.
  const trained = (d: Domain) => usable(d) || (lang === 'en' && recipe.features > 1 && neutralUses(recipe, d)) || (lang === 'en' && !!recipe.vectors?.from.some((p) => d.name.startsWith(p)));
  let full: ReturnType<typeof fold> | undefined;
  for (const d of domains) {
    const f = d.testOnly || !trained(d) ? (full ??= fold(undefined)) : fold(d.name);
    const tfidf = new Confusion(BIN_GOLD, BIN_GOLD);
    const model = new Confusion(BIN_GOLD, BIN_GOLD);
    const analyzer = new Confusion(BIN_GOLD, TRI);
    const sign = new Confusion(BIN_GOLD, BIN_GOLD);
    const tri = d.classes === 3 ? new Confusion(TRI, TRI) : undefined;
    for (const r of d.rows) {
      const a = f.analyzer.analyze({ text: r.text }).analysis.sentiment;
      if (tri) tri.add(r.label, LABEL_INDEX[a.label]);
      const y = d.classes === 3 ? (r.label === 1 ? -1 : r.label === 2 ? 1 : 0) : r.label;
      if (y < 0) continue;
      tfidf.add(y, tfidfPositiveProb(f.tfidf, r.text) >= 0.5 ? 1 : 0);
      const lr = scoreExample(f.model, { ids: features(lang, r.text, recipe.features), y });
      model.add(y, (f.vectors ? (lr + vectorPositiveProb(f.vectors, r.text)) / 2 : lr) >= 0.5 ? 1 : 0);
      analyzer.add(y, LABEL_INDEX[a.label]);
      sign.add(y, a.score >= 0 ? 1 : 0);
    }
    results.push({ domain: d, tfidf, model, analyzer, sign, ...(tri ? { tri } : {}) });
  }
  return results;

  function fold(exclude: string | undefined) {
    const trainDomains = domains.filter((d) => usable(d) && d.name !== exclude);
    const rows = trainDomains.flatMap(binaryRows).filter((r) => !isHeldOut(r.text));
    const model = trainRecipe(recipe, lang, domains, exclude);
    // Everything the fold's analyzer uses is trained without the left-out domain; what the recipe
    // lacks is switched off, not taken from the shipped models (which saw every domain).
    const models: Partial<SentimentModels> = { [lang]: model, enNeutral: undefined, enVectors: undefined, zhStack: undefined, enStack: undefined };
    if (lang === 'en' && recipe.features > 1) models.enNeutral = trainNeutralModel(recipe, domains, exclude);
    if (lang === 'en') models.enVectors = trainRecipeVectors(recipe, domains, exclude);
    if (recipe.stack) models[lang === 'zh' ? 'zhStack' : 'enStack'] = trainStack(lang, models, domains, recipe, exclude);
    return { model, vectors: models.enVectors, tfidf: trainTfidf(lang, rows), analyzer: createAnalyzer({ sentimentModels: models }) };
  }
}

export function printLodo(title: string, results: DomainResult[]): void {
  console.log(`\n## ${title}`);
  console.log('binary accuracy per left-out domain; analyzer = label (neutral counted wrong), "neutral" = its share of neutral answers');
  const rows = results.map((r) => [
    r.domain.name + (r.domain.headline ? '' : ' *'), r.analyzer.n,
    ...[r.tfidf.accuracy, r.model.accuracy, r.analyzer.accuracy, r.analyzer.share('neu'), r.sign.accuracy].map((x) => pct(r.analyzer.n ? x : NaN)),
    pct(r.analyzer.recall('neg')), pct(r.analyzer.recall('pos')),
  ]);
  const summary = (label: string, rs: DomainResult[]) => {
    if (!rs.length) return;
    const mean = (f: (r: DomainResult) => number) => pct(rs.reduce((s, r) => s + f(r), 0) / rs.length);
    const worst = rs.reduce((w, r) => (r.analyzer.accuracy < w.analyzer.accuracy ? r : w));
    rows.push([`${label} mean (${rs.length})`, '', mean((r) => r.tfidf.accuracy), mean((r) => r.model.accuracy), mean((r) => r.analyzer.accuracy), mean((r) => r.analyzer.share('neu')), mean((r) => r.sign.accuracy), mean((r) => r.analyzer.recall('neg')), mean((r) => r.analyzer.recall('pos'))]);
    rows.push([`${label} worst: ${worst.domain.name}`, '', pct(Math.min(...rs.map((r) => r.tfidf.accuracy))), pct(Math.min(...rs.map((r) => r.model.accuracy))), pct(worst.analyzer.accuracy), '', '', '', '']);
  };
  // A domain with no polar rows (news headlines: neutral only) has no binary accuracy to average.
  const polar = results.filter((r) => !r.domain.negativeOnly && r.analyzer.n > 0);
  summary('headline', polar.filter((r) => r.domain.headline));
  summary('all', polar);
  console.log(table(['domain (* = not in the headline mean)', 'n', 'tfidf+LR', 'model', 'analyzer', 'neutral', 'sign', 'rec neg', 'rec pos'], rows));
  console.log('analyzer confusion (gold → predicted neg neu pos):');
  for (const r of results) console.log(`  ${r.domain.name.padEnd(30)} ${r.analyzer.compact()}${r.tri ? `   3-class acc ${pct(r.tri.accuracy)} macro-F1 ${pct(r.tri.macroF1())} neutral recall ${pct(r.tri.recall('neu'))}` : ''}`);
}
