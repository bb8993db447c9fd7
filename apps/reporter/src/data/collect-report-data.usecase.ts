import { Injectable } from '@nestjs/common';
import { rollUpPlaces } from '@vigil/analysis';
import { ALL_WATCHES, type AnalyticsFilter, type ReportKind, type ReportLanguage, type TrendInterval } from '@vigil/contracts';
import { MentionAnalyticsReader, ReportReader, TicketAnalyticsReader } from '@vigil/search';
import type { ReportData } from './report-data';
import { LIST_SIZES } from './report-data';

const TREND: Record<ReportKind, TrendInterval> = { daily: 'day', weekly: 'day', monthly: 'day' };

export interface ReportRequest {
  kind: ReportKind;
  watch: string;
  language: ReportLanguage;
  from: string;
  to: string;
  label: string;
  timeZone: string;
  planName: string;
}

/**
 * Gathers a report's figures and lists through the analytics readers: aggregations for every
 * figure and trend, bounded pages for the lists, so a month over many thousands of tickets
 * costs a handful of searches and never loads the period whole.
 */
@Injectable()
export class CollectReportDataUseCase {
  constructor(
    private readonly tickets: TicketAnalyticsReader,
    private readonly mentions: MentionAnalyticsReader,
    private readonly lists: ReportReader,
  ) {}

  async execute(r: ReportRequest, now: Date): Promise<ReportData> {
    const watch = r.watch === ALL_WATCHES ? [] : [r.watch];
    const f: AnalyticsFilter = { from: r.from, to: r.to, tz: r.timeZone, watch, team: [], level: [], category: [], channel: [], rootCause: [] };
    const [kpis, overview, mentionTrend, top, breached, lessons, opened, scores] = await Promise.all([
      this.tickets.kpis(f, { asOf: now, groupBy: 'category', interval: TREND[r.kind] }),
      this.mentions.overview({ from: r.from, to: r.to, watch, category: [], channel: [] }),
      this.lists.mentionTrend(f, TREND[r.kind]),
      this.lists.topIncidents(f, LIST_SIZES.top),
      this.lists.breached(f, LIST_SIZES.breached),
      this.lists.lessons(f, LIST_SIZES.lessons),
      r.kind === 'daily' ? this.lists.opened(f, LIST_SIZES.opened) : Promise.resolve({ total: 0, tickets: [] }),
      this.lists.scores(f),
    ]);
    const events = await this.lists.handling(top.tickets.map((t) => t.id));
    return {
      kind: r.kind,
      watch: r.watch,
      language: r.language,
      label: r.label,
      planName: r.planName,
      period: { from: r.from, to: r.to, timeZone: r.timeZone },
      generatedAt: now.toISOString(),
      kpis,
      mentions: { ...overview, regions: rollUpPlaces(overview.places) },
      mentionTrend,
      top: { total: top.total, items: top.tickets.map((t) => ({ ...t, events: events.get(t.id) ?? [] })) },
      breached,
      lessons,
      opened,
      scores,
    };
  }
}
