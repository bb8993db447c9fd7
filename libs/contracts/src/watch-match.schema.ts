import { z } from 'zod';

/**
 * A watch (监测方案) a mention matched, as the processor tagged it: the unit detection keys its
 * baselines, clusters and group complaints by, and that tickets, alerts, search and analytics
 * filter by. The watch document itself (brands, rules, sources, taxonomy, owners) is stored in
 * Elasticsearch; a mention carries only what is needed to key and to explain the match.
 */
export const WatchMatch = z.object({
  id: z.string().min(1).max(128),
  /** The rule that matched, as people wrote it (or its id), so a person can see why. */
  rule: z.string().max(512).default(''),
  /** A competitor's watch: counted for share of voice, never opens a ticket. */
  competitor: z.boolean().default(false),
});
export type WatchMatch = z.infer<typeof WatchMatch>;

/**
 * The key detection uses for a mention whose `watches` is absent: it was scored where no watch
 * configuration exists (an old message, a replay without watches), so it counts for the one
 * implicit watch. A mention with `watches: []` matched none of the configured watches: it is kept
 * for search and never alarms.
 */
export const IMPLICIT_WATCH_ID = '_all';
