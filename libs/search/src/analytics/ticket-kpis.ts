import type { estypes } from '@elastic/elasticsearch';
import {
  NOT_RECORDED,
  RootCauseValue,
  SEVERITY_LEVELS,
  SlaTarget,
  type AnalyticsDimension,
  type AnalyticsFilter,
  type BacklogBucket,
  type KpiValues,
  type Percentiles,
  type Ratio,
  type SeverityLevel,
  type SlaCell,
  type TicketKpi,
  type TicketsBehindQuery,
  type TrendInterval,
} from '@vigil/contracts';

/**
 * The ticket figures as Elasticsearch queries: one place that says, for each figure, which
 * tickets it counts (its population, by its own date field) and which of them its rate counts.
 * The same definitions build the aggregations and the drill-down lists, so a figure and the
 * tickets behind it cannot disagree. No scripts: terms, ranges, percentiles, sums and averages
 * over the keyword, number and date fields the responder stores (docs/analytics.md).
 */

type Q = estypes.QueryDslQueryContainer;
type Aggs = Record<string, estypes.AggregationsAggregationContainer>;
export interface Period {
  from: string;
  to: string;
}

export const DIMENSION_FIELD: Record<AnalyticsDimension, string> = {
  level: 'level',
  team: 'analytics.teams',
  category: 'analytics.categories',
  channel: 'analytics.channels',
  watch: 'analytics.watchIds',
  rootCause: 'resolution.rootCause',
};

export const SLA_TARGETS = SlaTarget.options;
const ACTIVE = ['open', 'acknowledged', 'investigating', 'responding'];

/** The date each figure is counted by: opening, first resolution, or when the score was recorded. */
export const KPI_DATE: Record<Exclude<TicketKpi, 'backlog'>, 'openedAt' | 'analytics.firstResolvedAt' | 'satisfaction.at' | 'resolvedAt'> = {
  volume: 'openedAt',
  acknowledge: 'openedAt',
  firstResponse: 'openedAt',
  sla: 'openedAt',
  repeat: 'openedAt',
  escalations: 'openedAt',
  handling: 'analytics.firstResolvedAt',
  fcr: 'analytics.firstResolvedAt',
  reopen: 'analytics.firstResolvedAt',
  csat: 'satisfaction.at',
  // The latest resolution: a reopened ticket loses its root cause until it is resolved again.
  rootCause: 'resolvedAt',
  precision: 'analytics.firstResolvedAt',
};

/** Tickets the team judged a real incident or a false alarm (issue #14): the alert-precision population, and its real incidents. */
const JUDGED: Q = { terms: { 'outcome.value': ['incident', 'false_alarm'] } };
const REAL: Q = { term: { 'outcome.value': 'incident' } };

const inPeriod = (field: string, p: Period): Q => ({ range: { [field]: { gte: p.from, lt: p.to } } });
const exists = (field: string): Q => ({ exists: { field } });

/** Tickets with one of these values of a dimension; for root cause, `not_recorded` is a ticket without one. */
export function valuesFilter(dim: AnalyticsDimension, values: readonly string[]): Q {
  const field = DIMENSION_FIELD[dim];
  const named = values.filter((v) => dim !== 'rootCause' || v !== NOT_RECORDED);
  if (named.length === values.length) return { terms: { [field]: [...values] } };
  const should: Q[] = [{ bool: { must_not: [exists(field)] } }];
  if (named.length) should.push({ terms: { [field]: named } });
  return { bool: { should, minimum_should_match: 1 } };
}

/** The dimension filters every figure shares; merged tickets are left out (the ticket they joined counts). */
export function dimensionFilter(f: Pick<AnalyticsFilter, AnalyticsDimension>): Q[] {
  const out: Q[] = [{ bool: { must_not: [{ term: { state: 'merged' } }] } }];
  for (const dim of Object.keys(DIMENSION_FIELD) as AnalyticsDimension[]) {
    const values = f[dim] ?? [];
    if (values.length) out.push(valuesFilter(dim, values));
  }
  return out;
}

