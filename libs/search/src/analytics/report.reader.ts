import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { SEVERITY_LEVELS, type AnalyticsFilter, type EnrichedMention, type SeverityLevel, type TicketDoc, type TicketEvent, type TrendInterval } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { mentionsIndex } from '../indices/mentions.index';
import { ticketEventsIndex } from '../indices/ticket-events.index';
import { ticketsIndex } from '../indices/tickets.index';
import { TOLERATE_MISSING, totalOf } from '../indices/stored-index';
import { mentionFilter } from './mention-analytics.reader';
import { dimensionFilter } from './ticket-kpis';

type Q = estypes.QueryDslQueryContainer;
type Bucket = { key: string | number; key_as_string?: string; doc_count: number } & Record<string, unknown>;
const bucketsOf = (a: unknown): Bucket[] => ((a as { buckets?: Bucket[] } | undefined)?.buckets ?? []);
const inPeriod = (field: string, f: { from: string; to: string }): Q => ({ range: { [field]: { gte: f.from, lt: f.to } } });
const SOURCE = ['id', 'title', 'level', 'peakLevel', 'state', 'openedAt', 'acknowledgedAt', 'firstResponseAt', 'resolvedAt', 'closedAt', 'reopenCount', 'evidence.signalCount', 'evidence.maxSize', 'analytics', 'satisfaction', 'review', 'resolution', 'clusterId'];
/** The events that tell how a ticket was handled (comments and checklist ticks left out). */
const HANDLING: TicketEvent['type'][] = ['opened', 'acknowledged', 'assigned', 'response_recorded', 'level_changed', 'escalation_fired', 'sla_breached', 'waiting_started', 'waiting_ended', 'remedy_proposed', 'remedy_decided', 'agreement_recorded', 'transitioned', 'resolved', 'reopened', 'merged_from', 'satisfaction_recorded', 'closed'];
const EVENTS_PER_TICKET = 12;

export type ReportTicket = Pick<TicketDoc, 'id' | 'title' | 'level' | 'peakLevel' | 'state' | 'openedAt' | 'acknowledgedAt' | 'firstResponseAt' | 'resolvedAt' | 'closedAt' | 'reopenCount' | 'analytics' | 'satisfaction' | 'review' | 'resolution' | 'clusterId'> & {
  evidence: { signalCount: number; maxSize: number };
};
export interface ReportTicketList {
  total: number;
  tickets: ReportTicket[];
}

/**
 * The lists a report shows beside its figures: the top incidents with how they were handled,
 * the tickets that breached an SLA target, the lessons of the reviews closed in the period, the
 * new tickets of a day, the satisfaction scores and the posts per day. Each list is one bounded
 * search (a page, never the whole period); counts come from the same search's total.
 */
@Injectable()
export class ReportReader {
  constructor(@Inject(SEARCH_CLIENT) private readonly search: SearchClient) {}

  private get tickets(): string {
    return ticketsIndex.name(this.search.options.indexPrefix);
  }

  private async ticketList(filter: Q[], sort: estypes.Sort, size: number, mustNot: Q[] = []): Promise<ReportTicketList> {
    const r = await this.search.es.search<ReportTicket>({
      ...TOLERATE_MISSING,
      index: this.tickets,
      size,
      track_total_hits: true,
      _source_includes: SOURCE,
      query: { bool: { filter, must_not: mustNot } },
      sort,
    });
    return { total: totalOf(r.hits.total), tickets: r.hits.hits.map((h) => h._source!) };
  }

  /**
   * The most serious incidents handled in the period: opened in it, or still open from before.
   * By the highest level reached, then by the largest cluster; one search per level until `size`.
   */
  async topIncidents(f: AnalyticsFilter, size: number): Promise<ReportTicketList> {
    const handled: Q = { bool: { should: [inPeriod('openedAt', f), { bool: { filter: [{ range: { openedAt: { lt: f.from } } }], must_not: [{ range: { 'analytics.firstResolvedAt': { lt: f.from } } }] } }], minimum_should_match: 1 } };
    const out: ReportTicket[] = [];
    let total = 0;
    for (const level of [...SEVERITY_LEVELS].reverse() as SeverityLevel[]) {
      const page = await this.ticketList([...dimensionFilter(f), handled, { range: { openedAt: { lt: f.to } } }, { term: { peakLevel: level } }], [{ 'evidence.maxSize': { order: 'desc', unmapped_type: 'long' } }, { openedAt: 'desc' }, { id: 'asc' }], Math.max(0, size - out.length) || 1);
      total += page.total;
      if (out.length < size) out.push(...page.tickets.slice(0, size - out.length));
    }
    return { total, tickets: out };
  }

  /** Tickets opened in the period with an SLA target breached (the SLA figure's breached part), newest first. */
  breached(f: AnalyticsFilter, size: number): Promise<ReportTicketList> {
    const any: Q = { bool: { should: ['acknowledge', 'firstResponse', 'resolve'].map((t) => ({ term: { [`analytics.sla.${t}`]: 'breached' } })), minimum_should_match: 1 } };
    return this.ticketList([...dimensionFilter(f), inPeriod('openedAt', f), any], [{ openedAt: 'desc' }, { id: 'asc' }], size);
  }

