import type { CategoryScore, Emotion, RiskCue, RiskCueKind, Sentiment } from '@vigil/contracts';

const CUE_WEIGHT: Record<RiskCueKind, { points: number; reason: string }> = {
  safety: { points: 30, reason: 'safety incident' },
  legal: { points: 25, reason: 'legal threat' },
  regulator: { points: 25, reason: 'regulator complaint' },
  media: { points: 25, reason: 'media exposure threat' },
  data_leak: { points: 25, reason: 'data leak or fraud' },
  collective_action: { points: 20, reason: 'collective action' },
  vulnerable_person: { points: 10, reason: 'vulnerable person involved' },
  medical_or_exam: { points: 10, reason: 'medical care or exam at stake' },
  manager_request: { points: 10, reason: 'escalation to a manager' },
  repeat_complaint: { points: 10, reason: 'repeat complaint' },
  compensation_demand: { points: 10, reason: 'compensation demand' },
};

export interface RiskInputs {
  cues: readonly RiskCue[];
  sentiment: Sentiment;
  emotion: Emotion;
  categories: readonly CategoryScore[];
  piiKinds: readonly string[];
}

/** Additive, explainable 0–100 score: every point comes with a reason string. */
export function scoreRisk(i: RiskInputs): { riskScore: number; riskReasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  for (const c of i.cues) {
    const w = CUE_WEIGHT[c.kind];
    // A cue counts as much as the analysis is sure of it.
    const points = Math.round(w.points * (c.confidence ?? 1));
    score += points;
    reasons.push(`${w.reason}: "${c.evidence}" (+${points}${c.confidence !== undefined && c.confidence < 1 ? `, confidence ${c.confidence}` : ''})`);
    if (c.kind === 'compensation_demand' && c.amount !== undefined && c.amount >= 1000) {
      score += 10;
      reasons.push(`large amount claimed: ${c.amount} (+10)`);
    }
  }
  if (i.sentiment.label === 'negative') {
    const p = Math.round(20 * Math.abs(i.sentiment.score));
    score += p;
    reasons.push(`negative sentiment ${i.sentiment.score} (+${p})`);
  }
  if (i.emotion.level !== 'calm') {
    const p = i.emotion.level === 'angry' ? 15 : 7;
    score += p;
    reasons.push(`${i.emotion.level} tone (+${p})`);
  }
  if (i.categories.some((c) => c.id === 'security_privacy' && c.confidence >= 0.5) && !i.cues.some((c) => c.kind === 'data_leak')) {
    score += 10;
    reasons.push('security/privacy topic (+10)');
  }
  // Several independent cues together are worse than their sum suggests (a viral, legal, collective complaint).
  if (i.cues.length >= 3) {
    score += 10;
    reasons.push(`${i.cues.length} risk cues combined (+10)`);
  }
  return { riskScore: Math.min(100, score), riskReasons: reasons };
}
