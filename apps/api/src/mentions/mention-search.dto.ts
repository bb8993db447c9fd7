import { z } from 'zod';

/** `a,b` or repeated params, to a list. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
  .pipe(z.array(z.string().max(128)).max(50));

const date = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();

/** The filters a search and an export share. */
const filters = {
  q: z.string().trim().max(500).optional(),
  from: date,
  to: date,
  language: list,
  sourceId: list,
  channel: list,
  sentiment: list,
  category: list,
  place: list,
  riskCue: list,
};
const fromNotAfterTo = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to);
const fromNotAfterToError = { message: '`from` must not be after `to`', path: ['from'] };

export const MentionSearchQuery = z
  .object({
    ...filters,
    page: z.coerce.number().int().min(1).max(1000).default(1),
    size: z.coerce.number().int().min(0).max(100).default(20),
    sort: z.enum(['newest', 'oldest', 'relevance']).default('newest'),
    /** IANA time zone for the per-day buckets. */
    tz: z.string().regex(/^[A-Za-z0-9_+\-/]{1,64}$/, 'an IANA time zone such as Asia/Shanghai').default('UTC'),
    /** Bucket size of the sentiment timeline. */
    interval: z.enum(['hour', 'day']).default('day'),
  })
  .refine(fromNotAfterTo, fromNotAfterToError);
export type MentionSearchQuery = z.infer<typeof MentionSearchQuery>;

/** The same filters as a search, plus how many rows at most. */
export const MentionExportQuery = z
  .object({ ...filters, limit: z.coerce.number().int().min(1).max(1_000_000).optional() })
  .refine(fromNotAfterTo, fromNotAfterToError);
export type MentionExportQuery = z.infer<typeof MentionExportQuery>;
export type MentionFilters = Omit<MentionExportQuery, 'limit'>;
