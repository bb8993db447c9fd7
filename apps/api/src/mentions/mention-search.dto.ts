import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { isTimeZone } from '@vigil/plan';
import { EnrichedMention, TermSample } from '@vigil/contracts';

/** `a,b` or repeated params, to a list. */
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
  .pipe(z.array(z.string().max(128)).max(50))
  .describe('comma-separated, or the parameter repeated');

const date = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();

/** The filters a search and an export share. */
const filters = {
  q: z.string().trim().max(500).optional().describe('words or a phrase, Chinese or English (no query syntax)'),
  from: date.describe('ISO date or date-time, inclusive'),
  to: date.describe('ISO date or date-time, inclusive'),
  language: list.describe('zh, en, mixed, other (comma-separated)'),
  sourceId: list,
  channel: list,
  sentiment: list.describe('negative, neutral, positive (comma-separated)'),
  category: list,
  place: list,
  riskCue: list,
  watch: list.describe('watch ids (comma-separated; deleted watches too); _none: mentions of no watch'),
};
/** The deepest hit a search can page to (Elasticsearch's index.max_result_window). */
export const MAX_RESULT_WINDOW = 10_000;


const fromNotAfterTo = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to);
const fromNotAfterToError = { message: '`from` must not be after `to`', path: ['from'] };

export const MentionSearchQuery = z
  .object({
    ...filters,
    page: z.coerce.number().int().min(1).max(1000).default(1).describe('1-based'),
    size: z.coerce.number().int().min(0).max(100).default(20),
    sort: z.enum(['newest', 'oldest', 'relevance']).default('newest'),
    tz: z.string().regex(/^[A-Za-z0-9_+\-/]{1,64}$/, 'an IANA time zone such as Asia/Shanghai').refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai (this one is unknown)').default('UTC').describe('time zone of the per-day / per-hour buckets'),
    interval: z.enum(['hour', 'day']).default('day').describe('bucket of the sentiment timeline'),
  })
  .refine(fromNotAfterTo, fromNotAfterToError)
  .refine((q) => q.page * q.size <= MAX_RESULT_WINDOW, {
    message: `page × size must not pass ${MAX_RESULT_WINDOW.toLocaleString('en')}: narrow the search, or export it as CSV`,
    path: ['page'],
  });
export type MentionSearchQuery = z.infer<typeof MentionSearchQuery>;
export class MentionSearchQueryDto extends createZodDto(MentionSearchQuery) {}

/** The same filters as a search, plus how many rows at most. */
export const MentionExportQuery = z
  .object({ ...filters, limit: z.coerce.number().int().min(1).max(1_000_000).optional().describe('rows at most (capped by the server)') })
  .refine(fromNotAfterTo, fromNotAfterToError);
export type MentionExportQuery = z.infer<typeof MentionExportQuery>;
export type MentionFilters = Omit<MentionExportQuery, 'limit'>;
export class MentionExportQueryDto extends createZodDto(MentionExportQuery) {}

const Bucket = z.object({ key: z.string(), count: z.number().int().nonnegative() });
export type Bucket = z.infer<typeof Bucket>;
const TimelineBucket = z.object({ key: z.string(), negative: z.number().int(), neutral: z.number().int(), positive: z.number().int() });

/** A page of matches (PII already masked) with the aggregations over all of them. */
export const MentionSearchResult = z.object({
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  size: z.number().int(),
  /** `highlight`: fragments of text and title around the words searched for, HTML-escaped, matches in <em>. */
  hits: z.array(EnrichedMention.extend({ highlight: z.record(z.string(), z.array(z.string())).optional() })),
  aggregations: z.object({
    perDay: z.array(Bucket),
    perSource: z.array(Bucket),
    perSentiment: z.array(Bucket),
    perLanguage: z.array(Bucket),
    /** Per hour or day (the `interval`), split by sentiment label. */
    timeline: z.array(TimelineBucket),
    perChannel: z.array(Bucket),
    perCategory: z.array(Bucket),
    /** Mentions per watch (share of voice when competitors are watched); `_none` for mentions of no watch. */
    perWatch: z.array(Bucket),
    /** The most frequent words; over many posts, of a random sample, with estimated counts (see `topTermsSample`). */
    topTerms: z.array(Bucket),
    topTermsSample: TermSample,
    topPlaces: z.array(Bucket),
  }),
});
export type MentionSearchResult = z.infer<typeof MentionSearchResult>;
export class MentionSearchResultDto extends createZodDto(MentionSearchResult) {}