/** The tickets a figure is computed over in a period, and the ones its rate counts (`yes`). */
export function population(kpi: Exclude<TicketKpi, 'backlog'>, p: Period): { all: Q[]; yes?: Q; value?: string } {
  const when = inPeriod(KPI_DATE[kpi], p);
  switch (kpi) {
    case 'volume':
      return { all: [when] };
    case 'acknowledge':
      return { all: [when, exists('analytics.ackMinutes')], value: 'analytics.ackMinutes' };
    case 'firstResponse':
      return { all: [when, exists('analytics.firstResponseMinutes')], value: 'analytics.firstResponseMinutes' };
    case 'handling':
      return { all: [when, exists('analytics.handlingMinutes')], value: 'analytics.handlingMinutes' };
    case 'sla':
      return { all: [when] };
    case 'fcr':
      return { all: [when], yes: { term: { 'analytics.fcr': true } }, value: 'analytics.fcr' };
    case 'reopen':
      return { all: [when], yes: { range: { reopenCount: { gt: 0 } } }, value: 'reopenCount' };
    case 'repeat':
      return { all: [when], yes: { term: { 'analytics.repeat': true } }, value: 'analytics.repeat' };
    case 'escalations':
      return { all: [when], yes: { range: { 'analytics.escalations': { gt: 0 } } }, value: 'analytics.escalations' };
    case 'csat':
      return { all: [when, exists('satisfaction.score')], yes: { range: { 'satisfaction.score': { gte: 4 } } }, value: 'satisfaction.score' };
    case 'rootCause':
      return { all: [when], value: 'resolution.rootCause' };
    case 'precision':
      return { all: [when, JUDGED], yes: REAL, value: 'outcome.value' };
  }
}

const pct = (field: string): Aggs => ({
  [`${field}#n`]: { value_count: { field } },
  [`${field}#p`]: { percentiles: { field, percents: [50, 90] } },
});

/** Aggregations of the figures counted by opening date, over tickets already in that population. */
const openedAggs = (): Aggs => ({
  ...pct('analytics.ackMinutes'),
  ...pct('analytics.firstResponseMinutes'),
  ...Object.fromEntries(SLA_TARGETS.map((t) => [`sla#${t}`, { terms: { field: `analytics.sla.${t}`, size: 2 } }])),
  repeat: { filter: population('repeat', ALL).yes! },
  escalated: { filter: population('escalations', ALL).yes! },
  steps: { sum: { field: 'analytics.escalations' } },
});
const resolvedAggs = (): Aggs => ({
  ...pct('analytics.handlingMinutes'),
  fcr: { filter: population('fcr', ALL).yes! },
  reopened: { filter: population('reopen', ALL).yes! },
  judged: { filter: JUDGED, aggs: { real: { filter: REAL } } },
});
const ratedAggs = (): Aggs => ({ score: { avg: { field: 'satisfaction.score' } }, satisfied: { filter: population('csat', ALL).yes! } });
const ALL: Period = { from: '1970-01-01T00:00:00.000Z', to: '9999-12-31T00:00:00.000Z' };

/** Every figure of one period, as three filter aggregations (one per date field). */
export function periodAggs(p: Period): Aggs {
  return {
    opened: { filter: inPeriod('openedAt', p), aggs: openedAggs() },
    resolved: { filter: inPeriod('analytics.firstResolvedAt', p), aggs: resolvedAggs() },
    rated: { filter: { bool: { filter: [inPeriod('satisfaction.at', p), exists('satisfaction.score')] } }, aggs: ratedAggs() },
  };
}

const ISO_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

/** The period's figures per interval: one histogram per date field, merged by bucket when read. */
export function trendAggs(p: Period, interval: TrendInterval, tz: string, prefix = 'trend'): Aggs {
  const hist = (field: string, aggs: Aggs): estypes.AggregationsAggregationContainer => ({
    filter: inPeriod(field, p),
    aggs: {
      t: {
        date_histogram: { field, calendar_interval: interval, time_zone: tz, min_doc_count: 0, format: ISO_FORMAT, extended_bounds: { min: Date.parse(p.from), max: Date.parse(p.to) - 1 } },
        aggs,
      },
    },
  });
  return {
    [`${prefix}#opened`]: hist('openedAt', openedAggs()),
    [`${prefix}#resolved`]: hist('analytics.firstResolvedAt', resolvedAggs()),
    [`${prefix}#rated`]: hist('satisfaction.at', ratedAggs()),
  };
}

