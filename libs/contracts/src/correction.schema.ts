import { z } from 'zod';
import { CategoryScore, Emotion, EmotionLevel, Language, RiskCue, RiskCueKind, Sentiment, SentimentLabel } from './analysis.schema';
import { MAX_TEXT_CHARS } from './raw-mention.schema';

const CategoryIds = z.array(z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'a category id (letters, digits, _ . : -)')).max(16);
/** The risk cue kinds the post really carries: the analyst drops false ones and adds missed ones. */
const CueKinds = z.array(RiskCueKind).max(RiskCueKind.options.length);

/**
 * An analyst's correction of one post's analysis (issue #18): what the analysis said, what the
 * analyst says instead, who and when. Stored (audited), applied at once to that post, and folded
 * into the deployment's model update (`vigil train`), which is evaluated before it replaces the
 * model. The text is the masked text the analyst saw: it is what the update trains on.
 */
const correctionFields = {
  /** Unique per correction (the api makes it); absent in hand-written `vigil train` files. */
  id: z.string().min(1).max(128).optional(),
  mentionId: z.string().min(1).max(512),
  text: z.string().min(1).max(MAX_TEXT_CHARS),
  language: Language,
  /** At least one of sentiment, categories, emotion or risk cues is corrected. */
  sentiment: SentimentLabel.optional(),
  categories: CategoryIds.optional(),
  emotion: EmotionLevel.optional(),
  riskCues: CueKinds.optional(),
  /** What the post showed before this correction (the model's answer, or an earlier correction). */
  previous: z.object({
    sentiment: SentimentLabel,
    categories: z.array(z.string()).default([]),
    emotion: EmotionLevel.optional(),
    riskCues: z.array(RiskCueKind).optional(),
  }).optional(),
  by: z.string().min(1).max(128),
  at: z.string().datetime(),
};
type Corrected = { sentiment?: unknown; categories?: unknown; emotion?: unknown; riskCues?: unknown };
const needsAValue = (c: Corrected) => c.sentiment !== undefined || c.categories !== undefined || c.emotion !== undefined || c.riskCues !== undefined;
const NEEDS_A_VALUE = { message: 'a correction needs a sentiment, categories, an emotion or risk cues' };

export const AnalysisCorrection = z.object(correctionFields).refine(needsAValue, NEEDS_A_VALUE);
export type AnalysisCorrection = z.infer<typeof AnalysisCorrection>;

/**
 * A correction as the api sends it on `mentions.corrections` (key: the mention id) and the
 * indexer stores it in the corrections index (`_id` = `id`): the audit trail of who changed what.
 */
export const StoredCorrection = z.object({ ...correctionFields, id: z.string().min(1).max(128) }).refine(needsAValue, NEEDS_A_VALUE);
export type StoredCorrection = z.infer<typeof StoredCorrection>;

/** What an analyst sends: any of the new sentiment, category ids, emotion level and risk cue kinds of one post. */
export const CorrectionRequest = z.object({
  sentiment: SentimentLabel.optional(),
  categories: CategoryIds.optional(),
  emotion: EmotionLevel.optional(),
  riskCues: CueKinds.optional(),
}).strict().refine(needsAValue, NEEDS_A_VALUE);
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

/**
 * The correction a mention document carries: the analyst's values are what `analysis` shows
 * (search, filters and aggregations see them at once); the model's own answer is kept in `original`.
 */
export const MentionCorrection = z.object({
  id: z.string(),
  by: z.string(),
  at: z.string().datetime(),
  sentiment: SentimentLabel.optional(),
  categories: z.array(z.string()).optional(),
  emotion: EmotionLevel.optional(),
  riskCues: z.array(RiskCueKind).optional(),
  /** The model's answer (emotion, cues and score: absent on corrections from before they could be corrected). */
  original: z.object({
    sentiment: Sentiment,
    categories: z.array(CategoryScore),
    emotion: Emotion.optional(),
    riskCues: z.array(RiskCue).optional(),
    riskScore: z.number().min(0).max(100).optional(),
    riskReasons: z.array(z.string()).optional(),
  }),
});
export type MentionCorrection = z.infer<typeof MentionCorrection>;

/**
 * The forms a sentiment update can take (libs/analysis, `updateModels`): `layer`, a model of the
 * corrections alone added to the shipped answer, with its neutral rule; `layer-polarity`, the same
 * without the neutral part; `finetune`, the shipped model continued on the corrections. Each is
 * checked; of those not worse, the one that answers the most corrections right out of fold is kept.
 */
