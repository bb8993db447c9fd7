/**
 * Candidate sentiment models, each a recipe: which rows it trains on, how it weighs them and its
 * hyper-parameters. The leave-one-domain-out evaluation trains every recipe per fold on exactly
 * the rows the fold allows; `train.ts` trains the chosen one on everything trainable.
 */
import type { LinearModel } from '../../libs/analysis/src/features';
import { HASH_BITS } from '../../libs/analysis/src/features';
import { trainLogistic, type SparseExample } from '../../libs/analysis/src/training/logistic';
import { binaryRows, isHeldOut, type Domain } from './data';
import { modelFeatures } from './prepare';

export interface Recipe {
  name: string;
  /** Trains on the corpora under data/ as well as ../shared/data. */
  addedData: boolean;
  /** Hyper-parameters per language. */
  epochs: Record<'zh' | 'en', number>;
  l2: Record<'zh' | 'en', number>;
  /** Every domain weighs the same in total, so the largest one does not decide alone. */
  balanceDomains: boolean;
}

export const RECIPES: Record<string, Recipe> = {
  v1: { name: 'v1: hashed n-grams, random-slice tuning (shipped before #18)', addedData: false, epochs: { zh: 6, en: 10 }, l2: { zh: 1e-4, en: 0 }, balanceDomains: false },
};

const featureCache = new Map<string, Int32Array>();

/** Features of a text for the model (cached: every fold reuses them). */
export function features(lang: 'zh' | 'en', text: string): Int32Array {
  const key = lang + '\u0000' + text;
  let f = featureCache.get(key);
  if (!f) { f = Int32Array.from(modelFeatures(lang, text)); featureCache.set(key, f); }
  return f;
}

/** The training rows a recipe may use, leaving out `exclude` (the fold's test domain) and every held-out row. */
export function trainingExamples(recipe: Recipe, lang: 'zh' | 'en', domains: Domain[], exclude?: string): SparseExample[] {
  const usable = domains.filter((d) => !d.testOnly && d.name !== exclude && (recipe.addedData || !d.added));
  const out: SparseExample[] = [];
  for (const d of usable) {
    const rows = binaryRows(d).filter((r) => !isHeldOut(r.text));
    const w = recipe.balanceDomains ? 1 : 1;
    for (const r of rows) out.push({ ids: features(lang, r.text), y: r.label, w });
  }
  return out;
}

export function trainRecipe(recipe: Recipe, lang: 'zh' | 'en', domains: Domain[], exclude?: string): LinearModel {
  return trainLogistic(trainingExamples(recipe, lang, domains, exclude), { bits: HASH_BITS, epochs: recipe.epochs[lang], l2: recipe.l2[lang] });
}
