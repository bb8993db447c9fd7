import { z } from 'zod';

/** What libs/analysis says about one post. Owned by the analysis issue (#3). */
export const Language = z.enum(['zh', 'en', 'mixed', 'other']);
export type Language = z.infer<typeof Language>;

export const SentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export const Sentiment = z.object({
  score: z.number().min(-1).max(1),
  label: SentimentLabel,
  confidence: z.number().min(0).max(1),
});
export type Sentiment = z.infer<typeof Sentiment>;

export const EmotionLevel = z.enum(['calm', 'agitated', 'angry']);
export const Emotion = z.object({ level: EmotionLevel, intensity: z.number().min(0).max(1) });
export type Emotion = z.infer<typeof Emotion>;

export const CategoryScore = z.object({ id: z.string(), confidence: z.number().min(0).max(1) });
export type CategoryScore = z.infer<typeof CategoryScore>;

export const Money = z.object({ amount: z.number(), currency: z.string(), text: z.string() });
export const Place = z.object({ name: z.string(), kind: z.enum(['province', 'city', 'district', 'compound', 'other']) });

export const Entities = z.object({
  orderIds: z.array(z.string()).default([]),
  money: z.array(Money).default([]),
  places: z.array(Place).default([]),
  products: z.array(z.string()).default([]),
  appVersion: z.string().optional(),
  device: z.string().optional(),
  /** Kinds of personal data found and masked (phone, id_card, email, …), never the values. */
  piiKinds: z.array(z.string()).default([]),
});
export type Entities = z.infer<typeof Entities>;

export const RiskCueKind = z.enum([
  'manager_request',
  'regulator',
  'media',
  'legal',
  'vulnerable_person',
  'medical_or_exam',
  'safety',
  'data_leak',
  'collective_action',
  'repeat_complaint',
  'compensation_demand',
]);
export type RiskCueKind = z.infer<typeof RiskCueKind>;

export const RiskCue = z.object({
  kind: RiskCueKind,
  evidence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  amount: z.number().optional(),
  /** Where start/end point: the masked text (default) or the masked title. */
  field: z.enum(['text', 'title']).optional(),
  /**
   * How sure the analysis is that the post carries this risk, from the cue's context (idiom,
   * negation, quotation, hypothetical, news). Absent on messages from before it existed: read
   * absent as 1. Only cues at or above CONFIDENT_CUE should open a ticket from a single post.
   */
  confidence: z.number().min(0).max(1).optional(),
});
export type RiskCue = z.infer<typeof RiskCue>;

/** Cues below this are not reported by the analysis at all. */
export const MIN_CUE_CONFIDENCE = 0.5;
/** A cue this sure may open a ticket on its own (a single post); below it, it only adds up. */
export const CONFIDENT_CUE = 0.7;

export const Analysis = z.object({
  language: Language,
  /** Chinese script of the original text, when it is Chinese. */
  script: z.enum(['simplified', 'traditional']).optional(),
  /** Segmented words (stop words removed), indexed as a keyword array for term aggregations. */
  tokens: z.array(z.string()),
  sentiment: Sentiment,
  emotion: Emotion,
  categories: z.array(CategoryScore),
  entities: Entities,
  riskCues: z.array(RiskCue),
  riskScore: z.number().min(0).max(100),
  riskReasons: z.array(z.string()),
  emojis: z.array(z.string()).default([]),
  truncated: z.boolean().default(false),
  /**
   * The published sentiment models that scored it (`analysis-models` version); absent: the
   * shipped (or `vigil train` file) models. Re-scoring after an update moves it up, once per version.
   */
  modelVersion: z.number().int().positive().optional(),
});
export type Analysis = z.infer<typeof Analysis>;
