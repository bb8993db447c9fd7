import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { NOT_RECORDED, RootCauseValue, type AnalyticsDimension, type AnalyticsFilter, type TicketDoc, type TicketKpiReport, type TicketsBehind, type TicketsBehindQuery, type TrendInterval } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { ticketsIndex } from '../indices/tickets.index';
import { TOLERATE_MISSING, totalOf } from '../indices/stored-index';
import {
  activeInPeriod,
  backlogAggs,
  behindQuery,
  defaultInterval,
  DIMENSION_FIELD,
  dimensionFilter,
  kpiScope,
  periodAggs,
  previousPeriod,
  readBacklog,
  readGroups,
  readPeriod,
  readSla,
  readRootCauses,
  readTrend,
  rootCauseAggs,
  slaAggs,
  SLA_TARGETS,
  trendAggs,
} from './ticket-kpis';

export interface KpiOptions {
  groupBy?: AnalyticsDimension;
  interval?: TrendInterval;
  /** When the backlog is counted (the caller's clock). */
  asOf: Date;
}

const GROUPS = 30;

/**
 * The ticket figures (issue #17), read-only, over the tickets the responder writes. One
 * search per report: the period, the period before, the trend, SLA per level and target,
 * the backlog and the groups are aggregations of the same request. The api, the reporter,
 * the cli and `npm run bench:query` call these methods.
 */
@Injectable()
export class TicketAnalyticsReader {
  constructor(@Inject(SEARCH_CLIENT) private readonly search: SearchClient) {}

  private get index(): string {
    return ticketsIndex.name(this.search.options.indexPrefix);
  }

  async kpis(filter: AnalyticsFilter, opts: KpiOptions): Promise<TicketKpiReport> {
    const period = { from: filter.from, to: filter.to };
    const previous = previousPeriod(period);
    const interval = opts.interval ?? defaultInterval(period);
    const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
      current: { filter: { match_all: {} }, aggs: periodAggs(period) },
      previous: { filter: { match_all: {} }, aggs: periodAggs(previous) },
      ...trendAggs(period, interval, filter.tz),
      ...trendAggs(previous, interval, filter.tz, 'before'),
      ...slaAggs(period),
      ...backlogAggs(opts.asOf),
      ...rootCauseAggs(period, 'rootCause#now'),
      ...rootCauseAggs(previous, 'rootCause#before'),
    };
    if (opts.groupBy) {
      aggs.groups = { filter: activeInPeriod(period), aggs: { g: { terms: { field: DIMENSION_FIELD[opts.groupBy], size: GROUPS, ...(opts.groupBy === 'rootCause' ? { missing: NOT_RECORDED } : {}) }, aggs: periodAggs(period) } } };
    }
    const res = await this.search.es.search({ ...TOLERATE_MISSING, index: this.index, size: 0, query: { bool: { filter: [...dimensionFilter(filter), kpiScope({ from: previous.from, to: period.to }, opts.asOf)] } }, aggs });
    const a = res.aggregations as Record<string, unknown> | undefined;
    return {
      filter,
      previous,
      current: readPeriod(a?.current as never),
      previousValues: readPeriod(a?.previous as never),
      interval,
      trend: readTrend(a as never),
      previousTrend: readTrend(a as never, 'before'),
      sla: readSla(a as never),
      backlog: { asOf: opts.asOf.toISOString(), buckets: readBacklog(a as never) },
      ...(opts.groupBy ? { groupBy: opts.groupBy } : {}),
      groups: opts.groupBy ? readGroups(a as never) : [],
      rootCauses: readRootCauses(a as never, 'rootCause#now', 'rootCause#before'),
    };
  }

  /** The values each dimension takes on stored tickets (for filter lists), most frequent first. */
  async dimensionValues(): Promise<Record<AnalyticsDimension, string[]>> {
    const dims = Object.keys(DIMENSION_FIELD) as AnalyticsDimension[];
    const res = await this.search.es.search({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 0,
      aggs: Object.fromEntries(dims.map((d) => [d, { terms: { field: DIMENSION_FIELD[d], size: 100 } }])),
    });
    const a = res.aggregations as Record<string, { buckets?: { key: string }[] }> | undefined;
    const stored = Object.fromEntries(dims.map((d) => [d, (a?.[d]?.buckets ?? []).map((b) => String(b.key))])) as Record<AnalyticsDimension, string[]>;
    // Root causes come from a fixed list: offer every kind (and "not recorded"), stored or not yet.
    return { ...stored, rootCause: [...RootCauseValue.options] };
  }

  /** The tickets a figure counts (or one slice of it), a page at a time, with each one's value. */
  async ticketsBehind(q: TicketsBehindQuery, asOf: Date): Promise<TicketsBehind> {
    const { filter, mustNot, sort, value } = behindQuery(q, asOf);
    const res = await this.search.es.search<TicketDoc>({
      ...TOLERATE_MISSING,
      index: this.index,
      from: (q.page - 1) * q.size,
      size: q.size,
      track_total_hits: true,
      _source_includes: ['id', 'title', 'level', 'state', 'openedAt', 'reopenCount', 'analytics', 'satisfaction', 'resolution.rootCause'],
      query: { bool: { filter, must_not: mustNot } },
      sort,
    });
    const now = asOf.getTime();
    return {
      total: totalOf(res.hits.total),
      page: q.page,
      size: q.size,
      tickets: res.hits.hits.map((h) => {
        const t = h._source!;
        const v = q.kpi === 'backlog' ? Math.round((now - Date.parse(t.openedAt)) / 60_000) : value ? pick(t, value) : q.kpi === 'sla' ? slaTargets(t, q.slice) : null;
        return { id: t.id, title: t.title, level: t.level, state: t.state, openedAt: t.openedAt, value: v ?? null };
      }),
    };
  }
}

/** For SLA without one target: the targets with the slice's outcome (all outcomes for `all`), `acknowledge:breached,…`. */
function slaTargets(t: TicketDoc, slice: string): string {
  const sla = t.analytics?.sla ?? {};
  return SLA_TARGETS.flatMap((target) => {
    const outcome = sla[target] ?? 'pending';
    return slice === 'all' || slice === outcome ? [`${target}:${outcome}`] : [];
  }).join(',');
}

function pick(doc: unknown, path: string): number | boolean | string | undefined {
  let v: unknown = doc;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : undefined;
}
