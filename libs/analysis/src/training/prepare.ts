/** The exact preprocessing the analyzer applies before the learned models, for training anywhere. */
import { featuresEn, featuresZh, fnv1a, FEATURE_VERSION } from '../features';
import { detectLanguage } from '../language';
import { createSegmenter } from '../segmenter';
import { toHalfWidth, truncate } from '../text';

let seg: ReturnType<typeof createSegmenter> | undefined;

export function modelFeatures(lang: 'zh' | 'en', text: string, version = FEATURE_VERSION): number[] {
  seg ??= createSegmenter();
  const normalized = detectLanguage(toHalfWidth(truncate(text).text)).normalized;
  return lang === 'zh' ? featuresZh(normalized, seg.cutZh(normalized), version) : featuresEn(normalized, [], version);
}

/** 20 % of rows, chosen by hashing the text, are held out; training never sees them. */
export function isHeldOut(text: string): boolean {
  return fnv1a('split:' + text.trim()) % 100 < 20;
}
