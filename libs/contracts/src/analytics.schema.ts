import { z } from 'zod';
import { SeverityLevel } from './severity';
import { SlaTarget } from './ticket.schema';
import { RootCauseKind } from './complaint.schema';

/**
 * Ticket analytics (issue #17): the figures, the filters they are cut by, and what a figure's
 * drill-down answers. Every figure is an Elasticsearch aggregation over the fields the responder
 * keeps on tickets (ticket-analytics.schema.ts); docs/analytics.md defines each one.
 */

const Instant = z.iso.datetime({ offset: true });
const Names = z.array(z.string().min(1).max(200)).max(50);

/** What tickets can be cut by (and grouped by). */
export const AnalyticsDimension = z.enum(['level', 'team', 'category', 'channel', 'watch', 'rootCause']);
export type AnalyticsDimension = z.infer<typeof AnalyticsDimension>;

/**
 * A ticket's root cause as analytics counts it: the kind chosen from the plan's controlled list
 * when it was (last) resolved (`resolution.rootCause`), or `not_recorded` for a ticket without
 * one (resolved before root causes were indexed, or not resolved at all).
 */
export const NOT_RECORDED = 'not_recorded';
export const RootCauseValue = z.enum([...RootCauseKind.options, NOT_RECORDED]);
export type RootCauseValue = z.infer<typeof RootCauseValue>;

export const TrendInterval = z.enum(['day', 'week', 'month']);
export type TrendInterval = z.infer<typeof TrendInterval>;

/** A period [from, to) and the dimensions to keep; empty lists keep everything. */
export const AnalyticsFilter = z.object({
  from: Instant,
  to: Instant,
  /** Time zone of the trend's days, weeks and months. */
  tz: z.string().regex(/^[A-Za-z0-9_+\-/]{1,64}$/).default('UTC'),
  watch: Names.default([]),
  team: Names.default([]),
  level: z.array(SeverityLevel).max(4).default([]),
  category: Names.default([]),
  channel: Names.default([]),
  rootCause: z.array(RootCauseValue).max(RootCauseValue.options.length).default([]),
});
export type AnalyticsFilter = z.infer<typeof AnalyticsFilter>;

/** The ticket figures, each with the tickets behind it (see `KpiSlice`). */
export const TicketKpi = z.enum(['volume', 'acknowledge', 'firstResponse', 'handling', 'sla', 'fcr', 'csat', 'repeat', 'reopen', 'escalations', 'backlog', 'rootCause', 'precision']);
export type TicketKpi = z.infer<typeof TicketKpi>;

/** Median and 90th percentile (minutes) over `count` tickets; null when there are none. */
export const Percentiles = z.object({ count: z.number().int().nonnegative(), p50: z.number().nullable(), p90: z.number().nullable() });
export type Percentiles = z.infer<typeof Percentiles>;

/** `count` of `of` tickets; `rate` = count / of, null when `of` is 0. */
export const Ratio = z.object({ of: z.number().int().nonnegative(), count: z.number().int().nonnegative(), rate: z.number().nullable() });
export type Ratio = z.infer<typeof Ratio>;

export const KpiValues = z.object({
  /** Tickets opened in the period. */
  volume: z.number().int().nonnegative(),
  acknowledge: Percentiles,
  firstResponse: Percentiles,
  /** Tickets first resolved in the period. */
  handling: Percentiles,
  /** SLA targets met of those decided (met + breached), every target of the tickets opened in the period. */
  sla: Ratio,
  fcr: Ratio,
  reopen: Ratio,
  repeat: Ratio,
  /** Tickets with an escalation step fired; `steps` counts the steps. */
  escalations: Ratio.extend({ steps: z.number().int().nonnegative() }),
  /** Scores 4–5 of the scores recorded in the period; `average` of all of them (1–5). */
  csat: Ratio.extend({ average: z.number().nullable() }),
  /**
   * Team-judged alert precision (issue #14): of the tickets first resolved in the period that the
   * team judged a real incident or a false alarm, the real incidents (`other` and unjudged left out).
   */
  precision: Ratio,
});
export type KpiValues = z.infer<typeof KpiValues>;

export const SlaCell = z.object({
  level: SeverityLevel,
  target: SlaTarget,
  met: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  /** Opened in the period, target neither met nor breached yet. */
  pending: z.number().int().nonnegative(),
  rate: z.number().nullable(),
});
export type SlaCell = z.infer<typeof SlaCell>;

export const BacklogBucket = z.enum(['lt1h', 'h1to4', 'h4to24', 'd1to3', 'd3to7', 'gt7d']);
export type BacklogBucket = z.infer<typeof BacklogBucket>;

