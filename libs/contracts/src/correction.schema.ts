import { z } from 'zod';
import { Language, SentimentLabel } from './analysis.schema';
import { MAX_TEXT_CHARS } from './raw-mention.schema';

/**
 * An analyst's correction of one post's analysis (issue #18): what the analysis said, what the
 * analyst says instead, who and when. Stored (audited), applied at once to that post, and folded
 * into the deployment's model update (`vigil train`), which is evaluated before it replaces the
 * model. The text is the masked text the analyst saw: it is what the update trains on.
 */
export const AnalysisCorrection = z.object({
  mentionId: z.string().min(1).max(512),
  text: z.string().min(1).max(MAX_TEXT_CHARS),
  language: Language,
  /** At least one of sentiment or categories is corrected. */
  sentiment: SentimentLabel.optional(),
  categories: z.array(z.string().min(1).max(64)).max(16).optional(),
  previous: z.object({ sentiment: SentimentLabel, categories: z.array(z.string()).default([]) }).optional(),
  by: z.string().min(1).max(128),
  at: z.string().datetime(),
}).refine((c) => c.sentiment !== undefined || c.categories !== undefined, { message: 'a correction needs a sentiment or categories' });
export type AnalysisCorrection = z.infer<typeof AnalysisCorrection>;

/** One learned model as stored: Int16-quantised weights (base64) with their scale. */
export const StoredLinearModel = z.object({
  bits: z.number().int().min(1).max(24),
  bias: z.number(),
  scale: z.number().positive(),
  weights: z.string(),
  trainedOn: z.string(),
  features: z.number().int().min(1).optional(),
});

export const StoredStack = z.object({ bias: z.number(), weights: z.array(z.number()).max(32) });

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
  }),
  /** What the update was checked against, per language (printed by vigil train). */
  reports: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type DeploymentModels = z.infer<typeof DeploymentModels>;
export const DEPLOYMENT_MODELS_FILE = 'sentiment-models.json';
