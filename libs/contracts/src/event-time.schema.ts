import { z } from 'zod';

/**
 * Why a mention's time was not taken at its word (set by the processor, absent when it was):
 * `future` — dated more than the allowed skew after it was collected; `publishedAt` was clamped
 * to the collection time and `claimedAt` keeps what the source said. `old` — published long
 * before it was collected (a back-fill, an archive page): kept for search, never alarms.
 */
export const EventTimeNote = z.object({
  kind: z.enum(['future', 'old']),
  /** The time the source gave. */
  claimedAt: z.string().max(64),
  /** In words, for the people reading the mention. */
  reason: z.string().max(300),
});
export type EventTimeNote = z.infer<typeof EventTimeNote>;
