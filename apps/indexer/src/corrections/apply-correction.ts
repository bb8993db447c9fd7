import type { Analysis, EnrichedMention, MentionCorrection, RiskCue, StoredCorrection } from '@vigil/contracts';
import { scoreRisk } from '@vigil/analysis';

const POLE = { negative: -1, neutral: 0, positive: 1 } as const;
/** An analyst's emotion level as an intensity (the model's intensity is kept when the level agrees). */
const INTENSITY = { calm: 0, agitated: 0.5, angry: 1 } as const;

type Original = MentionCorrection['original'];

/** The model's answer as a mention carries it (from before any correction). */
function modelAnswer(m: EnrichedMention): Required<Original> {
  const o = m.correction?.original;
  const a = m.analysis;
  if (!o) return { sentiment: a.sentiment, categories: a.categories, emotion: a.emotion, riskCues: a.riskCues, riskScore: a.riskScore, riskReasons: a.riskReasons };
  // A correction from before emotion and cues could be corrected never changed them: the analysis still holds the model's.
  return { sentiment: o.sentiment, categories: o.categories, emotion: o.emotion ?? a.emotion, riskCues: o.riskCues ?? a.riskCues, riskScore: o.riskScore ?? a.riskScore, riskReasons: o.riskReasons ?? a.riskReasons };
}

/** The cue kinds the analyst says the post carries: the model's evidence where it found the kind, a marked cue where it missed it. */
function correctedCues(model: readonly RiskCue[], kinds: readonly RiskCue['kind'][], by: string): RiskCue[] {
  const keep = new Set(kinds);
  const cues = model.filter((c) => keep.has(c.kind)).map((c) => ({ ...c, confidence: 1 }));
  for (const kind of keep) if (!cues.some((c) => c.kind === kind)) cues.push({ kind, evidence: `marked by ${by}`, start: 0, end: 0, confidence: 1 });
  return cues;
}

/**
 * The mention as search and analytics should see it after an analyst's correction: `analysis`
 * shows the analyst's sentiment, categories, emotion and risk cues (certain: confidence 1), the
 * risk score is scored again from them the way the analysis scores it, and `correction` keeps
 * who, when and the model's own answer. The model's answer survives any number of corrections.
 */
export function applyCorrection(m: EnrichedMention, c: StoredCorrection): EnrichedMention {
  const original = modelAnswer(m);
  const correction: MentionCorrection = {
    id: c.id, by: c.by, at: c.at, original,
    ...(c.sentiment ? { sentiment: c.sentiment } : {}),
    ...(c.categories ? { categories: c.categories } : {}),
    ...(c.emotion ? { emotion: c.emotion } : {}),
    ...(c.riskCues ? { riskCues: c.riskCues } : {}),
  };
  const corrected: Analysis = {
    ...m.analysis,
    sentiment: c.sentiment ? { label: c.sentiment, score: POLE[c.sentiment], confidence: 1 } : original.sentiment,
    categories: c.categories ? c.categories.map((id) => ({ id, confidence: 1 })) : original.categories,
    emotion: c.emotion && c.emotion !== original.emotion.level ? { level: c.emotion, intensity: INTENSITY[c.emotion] } : original.emotion,
    riskCues: c.riskCues ? correctedCues(original.riskCues, c.riskCues, c.by) : original.riskCues,
  };
  const risk = scoreRisk({ cues: corrected.riskCues, sentiment: corrected.sentiment, emotion: corrected.emotion, categories: corrected.categories, piiKinds: corrected.entities.piiKinds });
  return { ...m, analysis: { ...corrected, ...risk }, correction };
}

/** Whether `c` is newer than the correction a stored mention already carries (redelivered or late messages never win). */
export function supersedes(m: EnrichedMention, c: StoredCorrection): boolean {
  const had = m.correction;
  return !had || had.at < c.at || (had.at === c.at && had.id <= c.id);
}
