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