export const TicketKpiReport = z.object({
  filter: AnalyticsFilter,
  /** The period of the same length just before. */
  previous: z.object({ from: Instant, to: Instant }),
  current: KpiValues,
  previousValues: KpiValues,
  interval: TrendInterval,
  /** One point per interval of the period (bucket start), empty buckets included. */
  trend: z.array(KpiValues.extend({ key: Instant })),
  /** The same for the period before, point for point (the first of each is the same offset into its period). */
  previousTrend: z.array(KpiValues.extend({ key: Instant })),
  sla: z.array(SlaCell),
  /** Tickets open now by age since opening, per level; `asOf` is when it was counted. */
  backlog: z.object({ asOf: Instant, buckets: z.array(z.object({ bucket: BacklogBucket, total: z.number().int().nonnegative(), perLevel: z.record(SeverityLevel, z.number().int()) })) }),
  /** Per value of `groupBy` (first 30 by volume), when asked. */
  groupBy: AnalyticsDimension.optional(),
  groups: z.array(z.object({ key: z.string(), values: KpiValues })),
  /**
   * Tickets resolved in the period (their latest resolution, `resolvedAt`) by root cause, beside the
   * period before: every kind of the list in its order, `not_recorded` last; zeros included.
   */
  rootCauses: z.array(z.object({ key: RootCauseValue, count: z.number().int().nonnegative(), previous: z.number().int().nonnegative() })),
});
export type TicketKpiReport = z.infer<typeof TicketKpiReport>;

/**
 * Which tickets of a figure to list: `all` its population, or the part a rate counts (`met`/`breached`
 * for SLA, `yes`/`no` for the yes-or-no figures). For SLA, `target` picks one target; for backlog, `bucket`.
 */
export const KpiSlice = z.enum(['all', 'yes', 'no', 'met', 'breached', 'pending']);
export type KpiSlice = z.infer<typeof KpiSlice>;

export const TicketsBehindQuery = AnalyticsFilter.extend({
  kpi: TicketKpi,
  slice: KpiSlice.default('all'),
  target: SlaTarget.optional(),
  bucket: BacklogBucket.optional(),
  /** Limit to one value of a dimension (a group row or a chart bar). */
  dimension: AnalyticsDimension.optional(),
  value: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100).default(1),
  size: z.coerce.number().int().min(1).max(100).default(25),
});
export type TicketsBehindQuery = z.infer<typeof TicketsBehindQuery>;

/** One ticket behind a figure, with the value it contributes. */
export const TicketBehind = z.object({
  id: z.string(),
  title: z.string(),
  level: SeverityLevel,
  state: z.string(),
  openedAt: Instant,
  /** The figure's own value for this ticket (minutes, score, yes/no, outcome), as text-free data. */
  value: z.union([z.number(), z.boolean(), z.string()]).nullable(),
});
export type TicketBehind = z.infer<typeof TicketBehind>;

export const TicketsBehind = z.object({ total: z.number().int().nonnegative(), page: z.number().int(), size: z.number().int(), tickets: z.array(TicketBehind) });
export type TicketsBehind = z.infer<typeof TicketsBehind>;

// ---------------------------------------------------------------------------
// Posts: where complaints come from, the words they use, and the share of voice.

export const MentionAnalyticsFilter = z.object({
  from: Instant,
  to: Instant,
  watch: Names.default([]),
  category: Names.default([]),
  channel: Names.default([]),
});
export type MentionAnalyticsFilter = z.infer<typeof MentionAnalyticsFilter>;

export const PlaceCount = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type PlaceCount = z.infer<typeof PlaceCount>;

/** A place rolled up: a Chinese province (its cities inside) or an English country (its states or cities inside). */
export const RegionCount = z.object({
  name: z.string(),
  count: z.number().int().nonnegative(),
  parts: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })),
});
export type RegionCount = z.infer<typeof RegionCount>;

/**
 * Which posts top words were counted in (issue #19): every post (`probability` 1: counts exact), or a
 * random sample of about 10,000 of them (each post kept with `probability`; `posts` were read): the
 * words are the sample's most frequent and each count is its count in the sample ÷ `probability`, an
 * estimate (a word in 2 % of the posts is off by about 7 %). The same seed gives the same sample.
 */
export const TermSample = z.object({ probability: z.number().gt(0).lte(1), posts: z.number().int().nonnegative() });
export type TermSample = z.infer<typeof TermSample>;

export const HotWord = z.object({ term: z.string(), count: z.number().int().nonnegative(), previous: z.number().int().nonnegative() });
export type HotWord = z.infer<typeof HotWord>;

export const VoiceShare = z.object({
  watchId: z.string(),
  competitor: z.boolean(),
  total: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  positive: z.number().int().nonnegative(),
  /** total ÷ the posts of every watch listed (a post matching two watches counts for both). */
  share: z.number().nullable(),
});
export type VoiceShare = z.infer<typeof VoiceShare>;

export const MentionOverview = z.object({
  filter: MentionAnalyticsFilter,
  mentions: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  /** Negative posts by the places named in them, as found. */
  places: z.array(PlaceCount),
  /** The same rolled up: Chinese places by province, English places by country (US cities by state). */
  regions: z.object({ zh: z.array(RegionCount), en: z.array(RegionCount) }),
  /** Words of the period's negative posts, most frequent first, with their count in the period before. */
  hotWords: z.array(HotWord),
  /** The negative posts the hot words were counted in (all, or a random sample: see TermSample); the period before is sampled with the same probability, and a word's share of its language for `ubiquitous` is read from a sample of all posts the same way. */
  hotWordsSample: TermSample,
  /** Words left out of the hot words for being in more than half of the period's posts in their language (the brand's own name, usually). */
  ubiquitous: z.array(z.string()),
  shareOfVoice: z.array(VoiceShare),
});
export type MentionOverview = z.infer<typeof MentionOverview>;

/** The values each dimension takes on stored tickets, most frequent first (for filter lists). */
export const DimensionValues = z.record(AnalyticsDimension, z.array(z.string()));
export type DimensionValues = z.infer<typeof DimensionValues>;
