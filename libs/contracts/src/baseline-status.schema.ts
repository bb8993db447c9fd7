import { z } from 'zod';

/**
 * Whether the detector can judge a rise for one key (a watch, or a category within a watch).
 * warming_up: too little history for a baseline (a new watch, a late-started source); no bursts.
 * coverage_gap: a source of the key missed posts recently; no bursts until the windows are clear.
 * ready: bursts are judged against the learnt baseline.
 * Written by the detector (index `<prefix>baselines`, id = `key`), read by the api and the dashboard.
 */
export const BaselineState = z.enum(['warming_up', 'coverage_gap', 'ready']);
export type BaselineState = z.infer<typeof BaselineState>;

export const BaselineStatus = z.object({
  key: z.string().min(1).max(256),
  watchId: z.string().max(128),
  dimension: z.enum(['watch', 'category']),
  value: z.string().max(128),
  state: BaselineState,
  /** Why, in a sentence a person can read (English; the dashboard translates the state). */
  reason: z.string().max(300),
  /** Event time the key entered this state. */
  since: z.iso.datetime({ offset: true }),
  /** Event time of the key's first post, and how many hours of it the baseline has learnt. */
  firstSeen: z.iso.datetime({ offset: true }),
  learntHours: z.number().int().nonnegative(),
  /** Hours of history the key needs before a rise is judged (the detector's warm-up; absent in statuses written before it was stored). */
  neededHours: z.number().int().nonnegative().optional(),
  /** What the baseline expects in the current hour, and the overdispersion it has measured (1 = Poisson). */
  expectedPerHour: z.number().nonnegative(),
  dispersion: z.number().positive(),
  /** Event time of this status. */
  at: z.iso.datetime({ offset: true }),
});
export type BaselineStatus = z.infer<typeof BaselineStatus>;
