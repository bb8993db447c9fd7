import { decodeModel, predictEn, predictZh, type LinearModel } from './features';
import { EN_SENTIMENT_MODEL } from './model/en-sentiment-model';
import { ZH_SENTIMENT_MODEL } from './model/zh-sentiment-model';

/** The learned sentiment models, one per language: P(positive) over hashed n-grams. */
export interface SentimentModels {
  zh: LinearModel;
  en: LinearModel;
}

// Decoded lazily once per process: ~1 MB of Float32 per language.
let shipped: SentimentModels | undefined;

/** The models committed in src/model/ (the ones `npm run train:analysis` writes). */
export function shippedSentimentModels(): SentimentModels {
  shipped ??= { zh: decodeModel(ZH_SENTIMENT_MODEL), en: decodeModel(EN_SENTIMENT_MODEL) };
  return shipped;
}

export function zhPositiveProb(normalized: string, words: readonly string[], models: SentimentModels = shippedSentimentModels()): number {
  return predictZh(models.zh, normalized, words);
}

export function enPositiveProb(normalized: string, models: SentimentModels = shippedSentimentModels()): number {
  return predictEn(models.en, normalized);
}
