import { decodeModel, predictEn, predictEnPair, predictZh, type LinearModel } from './features';
import type { LabelModels } from './learned-labels';
import type { SentimentStack } from './sentiment';
import { decodeVectorModel, vectorPositiveProb, type VectorModel } from './sentiment-vectors';
import { EN_NEUTRAL_MODEL } from './model/en-neutral-model';
import { EN_SENTIMENT_MODEL } from './model/en-sentiment-model';
import { EN_STACK, ZH_STACK } from './model/stacks';
import { EN_VECTORS_MODEL } from './model/en-vectors-model';
import { ZH_SENTIMENT_MODEL } from './model/zh-sentiment-model';

/** The learned sentiment models, one per language: P(positive) over hashed n-grams. */
export interface SentimentModels {
  zh: LinearModel;
  en: LinearModel;
  /** P(neutral: no opinion at all) for English; absent = neutral is decided by the rules alone. */
  enNeutral?: LinearModel;
  /** English sentiment vectors (sentiment-vectors.ts): averaged with `en` when present. */
  enVectors?: VectorModel;
  /** Learned combination of model and rules per language; absent = the hand-set weights. */
  zhStack?: SentimentStack;
  enStack?: SentimentStack;
  /** What a deployment learnt from its category and emotion corrections (absent: the rules alone). */
  labels?: LabelModels;
}

// Decoded lazily once per process: ~1 MB of Float32 per language.
let shipped: SentimentModels | undefined;

/** The models committed in src/model/ (the ones `npm run train:analysis` writes). */
export function shippedSentimentModels(): SentimentModels {
  shipped ??= {
    zh: decodeModel(ZH_SENTIMENT_MODEL), en: decodeModel(EN_SENTIMENT_MODEL), enNeutral: decodeModel(EN_NEUTRAL_MODEL),
    ...(ZH_STACK ? { zhStack: ZH_STACK } : {}), ...(EN_STACK ? { enStack: EN_STACK } : {}),
    ...(EN_VECTORS_MODEL ? { enVectors: decodeVectorModel(EN_VECTORS_MODEL) } : {}),
  };
  return shipped;
}

/** What a shipped model learnt from: its note, and the rows of its training split when the note says. */
export interface ModelFacts { trainedOn: string; rows?: number }

/** The shipped models' facts without decoding their weights (the model-status page). */
export function shippedModelFacts(): Record<'zh' | 'en' | 'enNeutral', ModelFacts> {
  const facts = (trainedOn: string): ModelFacts => {
    const rows = /(\d+) rows/.exec(trainedOn)?.[1];
    return { trainedOn, ...(rows ? { rows: Number(rows) } : {}) };
  };
  return { zh: facts(ZH_SENTIMENT_MODEL.trainedOn), en: facts(EN_SENTIMENT_MODEL.trainedOn), enNeutral: facts(EN_NEUTRAL_MODEL.trainedOn) };
}

export function zhPositiveProb(normalized: string, words: readonly string[], models: SentimentModels = shippedSentimentModels()): number {
  return predictZh(models.zh, normalized, words);
}

export function enPositiveProb(normalized: string, models: SentimentModels = shippedSentimentModels()): number {
  return withVectors(predictEn(models.en, normalized), normalized, models);
}

/** The polarity model's P(positive) averaged with the sentiment vectors', when a model set has them. */
function withVectors(p: number, normalized: string, models: SentimentModels): number {
  return models.enVectors ? (p + vectorPositiveProb(models.enVectors, normalized)) / 2 : p;
}

export function enNeutralProb(normalized: string, models: SentimentModels): number | undefined {
  return models.enNeutral ? predictEn(models.enNeutral, normalized) : undefined;
}

/** P(positive) and P(neutral) of an English post in one pass over its features. */
export function enProbs(normalized: string, models: SentimentModels): { modelProb: number; neutralProb?: number } {
  if (!models.enNeutral) return { modelProb: withVectors(predictEn(models.en, normalized), normalized, models) };
  const [modelProb, neutralProb] = predictEnPair(models.en, models.enNeutral, normalized);
  return { modelProb: withVectors(modelProb, normalized, models), neutralProb };
}

/**
 * Where an analyzer takes a deployment's models from when they can change while it runs (the
 * processor follows the published models): the analyzer compares `version` before each post
 * and re-reads `models` when it moved, so an update applies between two posts, never inside one.
 */
export interface SentimentModelSource {
  readonly version: number;
  readonly models: Partial<SentimentModels> | undefined;
}

/** A SentimentModelSource to set: every analyzer built over it follows each `set()`. */
export class SentimentModelHolder implements SentimentModelSource {
  version = 0;
  models: Partial<SentimentModels> | undefined;
  set(models: Partial<SentimentModels> | undefined): void {
    this.models = models;
    this.version++;
  }
}
