import { z } from 'zod';
import { Emotion, RiskCue, Sentiment } from './analysis.schema';

/** Days before a model update's publication whose posts are scored again (ANALYSIS_RESCORE_DAYS; 0 = none). */
export const DEFAULT_RESCORE_DAYS = 30;

/**
 * A stored post scored again by newly published sentiment models (topic `mentions.rescored`,
 * key: the mention id; processor → indexer). Only what the models change travels: sentiment, the
 * emotion read with it and the risk cues it damps. The indexer applies it once per post and
 * version (a stored `analysis.modelVersion` at or above it wins) under any analyst's correction.
 */
export const RescoredMention = z.object({
  mentionId: z.string().min(1).max(512),
  modelVersion: z.number().int().positive(),
  sentiment: Sentiment,
  emotion: Emotion,
  riskCues: z.array(RiskCue),
});
export type RescoredMention = z.infer<typeof RescoredMention>;

/**
 * Where re-scoring after models published at `publishedAt` starts: posts published within `days`
 * before it (and anything later). The processor's passes and the api's progress both use it.
 */
export function rescoreCutoff(publishedAt: string, days: number): string {
  return new Date(new Date(publishedAt).getTime() - days * 86_400_000).toISOString();
}