/** SLA outcomes per level and target over the tickets opened in the period. */
export function slaAggs(p: Period): Aggs {
  const perTarget = Object.fromEntries(SLA_TARGETS.map((t) => [t, { terms: { field: `analytics.sla.${t}`, size: 2 } }]));
  return { 'sla#levels': { filter: inPeriod('openedAt', p), aggs: { lv: { terms: { field: 'level', size: SEVERITY_LEVELS.length }, aggs: perTarget } } } };
}

/** Tickets resolved in the period by root cause (`not_recorded` for those without one). */
export function rootCauseAggs(p: Period, name: string): Aggs {
  return { [name]: { filter: inPeriod(KPI_DATE.rootCause, p), aggs: { c: { terms: { field: DIMENSION_FIELD.rootCause, missing: NOT_RECORDED, size: RootCauseValue.options.length } } } } };
}

export const BACKLOG_EDGES: [BacklogBucket, number | undefined, number | undefined][] = [
  // [bucket, at least … hours old, younger than … hours]
  ['lt1h', 0, 1],
  ['h1to4', 1, 4],
  ['h4to24', 4, 24],
  ['d1to3', 24, 72],
  ['d3to7', 72, 168],
  ['gt7d', 168, undefined],
];
const HOUR = 3_600_000;
const ageRange = (asOf: Date, minHours: number | undefined, maxHours: number | undefined) => ({
  ...(maxHours !== undefined ? { gt: new Date(asOf.getTime() - maxHours * HOUR).toISOString() } : {}),
  ...(minHours !== undefined ? { lte: new Date(asOf.getTime() - minHours * HOUR).toISOString() } : {}),
});

/** Open tickets by age at `asOf`, per level (the period does not apply: it is the backlog now). */
export function backlogAggs(asOf: Date): Aggs {
  const filters = Object.fromEntries(BACKLOG_EDGES.map(([key, min, max]) => [key, { range: { openedAt: ageRange(asOf, min, max) } }]));
  return {
    backlog: {
      filter: { bool: { filter: [{ terms: { state: ACTIVE } }, { range: { openedAt: { lte: asOf.toISOString() } } }] } },
      aggs: { age: { filters: { filters }, aggs: { lv: { terms: { field: 'level', size: SEVERITY_LEVELS.length } } } } },
    },
  };
}

export function backlogQuery(asOf: Date, bucket?: BacklogBucket): Q[] {
  const out: Q[] = [{ terms: { state: ACTIVE } }, { range: { openedAt: { lte: asOf.toISOString() } } }];
  const edge = BACKLOG_EDGES.find(([key]) => key === bucket);
  if (edge) out.push({ range: { openedAt: ageRange(asOf, edge[1], edge[2]) } });
  return out;
}

/**
 * The tickets some figure of a report over `span` (the period and the one before) can count: dated
 * within it by one of the figures' date fields, or in the backlog at `asOf`. Every figure is a filter
 * inside the search, so narrowing the search to these changes none of them; it spares the
 * aggregations every older ticket (about half the time of a 30-day report over 50,000 tickets, #19).
 */
export function kpiScope(span: Period, asOf: Date): Q {
  const fields = [...new Set(Object.values(KPI_DATE))];
  return { bool: { should: [...fields.map((f) => inPeriod(f, span)), { bool: { filter: backlogQuery(asOf) } }], minimum_should_match: 1 } };
}

/** Tickets that count in the period at all (for ranking groups by activity). */
export const activeInPeriod = (p: Period): Q => ({
  bool: { should: [inPeriod('openedAt', p), inPeriod('analytics.firstResolvedAt', p), inPeriod('satisfaction.at', p)], minimum_should_match: 1 },
});

