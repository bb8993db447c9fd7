import { z } from 'zod';

/**
 * The incident view of a cluster or a ticket (issue #17): who posted first, how it spread over
 * time and channels, who carried it furthest, what else looks like it, and a one-paragraph
 * summary made of the posts' own sentences. Built from the posts the detector and the responder
 * name (a cluster's sample posts, a ticket's evidence), at most INCIDENT_POST_CAP of them.
 */

const Instant = z.iso.datetime({ offset: true });
export const INCIDENT_POST_CAP = 1000;

export const IncidentPost = z.object({
  id: z.string(),
  publishedAt: Instant,
  channel: z.string(),
  sourceId: z.string(),
  url: z.string().optional(),
  author: z.object({ id: z.string().optional(), name: z.string().optional(), followers: z.number().optional() }).optional(),
  /** The (PII-masked) text, cut to 280 characters. */
  excerpt: z.string(),
});
export type IncidentPost = z.infer<typeof IncidentPost>;

export const IncidentView = z.object({
  kind: z.enum(['cluster', 'ticket']),
  id: z.string(),
  title: z.string(),
  /** Post ids named by the detector and the responder; `found` of them are indexed. */
  named: z.number().int().nonnegative(),
  found: z.number().int().nonnegative(),
  firstPost: IncidentPost.optional(),
  /** Posts per interval and channel, oldest first. */
  interval: z.enum(['minute', 'hour', 'day']),
  spread: z.array(z.object({ key: Instant, total: z.number().int().nonnegative(), channels: z.record(z.string(), z.number().int()) })),
  channels: z.array(z.object({ key: z.string(), count: z.number().int().nonnegative() })),
  /** Authors by the largest reach of one of their posts (followers when the source gives no reach). */
  topAuthors: z.array(z.object({ author: z.string(), name: z.string().optional(), posts: z.number().int().nonnegative(), reach: z.number().nonnegative() })),
  relatedClusters: z.array(z.object({ id: z.string(), label: z.string(), size: z.number().int(), lastSeen: Instant, why: z.string() })),
  summary: z.object({
    /** The language asked for, or the posts' language when none are in it. */
    language: z.string(),
    text: z.string(),
    /** The posts its sentences come from, in order. */
    from: z.array(z.string()),
  }),
});
export type IncidentView = z.infer<typeof IncidentView>;
