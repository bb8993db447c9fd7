import type { Sentiment } from '@vigil/contracts';
import type { RuleSentiment } from './sentiment-rules';

export interface SentimentInputs {
  rules: RuleSentiment;
  /** P(positive) from the learned model; absent for languages without one. */
  modelProb?: number;
  /** Star rating 1..5 when the source has one. */
  rating?: number;
  /** Count of content characters; very short posts get less model trust. */
  contentLength: number;
}

/** Below this |score| a post is neutral. */
export const NEUTRAL_BAND = 0.2;

/**
 * The model gives the polarity; the rules correct constructs a bag of n-grams
 * misreads (rhetorical questions, double negation, contrast) and decide whether
 * a post says anything at all; a star rating is a strong prior for reviews.
 */
export function combineSentiment(i: SentimentInputs): Sentiment {
  const r = i.rules.score;
  let text: number;
  if (i.modelProb === undefined) {
    text = r;
  } else {
    const m = 2 * i.modelProb - 1;
    // Negated negatives ("not bad", 不是不好) are what n-grams misread most: rules lead.
    if (i.rules.special.some((x) => x === 'negated_negative' || x === 'double_negation')) text = 0.2 * m + 0.8 * r;
    else if (i.rules.special.length > 0) text = 0.35 * m + 0.65 * r;
    else if (i.rules.hits === 0) text = m * (i.contentLength < 6 ? 0.3 : 0.8);
    else text = 0.65 * m + 0.35 * r;
  }
  let score = text;
  if (i.rating !== undefined && Number.isFinite(i.rating)) {
    const prior = Math.max(-1, Math.min(1, (Math.max(1, Math.min(5, i.rating)) - 3) / 2));
    score = 0.6 * prior + 0.4 * text;
  }
  score = Math.max(-1, Math.min(1, score));
  const label = score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  const agree = i.modelProb === undefined || i.rules.hits === 0 || Math.sign(2 * i.modelProb - 1) === Math.sign(r);
  const strength = label === 'neutral' ? 1 - Math.abs(score) / NEUTRAL_BAND : Math.abs(score);
  const confidence = Math.max(0, Math.min(1, 0.35 + 0.55 * strength + (agree ? 0.1 : -0.1)));
  return { score: round(score), label, confidence: round(confidence) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