/** The query listing the tickets behind one figure (and one slice of it). */
export function behindQuery(q: TicketsBehindQuery, asOf: Date): { filter: Q[]; mustNot: Q[]; sort: estypes.Sort; value?: string } {
  const filter = dimensionFilter(q);
  const mustNot: Q[] = [];
  if (q.dimension && q.value !== undefined) filter.push(valuesFilter(q.dimension, [q.value]));
  const newest: estypes.Sort = [{ openedAt: 'desc' }, { id: 'asc' }];
  if (q.kpi === 'backlog') return { filter: [...filter, ...backlogQuery(asOf, q.bucket)], mustNot, sort: [{ openedAt: 'asc' }, { id: 'asc' }] };
  const pop = population(q.kpi, q);
  filter.push(...pop.all);
  if (q.kpi === 'sla') {
    const targets = q.target ? [q.target] : SLA_TARGETS;
    const outcome = (o: string): Q => ({ bool: { should: targets.map((t) => ({ term: { [`analytics.sla.${t}`]: o } })), minimum_should_match: 1 } });
    if (q.slice === 'met' || q.slice === 'breached') filter.push(outcome(q.slice));
    if (q.slice === 'pending') for (const t of targets) mustNot.push(exists(`analytics.sla.${t}`));
    return { filter, mustNot, sort: newest, value: q.target ? `analytics.sla.${q.target}` : undefined };
  }
  if (pop.yes && q.slice === 'yes') filter.push(pop.yes);
  if (pop.yes && q.slice === 'no') mustNot.push(pop.yes);
  // Durations: the slowest first, the ones to look at.
  const sort: estypes.Sort = pop.value && !pop.yes && q.kpi !== 'rootCause' ? [{ [pop.value]: 'desc' }, { id: 'asc' }] : newest;
  return { filter, mustNot, sort, value: pop.value };
}

// ---------------------------------------------------------------------------
// Reading the answers.

type Agg = Record<string, unknown> & { doc_count?: number };
const sub = (a: Agg | undefined, name: string) => a?.[name] as Agg | undefined;
const round = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 100) / 100);
export const ratio = (count: number, of: number): Ratio => ({ of, count, rate: of ? Math.round((count / of) * 10_000) / 10_000 : null });
const buckets = (a: Agg | undefined) => ((a?.buckets as ({ key: string | number; key_as_string?: string; doc_count: number } & Agg)[]) ?? []);

function percentiles(a: Agg | undefined, field: string): Percentiles {
  const count = (sub(a, `${field}#n`)?.value as number) ?? 0;
  const values = (sub(a, `${field}#p`)?.values ?? {}) as Record<string, number | null>;
  return { count, p50: count ? round(values['50.0']) : null, p90: count ? round(values['90.0']) : null };
}

/** Met and breached per SLA target, from `sla#<target>` terms under one aggregation. */
function slaCounts(a: Agg | undefined, name: (t: SlaTarget) => string) {
  return SLA_TARGETS.map((t) => {
    const by = Object.fromEntries(buckets(sub(a, name(t))).map((b) => [String(b.key), b.doc_count]));
    return { target: t, met: by.met ?? 0, breached: by.breached ?? 0 };
  });
}

/** KpiValues from the three aggregations of a period (or of one trend bucket). */
export function readValues(opened: Agg | undefined, resolved: Agg | undefined, rated: Agg | undefined): KpiValues {
  const volume = opened?.doc_count ?? 0;
  const sla = slaCounts(opened, (t) => `sla#${t}`);
  const met = sla.reduce((s, x) => s + x.met, 0);
  const decided = sla.reduce((s, x) => s + x.met + x.breached, 0);
  const resolvedCount = resolved?.doc_count ?? 0;
  const ratedCount = rated?.doc_count ?? 0;
  return {
    volume,
    acknowledge: percentiles(opened, 'analytics.ackMinutes'),
    firstResponse: percentiles(opened, 'analytics.firstResponseMinutes'),
    handling: percentiles(resolved, 'analytics.handlingMinutes'),
    sla: ratio(met, decided),
    fcr: ratio(sub(resolved, 'fcr')?.doc_count ?? 0, resolvedCount),
    reopen: ratio(sub(resolved, 'reopened')?.doc_count ?? 0, resolvedCount),
    repeat: ratio(sub(opened, 'repeat')?.doc_count ?? 0, volume),
    escalations: { ...ratio(sub(opened, 'escalated')?.doc_count ?? 0, volume), steps: Math.round((sub(opened, 'steps')?.value as number) ?? 0) },
    csat: { ...ratio(sub(rated, 'satisfied')?.doc_count ?? 0, ratedCount), average: ratedCount ? round(sub(rated, 'score')?.value as number) : null },
    precision: ratio(sub(sub(resolved, 'judged'), 'real')?.doc_count ?? 0, sub(resolved, 'judged')?.doc_count ?? 0),
  };
}

