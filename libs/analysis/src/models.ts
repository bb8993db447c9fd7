import { decodeModel, predictEn, predictZh, type LinearModel } from './features';
import { EN_SENTIMENT_MODEL } from './model/en-sentiment-model';
import { ZH_SENTIMENT_MODEL } from './model/zh-sentiment-model';

// Decoded lazily once per process: ~1 MB of Float32 per language.
let zh: LinearModel | undefined;
let en: LinearModel | undefined;

export function zhPositiveProb(normalized: string, words: readonly string[]): number {
  zh ??= decodeModel(ZH_SENTIMENT_MODEL);
  return predictZh(zh, normalized, words);
}

export function enPositiveProb(normalized: string): number {
  en ??= decodeModel(EN_SENTIMENT_MODEL);
  return predictEn(en, normalized);
}
