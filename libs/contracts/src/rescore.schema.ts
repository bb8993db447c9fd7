import { z } from 'zod';
import { CategoryScore, Emotion, RiskCue, Sentiment } from './analysis.schema';

/** Days before a model update's publication whose posts are scored again (ANALYSIS_RESCORE_DAYS; 0 = none). */
export const DEFAULT_RESCORE_DAYS = 30;

/**
 * A stored post scored again by newly published sentiment models (topic `mentions.rescored`,
 * key: the mention id; processor → indexer). Only what the models change travels: sentiment, the
 * emotion read with it and the risk cues it damps, and the categories when they may have moved
 * (`rescoredCategories`). The indexer applies it once per post and version (a stored
 * `analysis.modelVersion` at or above it wins) under any analyst's correction.
 */
export const RescoredMention = z.object({
  mentionId: z.string().min(1).max(512),
  modelVersion: z.number().int().positive(),
  sentiment: Sentiment,
  emotion: Emotion,
  riskCues: z.array(RiskCue),
  /**
   * The categories scored again (with the taxonomy of the post's watches): present when the
   * category nudges changed since the version that scored the post, or the model's sentiment
   * crossed into or out of negative (`other` is the category of a negative post nothing else
   * explains). Absent: the stored categories stay.
   */
  categories: z.array(CategoryScore).optional(),
});
export type RescoredMention = z.infer<typeof RescoredMention>;

/**
 * Where re-scoring after models published at `publishedAt` starts: posts published within `days`
 * before it (and anything later). The processor's passes and the api's progress both use it.
 */
export function rescoreCutoff(publishedAt: string, days: number): string {
  return new Date(new Date(publishedAt).getTime() - days * 86_400_000).toISOString();
}

/**
 * Whether re-scoring must send a post's categories again: the category nudges in force were
 * published after the version that scored the post (`categoriesVersion` of the published models),
 * or the model's sentiment moved into or out of negative (the `other` rule reads it). Otherwise
 * the post's categories are what the models in force would give and the stored ones stay
 * (a taxonomy edited since is not a model change: it applies to new posts).
 */
export function categoriesMoved(scoredBy: number | undefined, categoriesVersion: number | undefined, before: Sentiment['label'], after: Sentiment['label']): boolean {
  return (scoredBy ?? 0) < (categoriesVersion ?? 0) || (before === 'negative') !== (after === 'negative');
}
