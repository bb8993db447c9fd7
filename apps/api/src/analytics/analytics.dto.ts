import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { isTimeZone } from '@vigil/plan';
import {
  AnalyticsDimension,
  BacklogBucket,
  DimensionValues,
  KpiSlice,
  MentionOverview,
  RootCauseValue,
  SeverityLevel,
  SlaTarget,
  TicketKpi,
  TicketKpiReport,
  TicketsBehind,
  TrendInterval,
} from '@vigil/contracts';

/** `a,b` or the parameter repeated, to a list. */
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(item).max(50))
    .describe('comma-separated, or the parameter repeated');
const name = z.string().max(200);
const DAY = 86_400_000;
const MAX_DAYS = 3 * 366;
const MAX_BUCKETS = 400;


/** The period and the ticket dimensions; the last 7 days when no period is given. */
const period = {
  from: z.iso.datetime({ offset: true }).default(() => new Date(Date.now() - 7 * DAY).toISOString()).describe('start, inclusive (ISO date-time); default 7 days ago'),
  to: z.iso.datetime({ offset: true }).default(() => new Date().toISOString()).describe('end, exclusive (ISO date-time); default now'),
};
const tz = z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai').default('UTC').describe('time zone of the trend’s days, weeks and months');
const dims = { watch: csv(name), team: csv(name), level: csv(SeverityLevel), category: csv(name), channel: csv(name), rootCause: csv(RootCauseValue) };

const periodChecks = <T extends z.ZodType<{ from: string; to: string; interval?: z.infer<typeof TrendInterval> }>>(schema: T) =>
  schema
    .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: '`from` must be before `to`', path: ['from'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_DAYS * DAY, { message: `a period of at most ${MAX_DAYS} days`, path: ['to'] })
    .refine((q) => !q.interval || (Date.parse(q.to) - Date.parse(q.from)) / { day: DAY, week: 7 * DAY, month: 28 * DAY }[q.interval] <= MAX_BUCKETS, {
      message: `at most ${MAX_BUCKETS} trend points: choose a longer interval`,
      path: ['interval'],
    });

export const TicketKpiQuery = periodChecks(
  z.object({ ...period, tz, ...dims, groupBy: AnalyticsDimension.optional(), interval: TrendInterval.optional().describe('trend buckets; by default days up to 2 months, then weeks, then months') }),
);
export type TicketKpiQuery = z.infer<typeof TicketKpiQuery>;
export class TicketKpiQueryDto extends createZodDto(TicketKpiQuery) {}
export class TicketKpiReportDto extends createZodDto(TicketKpiReport) {}

export const TicketsBehindQuery = periodChecks(
  z.object({
    ...period,
    tz,
    ...dims,
    kpi: TicketKpi,
    slice: KpiSlice.default('all'),
    target: SlaTarget.optional(),
    bucket: BacklogBucket.optional(),
    dimension: AnalyticsDimension.optional(),
    value: name.optional(),
    page: z.coerce.number().int().min(1).max(100).default(1),
    size: z.coerce.number().int().min(1).max(100).default(25),
  }),
);
export class TicketsBehindQueryDto extends createZodDto(TicketsBehindQuery) {}
export class TicketsBehindDto extends createZodDto(TicketsBehind) {}

export const MentionOverviewQuery = periodChecks(z.object({ ...period, watch: csv(name), category: csv(name), channel: csv(name) }));
export class MentionOverviewQueryDto extends createZodDto(MentionOverviewQuery) {}
export class MentionOverviewDto extends createZodDto(MentionOverview) {}

export class DimensionValuesDto extends createZodDto(DimensionValues) {}