export const SentimentUpdateForm = z.enum(['layer', 'layer-polarity', 'finetune']);
export type SentimentUpdateForm = z.infer<typeof SentimentUpdateForm>;

/** One form an update tried: not worse or not, its held-out accuracy and its out-of-fold accuracy on the corrections. */
export const TriedForm = z.object({
  form: SentimentUpdateForm,
  accepted: z.boolean(),
  reasonCode: z.string().optional(),
  heldOut: z.number(),
  check: z.number(),
});
export type TriedForm = z.infer<typeof TriedForm>;

/** One learned model as stored: Int16-quantised weights (base64) with their scale. */
export const StoredLinearModel = z.object({
  bits: z.number().int().min(1).max(24),
  bias: z.number(),
  scale: z.number().positive(),
  weights: z.string(),
  trainedOn: z.string(),
  features: z.number().int().min(1).optional(),
});

export const StoredStack = z.object({
  bias: z.number(),
  weights: z.array(z.number()).max(32),
  /** A deployment's learnt neutral rule where the language has no neutral model (analysis: SentimentStack). */
  neutralBand: z.number().min(0).max(1).optional(),
  informationNeutral: z.boolean().optional(),
});

/** A nudge learnt from corrections (category evidence, emotion score): the features it weighs (Int32) and their weights (Float32), base64. */
export const StoredNudge = z.object({ ids: z.string(), weights: z.string() });

/**
 * A deployment's own sentiment models, written by `vigil train` when an update passed its checks,
 * read by the processor at start (ANALYSIS_MODEL_DIR). Languages absent here use the shipped models.
 */
export const DeploymentModels = z.object({
  version: z.literal(1),
  trainedAt: z.string().datetime(),
  corrections: z.number().int().nonnegative(),
  models: z.object({
    zh: StoredLinearModel.optional(),
    en: StoredLinearModel.optional(),
    enNeutral: StoredLinearModel.optional(),
    zhStack: StoredStack.optional(),
    enStack: StoredStack.optional(),
    /** Learnt from emotion corrections: added to the emotion rules' score. */
    emotion: StoredNudge.optional(),
    /** Learnt from category corrections, per category id: added to that category's rule evidence. */
    categories: z.record(z.string(), StoredNudge).optional(),
  }),
  /** What the update was checked against, per language (printed by vigil train). */
  reports: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type DeploymentModels = z.infer<typeof DeploymentModels>;
export const DEPLOYMENT_MODELS_FILE = 'sentiment-models.json';

/**
 * The models in force for every processor (index `analysis-models`, `_id` `current`): written by
 * the processor's model-update job when an update passed its checks; each processor follows
 * `version` without a restart.
 */
export const PublishedModels = DeploymentModels.extend({
  modelVersion: z.number().int().positive(),
  publishedAt: z.string().datetime(),
  /** The newest correction the update learnt from: the next run starts only after newer ones. */
  lastCorrectionAt: z.string().datetime().optional(),
  /**
   * The modelVersion that put the category nudges in `models.categories` in force (set when a
   * publication changes them, kept otherwise; absent: none yet, the rules). Re-scoring redoes a
   * post's categories only when the version that scored it is below this one.
   */
  categoriesVersion: z.number().int().positive().optional(),
});
export type PublishedModels = z.infer<typeof PublishedModels>;

/**
 * Why a run ended as it did, as a code the dashboard words in each language, with its parameters
 * (`reason` keeps the same in English for logs and for runs stored before the codes):
 * no-reference-data {dir?}: nothing to check an update against; updated {components}: published;
 * all-refused {components}: every component's update was refused (each report says why);
 * published-elsewhere: another instance published first; failed {error}.
 */
export const ModelUpdateReason = z.enum(['no-reference-data', 'updated', 'all-refused', 'published-elsewhere', 'failed']);
export type ModelUpdateReason = z.infer<typeof ModelUpdateReason>;

/** One run of the model-update job (index `model-updates`, `_id` `run:<slot>`): what it found, checked and decided. */
export const ModelUpdateRun = z.object({
  id: z.string(),
  startedAt: z.string().datetime(),
  finishedAt: z.string().datetime().optional(),
  instance: z.string(),
  outcome: z.enum(['running', 'published', 'refused', 'failed']),
  corrections: z.number().int().nonnegative(),
  /** The newest correction the run saw: the next run waits for newer ones. */
  lastCorrectionAt: z.string().datetime().optional(),
  /** modelVersion published by this run, or the one that stayed. */
  modelVersion: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
  reasonCode: ModelUpdateReason.optional(),
  reasonParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  reports: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type ModelUpdateRun = z.infer<typeof ModelUpdateRun>;
