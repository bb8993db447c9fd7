/** The exact preprocessing the analyzer applies before the learned model, reused by training and eval. */
import { createSegmenter } from '../../libs/analysis/src/segmenter';
import { detectLanguage } from '../../libs/analysis/src/language';
import { toHalfWidth, truncate } from '../../libs/analysis/src/text';
import { FEATURE_VERSION, featuresEn, featuresZh } from '../../libs/analysis/src/features';

const seg = createSegmenter();

export function modelFeatures(lang: 'zh' | 'en', text: string, version = FEATURE_VERSION): number[] {
  const normalized = detectLanguage(toHalfWidth(truncate(text).text)).normalized;
  return lang === 'zh' ? featuresZh(normalized, seg.cutZh(normalized), version) : featuresEn(normalized, [], version);
}
