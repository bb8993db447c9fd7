import { z } from 'zod';

/**
 * A search a person saved (issue #17): the search page's filters under a name, kept per user
 * in Elasticsearch (index `saved-searches`, written by the api).
 */

const Names = z.array(z.string().min(1).max(128)).max(50);

/** The search page's filters, as the search route takes them. */
export const SavedSearchQuery = z.object({
  q: z.string().max(500).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  language: Names.default([]),
  channel: Names.default([]),
  sentiment: Names.default([]),
  category: Names.default([]),
  place: Names.default([]),
  riskCue: Names.default([]),
  watch: Names.default([]),
  sort: z.enum(['newest', 'oldest', 'relevance']).default('newest'),
});
export type SavedSearchQuery = z.infer<typeof SavedSearchQuery>;

export const SAVED_SEARCH_CAP = 100;

export const SavedSearch = z.object({
  /** Random, made by the api. */
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  /** The user who saved it; only they list and delete it. */
  owner: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  query: SavedSearchQuery,
  createdAt: z.iso.datetime({ offset: true }),
});
export type SavedSearch = z.infer<typeof SavedSearch>;
