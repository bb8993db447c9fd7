/**
 * English candidates side by side (issue #18, data-7): for each recipe, leave-one-domain-out on
 * every English domain (lodo.ts: the headline of the issue, and the domains added under data/,
 * each left out when tested), then the models trained on everything trainable scored on the
 * TweetEval held-out rows (3-class, neutral recall) and the airline tweets nothing trains on.
 *
 *   npx tsx scripts/analysis/eval-en-candidates.ts v3 v4a v4b     (recipe names of recipes.ts)
 */
import { createAnalyzer } from '../../libs/analysis/src';
import type { SentimentModels } from '../../libs/analysis/src/models';
import { enDomains, isHeldOut, loadTweetSentiment } from './data';
import { printLodo, runLodo, type DomainResult } from './lodo';
import { Confusion, pct, table, TRI } from './metrics';
import { RECIPES, trainNeutralModel, trainRecipe, trainRecipeVectors, trainStack } from './recipes';
import { printIrony } from './eval-tri';

const INDEX = { negative: 0, neutral: 1, positive: 2 } as const;
/** Binary accuracy, or "–" on a domain with no polar rows. */
const bin = (c: Confusion) => pct(c.n ? c.accuracy : NaN);
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const verbose = process.argv.includes('--verbose');
const domains = enDomains();
const summary: (string | number)[][] = [];
const perDomain: (string | number)[][] = [];

for (const name of names) {
  const recipe = RECIPES[name];
  if (!recipe) throw new Error(`no recipe ${name}: ${Object.keys(RECIPES).join(', ')}`);
  const t0 = Date.now();
  const lodo = runLodo('en', domains, recipe);
  if (verbose) printLodo(`English — ${recipe.name}`, lodo);
  const mean = (rs: DomainResult[], f: (r: DomainResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
  const head = lodo.filter((r) => r.domain.headline);
  const added = lodo.filter((r) => r.domain.name.startsWith('vader'));
  const worst = head.reduce((w, r) => (r.analyzer.accuracy < w.analyzer.accuracy ? r : w));

  // The models as train.ts would ship them (every trainable row), scored on rows none of them read.
  const models: Partial<SentimentModels> = { en: trainRecipe(recipe, 'en', domains), enStack: undefined };
  models.enNeutral = trainNeutralModel(recipe, domains);
  models.enVectors = trainRecipeVectors(recipe, domains);
  if (recipe.stack) models.enStack = trainStack('en', models, domains, recipe);
  const analyzer = createAnalyzer({ sentimentModels: models });
  const tri = (rows: { text: string; label: number }[]) => {
    const cm = new Confusion(TRI, TRI);
    for (const r of rows) cm.add(r.label, INDEX[analyzer.analyze({ text: r.text }).analysis.sentiment.label]);
    return cm;
  };
  const tw = tri(loadTweetSentiment().rows.filter((r) => isHeldOut(r.text)));
  const air = tri(domains.find((d) => d.name.startsWith('airline'))!.rows);
  // Ironic tweets (TweetEval irony test, nothing trains on it) labelled positive: as published / marker hashtags removed.
  const irony = printIrony(analyzer, true);

  summary.push([
    name,
    `${pct(mean(head, (r) => r.model.accuracy))} / ${pct(mean(head, (r) => r.analyzer.accuracy))} / ${pct(mean(head, (r) => r.sign.accuracy))}`,
    pct(mean(head, (r) => r.analyzer.share('neu'))),
    `${worst.domain.name} ${pct(worst.analyzer.accuracy)}`,
    `${pct(mean(added, (r) => r.model.accuracy))} / ${pct(mean(added, (r) => r.analyzer.accuracy))}`,
    `${pct(tw.accuracy)} / ${pct(tw.recall('neu'))}`,
    `${pct(air.accuracy)} / ${pct(air.recall('neu'))}`,
    `${pct(irony.published)} / ${pct(irony.stripped)}`,
    `${((Date.now() - t0) / 1000).toFixed(0)} s`,
  ]);
  for (const r of lodo) {
    perDomain.push([name, r.domain.name + (r.domain.neutralOnly ? ' (neutral only)' : ''), r.analyzer.n || r.tri?.n || 0, bin(r.model), bin(r.analyzer), r.analyzer.n ? pct(r.analyzer.share('neu')) : pct(NaN), bin(r.sign), r.tri ? `${pct(r.tri.accuracy)} / ${pct(r.tri.recall('neu'))}` : '']);
  }
  console.error(`${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

console.log('\n## English LODO per domain (model / analyzer label with neutral counted wrong / its neutral share / sign; 3-class acc / neutral recall)');
console.log(table(['recipe', 'left-out domain', 'n', 'model', 'label', 'neutral', 'sign', '3-class / neu rec'], perDomain));
console.log('\n## Summary: headline = UCI amazon/yelp/imdb + TweetEval (binary); added = the VADER sets (binary rows); TweetEval held-out and airline: 3-class accuracy / neutral recall');
console.log(table(['recipe', 'headline model / label / sign', 'headline neutral', 'headline worst (label)', 'VADER sets model / label', 'TweetEval held-out', 'airline (test only)', 'ironic → positive', 'time'], summary));