export function readPeriod(a: Agg | undefined): KpiValues {
  return readValues(sub(a, 'opened'), sub(a, 'resolved'), sub(a, 'rated'));
}

/** One KpiValues per interval, merged from the three histograms by bucket start. */
export function readTrend(aggs: Agg | undefined, prefix = 'trend'): (KpiValues & { key: string })[] {
  const by = (name: string) => new Map(buckets(sub(sub(aggs, `${prefix}#${name}`), 't')).map((b) => [Number(b.key), b]));
  const opened = by('opened');
  const resolved = by('resolved');
  const rated = by('rated');
  const keys = [...new Set([...opened.keys(), ...resolved.keys(), ...rated.keys()])].sort((a, b) => a - b);
  return keys.map((k) => {
    const any = opened.get(k) ?? resolved.get(k) ?? rated.get(k)!;
    return { key: any.key_as_string ?? new Date(k).toISOString(), ...readValues(opened.get(k), resolved.get(k), rated.get(k)) };
  });
}

export function readSla(aggs: Agg | undefined): SlaCell[] {
  const levels = new Map(buckets(sub(sub(aggs, 'sla#levels'), 'lv')).map((b) => [String(b.key), b]));
  return SEVERITY_LEVELS.flatMap((level) =>
    slaCounts(levels.get(level), (t) => t).map(({ target, met, breached }) => {
      const total = levels.get(level)?.doc_count ?? 0;
      return { level, target, met, breached, pending: total - met - breached, rate: ratio(met, met + breached).rate };
    }),
  );
}

export function readBacklog(aggs: Agg | undefined) {
  const age = sub(sub(aggs, 'backlog'), 'age')?.buckets as Record<string, Agg> | undefined;
  return BACKLOG_EDGES.map(([bucket]) => {
    const b = age?.[bucket];
    const perLevel = Object.fromEntries(SEVERITY_LEVELS.map((l) => [l, 0])) as Record<SeverityLevel, number>;
    for (const x of buckets(sub(b, 'lv'))) perLevel[String(x.key) as SeverityLevel] = x.doc_count;
    return { bucket, total: b?.doc_count ?? 0, perLevel };
  });
}

export function readGroups(aggs: Agg | undefined): { key: string; values: KpiValues }[] {
  return buckets(sub(sub(aggs, 'groups'), 'g')).map((b) => ({ key: String(b.key), values: readPeriod(b) }));
}

/** Every root cause in the list's order with its count now and in the period before, zeros included. */
export function readRootCauses(aggs: Agg | undefined, current: string, previous: string): { key: RootCauseValue; count: number; previous: number }[] {
  const counts = (name: string) => new Map(buckets(sub(sub(aggs, name), 'c')).map((b) => [String(b.key), b.doc_count]));
  const now = counts(current);
  const before = counts(previous);
  return RootCauseValue.options.map((key) => ({ key, count: now.get(key) ?? 0, previous: before.get(key) ?? 0 }));
}

/** The trend interval for a period when none is asked: days up to ~2 months, then weeks, then months. */
export function defaultInterval(p: Period): TrendInterval {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  const len = Date.parse(p.to) - Date.parse(p.from);
  return { from: new Date(Date.parse(p.from) - len).toISOString(), to: p.from };
}