  /** Reviews (复盘) of the tickets closed in the period, newest first. */
  lessons(f: AnalyticsFilter, size: number): Promise<ReportTicketList> {
    return this.ticketList([...dimensionFilter(f), inPeriod('closedAt', f), { exists: { field: 'review.category' } }], [{ closedAt: { order: 'desc', unmapped_type: 'date' } }, { id: 'asc' }], size);
  }

  /** The tickets opened in the period, oldest first (the daily digest lists them). */
  opened(f: AnalyticsFilter, size: number): Promise<ReportTicketList> {
    return this.ticketList([...dimensionFilter(f), inPeriod('openedAt', f)], [{ openedAt: 'asc' }, { id: 'asc' }], size);
  }

  /** How these tickets were handled: their main events in time order, a few per ticket. */
  async handling(ticketIds: string[]): Promise<Map<string, TicketEvent[]>> {
    const out = new Map<string, TicketEvent[]>(ticketIds.map((id) => [id, []]));
    if (!ticketIds.length) return out;
    const r = await this.search.es.search<TicketEvent>({
      ...TOLERATE_MISSING,
      index: ticketEventsIndex.name(this.search.options.indexPrefix),
      size: Math.min(ticketIds.length * EVENTS_PER_TICKET * 2, 2000),
      query: { bool: { filter: [{ terms: { ticketId: ticketIds } }, { terms: { type: HANDLING } }] } },
      sort: [{ at: 'asc' }, { seq: 'asc' }],
    });
    for (const h of r.hits.hits) {
      const e = h._source!;
      const list = out.get(e.ticketId);
      if (list && list.length < EVENTS_PER_TICKET) list.push(e);
    }
    return out;
  }

  /** Satisfaction scores recorded in the period, per score 1–5. */
  async scores(f: AnalyticsFilter): Promise<Record<string, number>> {
    const r = await this.search.es.search({
      ...TOLERATE_MISSING,
      index: this.tickets,
      size: 0,
      query: { bool: { filter: [...dimensionFilter(f), inPeriod('satisfaction.at', f)] } },
      aggs: { s: { terms: { field: 'satisfaction.score', size: 5 } } },
    });
    const by = Object.fromEntries(bucketsOf((r.aggregations as Record<string, unknown> | undefined)?.s).map((b) => [String(b.key), b.doc_count]));
    return Object.fromEntries([1, 2, 3, 4, 5].map((s) => [String(s), by[String(s)] ?? 0]));
  }

  /** Posts per interval by sentiment (the trend beside the tickets'). */
  async mentionTrend(f: AnalyticsFilter, interval: TrendInterval): Promise<{ key: string; total: number; negative: number }[]> {
    const r = await this.search.es.search({
      ...TOLERATE_MISSING,
      index: mentionsIndex.name(this.search.options.indexPrefix),
      size: 0,
      query: { bool: { filter: mentionFilter(f, f) } },
      aggs: {
        t: {
          date_histogram: { field: 'publishedAt', calendar_interval: interval, time_zone: f.tz, min_doc_count: 0, format: "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", extended_bounds: { min: Date.parse(f.from), max: Date.parse(f.to) - 1 } },
          aggs: { neg: { filter: { term: { 'analysis.sentiment.label': 'negative' } } } },
        },
      },
    });
    return bucketsOf((r.aggregations as Record<string, unknown> | undefined)?.t).map((b) => ({ key: b.key_as_string ?? String(b.key), total: b.doc_count, negative: (b.neg as { doc_count: number }).doc_count }));
  }

  /** Watches with tickets or posts in the period (competitors left out: they get no report). */
  async activeWatches(period: { from: string; to: string }): Promise<string[]> {
    const [t, m] = await Promise.all([
      this.search.es.search({ ...TOLERATE_MISSING, index: this.tickets, size: 0, query: inPeriod('openedAt', period), aggs: { w: { terms: { field: 'analytics.watchIds', size: 50 } } } }),
      this.search.es.search({
        ...TOLERATE_MISSING,
        index: mentionsIndex.name(this.search.options.indexPrefix),
        size: 0,
        query: inPeriod('publishedAt', period),
        aggs: { w: { terms: { field: 'watches.id', size: 50 }, aggs: { sample: { top_hits: { size: 1, _source: { includes: ['watches'] } } } } } },
      }),
    ]);
    const own = bucketsOf((m.aggregations as Record<string, unknown> | undefined)?.w).filter((b) => {
      const hit = (b.sample as { hits?: { hits?: { _source?: Pick<EnrichedMention, 'watches'> }[] } }).hits?.hits?.[0]?._source;
      return !hit?.watches?.find((w) => w.id === String(b.key))?.competitor;
    });
    return [...new Set([...bucketsOf((t.aggregations as Record<string, unknown> | undefined)?.w), ...own].map((b) => String(b.key)))].sort();
  }
}
