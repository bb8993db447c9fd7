import { z } from 'zod';

/**
 * A stretch of time in which a source may have missed posts: it failed, or it hit
 * its paging limit before reaching what it had already seen. A dip (or the spike
 * when it catches up) inside a gap may be an artefact of collection, not of the world.
 */
export const CoverageGap = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  reason: z.string().max(500),
  /** Still going on (the source has not succeeded since); `to` is the last failed poll. */
  open: z.boolean().default(false),
});
export type CoverageGap = z.infer<typeof CoverageGap>;

/** How one source is doing, as the api, the dashboard and the detector read it. */
export const SourceHealth = z.object({
  sourceId: z.string(),
  status: z.enum(['ok', 'failing', 'stale', 'never-polled']),
  lastSuccessAt: z.iso.datetime({ offset: true }).optional(),
  lastErrorAt: z.iso.datetime({ offset: true }).optional(),
  lastError: z.string().optional(),
  errorCount: z.number().int().nonnegative(),
  consecutiveErrors: z.number().int().nonnegative(),
  itemsEmitted: z.number().int().nonnegative(),
  /** Mentions emitted in the 60 minutes before `at`. */
  itemsLastHour: z.number().int().nonnegative(),
  /** Median of fetchedAt − publishedAt over the last poll's new, dated items. */
  lagMs: z.number().nonnegative().optional(),
  /** now − lastSuccessAt. */
  sinceSuccessMs: z.number().nonnegative().optional(),
  gaps: z.array(CoverageGap),
  at: z.iso.datetime({ offset: true }),
});
export type SourceHealth = z.infer<typeof SourceHealth>;
