import type { EnrichedMention, RescoredMention, StoredCorrection } from '@vigil/contracts';
import { scoreRisk } from '@vigil/analysis';
import { applyCorrection } from '../corrections/apply-correction';

/**
 * The stored post under newly published models' scores, or undefined when a version at or above
 * this one already scored it (so a redelivered or repeated message changes nothing: once per
 * post and version). The categories are the message's when it carries them (the category nudges
 * or the post's negativity moved), else they stay as stored; entities and tokens stay (the models
 * do not change them); the risk score is scored again from the new answer. An analyst's
 * correction always wins: the new answer becomes the model's `original`, the analyst's values stay shown.
 */
export function applyRescore(m: EnrichedMention, r: RescoredMention): EnrichedMention | undefined {
  if ((m.analysis.modelVersion ?? 0) >= r.modelVersion) return undefined;
  const c = m.correction;
  const categories = r.categories ?? (c ? c.original.categories : m.analysis.categories);
  const risk = scoreRisk({ cues: r.riskCues, sentiment: r.sentiment, emotion: r.emotion, categories, piiKinds: m.analysis.entities.piiKinds });
  const scored: EnrichedMention = {
    ...m,
    analysis: { ...m.analysis, sentiment: r.sentiment, emotion: r.emotion, riskCues: r.riskCues, categories, ...risk, modelVersion: r.modelVersion },
  };
  if (!c) return scored;
  delete scored.correction;
  // The same correction again (who, when, what), over the new model answer.
  const again: StoredCorrection = {
    id: c.id, by: c.by, at: c.at, mentionId: m.id, text: m.text || '-', language: m.analysis.language,
    ...(c.sentiment ? { sentiment: c.sentiment } : {}),
    ...(c.categories ? { categories: c.categories } : {}),
    ...(c.emotion ? { emotion: c.emotion } : {}),
    ...(c.riskCues ? { riskCues: c.riskCues } : {}),
  };
  const corrected = applyCorrection(scored, again);
  return { ...corrected, analysis: { ...corrected.analysis, modelVersion: r.modelVersion } };
}
