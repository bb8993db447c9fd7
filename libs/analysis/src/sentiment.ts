import type { Sentiment } from '@vigil/contracts';
import type { RuleSentiment } from './sentiment-rules';

export interface SentimentInputs {
  rules: RuleSentiment;
  /** P(positive) from the learned model; absent for languages without one. */
  modelProb?: number;
  /** P(no opinion) from the neutral model, where the language has one. */
  neutralProb?: number;
  /** Star rating 1..5 when the source has one. */
  rating?: number;
  /** Count of content characters; very short posts get less model trust. */
  contentLength: number;
  /** The learned combination of model and rules for the language (absent = the hand-set one). */
  stack?: SentimentStack;
}

/** Logistic weights over stackFeatures(), fitted per language on rows the polarity model did not train on. */
export interface SentimentStack {
  bias: number;
  weights: readonly number[];
  /**
   * Where the language has no neutral model, a deployment's corrections can move the rules'
   * neutral answers (training/domain-layer.ts): below this |score| a post with no opinion word is
   * neutral (absent: NEUTRAL_BAND; 0: never for a weak score), and a question or announcement with
   * no negative word is neutral unless `informationNeutral` is false.
   */
  neutralBand?: number;
  informationNeutral?: boolean;
}

export const STACK_FEATURES = ['model logit', 'rules', 'rules × negated negative', 'rhetorical', 'rules × contrast', 'no rule hit', 'short post'] as const;

/**
 * Where the rules lead despite a learned stack: sarcasm (the n-grams read "great, another delay"
 * as praise), double negation (不是不好: rare, and the rules read it right), and negated
 * negatives when the stack learnt to distrust the rules there (English:
 * its few "not bad" rows taught it so, though the n-grams still read "bad"); the Chinese stack
 * trusts them and keeps deciding.
 */
function rulesLead(st: SentimentStack, rules: RuleSentiment): boolean {
  for (const x of rules.special) {
    if (x === 'sarcasm' || x === 'double_negation') return true;
    if (x === 'negated_negative' && (st.weights[2] ?? 0) < 0) return true;
  }
  return false;
}

/** bias + weights · stackFeatures(), without the array (once per post). */
export function stackLogit(st: SentimentStack, rules: RuleSentiment, modelProb: number, contentLength: number): number {
  const p = Math.min(1 - 1e-4, Math.max(1e-4, modelProb));
  const w = st.weights;
  const r = rules.score;
  let negneg = 0, rhet = 0, contrast = 0;
  for (const x of rules.special) {
    if (x === 'negated_negative' || x === 'double_negation') negneg = 1;
    else if (x === 'rhetorical') rhet = 1;
    else if (x === 'contrast') contrast = 1;
  }
  return st.bias + (w[0] ?? 0) * Math.log(p / (1 - p)) + (w[1] ?? 0) * r + (w[2] ?? 0) * r * negneg + (w[3] ?? 0) * rhet
    + (w[4] ?? 0) * r * contrast + (w[5] ?? 0) * (rules.hits === 0 ? 1 : 0) + (w[6] ?? 0) * (contentLength < 6 ? 1 : 0);
}

/** What the stack weighs: the model's logit, the rule score and the constructs the rules know about. */
export function stackFeatures(rules: RuleSentiment, modelProb: number, contentLength: number): number[] {
  const p = Math.min(1 - 1e-4, Math.max(1e-4, modelProb));
  const has = (k: string) => (rules.special.includes(k) ? 1 : 0);
  const r = rules.score;
  return [Math.log(p / (1 - p)), r, r * Math.max(has('negated_negative'), has('double_negation')), has('rhetorical'), r * has('contrast'), rules.hits === 0 ? 1 : 0, contentLength < 6 ? 1 : 0];
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
  } else if (i.stack && !rulesLead(i.stack, i.rules)) {
    text = 2 / (1 + Math.exp(-stackLogit(i.stack, i.rules, i.modelProb, i.contentLength))) - 1;
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
  const label = i.rating !== undefined && Number.isFinite(i.rating) ? bandLabel(score) : textLabel(i, score);
  if (label === 'neutral' && i.neutralProb !== undefined) score *= 1 - i.neutralProb;
  const agree = i.modelProb === undefined || i.rules.hits === 0 || Math.sign(2 * i.modelProb - 1) === Math.sign(r);
  const strength = label !== 'neutral' ? Math.abs(score) : i.neutralProb ?? Math.max(0, 1 - Math.abs(score) / NEUTRAL_BAND);
  const confidence = Math.max(0, Math.min(1, 0.35 + 0.55 * strength + (agree ? 0.1 : -0.1)));
  return { score: round(score), label, confidence: round(confidence) };
}

function bandLabel(score: number): Sentiment['label'] {
  return score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
}

/**
 * Neutral needs evidence that nothing is said, not merely a weak score: a weakly worded review
 * is still a review. The neutral model decides where the language has one (it learnt from
 * reviews that they are opinions); elsewhere a weak score with no opinion word at all is neutral.
 */
function textLabel(i: SentimentInputs, score: number): Sentiment['label'] {
  if (score === 0) return 'neutral';
  if (i.neutralProb !== undefined) {
    // Sarcasm and rhetorical attacks are opinions by construction, whatever the model thinks.
    const threshold = i.rules.special.includes('information') ? 0.35 : 0.5;
    if (i.neutralProb >= threshold && !i.rules.special.some((x) => x === 'sarcasm' || x === 'rhetorical')) return 'neutral';
  } else if (Math.abs(score) < (i.stack?.neutralBand ?? NEUTRAL_BAND) && i.rules.hits === 0) return 'neutral';
  // A question or an announcement with no opinion word: the review-trained model reads any
  // question as a complaint, so without a neutral model the rules decide here.
  else if (i.stack?.informationNeutral !== false && i.rules.special.includes('information') && i.rules.score >= 0) return 'neutral';
  return score > 0 ? 'positive' : 'negative';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
