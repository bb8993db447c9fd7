import type { MentionOverview, ReportHeadline, ReportKind, ReportLanguage, TicketEvent, TicketKpiReport } from '@vigil/contracts';
import type { ReportTicket, ReportTicketList } from '@vigil/search';

/** Everything one report shows, gathered before rendering (the renderer does no I/O). */
export interface ReportData {
  kind: ReportKind;
  /** A watch id, or `_all`. */
  watch: string;
  language: ReportLanguage;
  label: string;
  planName: string;
  period: { from: string; to: string; timeZone: string };
  generatedAt: string;
  kpis: TicketKpiReport;
  mentions: MentionOverview;
  mentionTrend: { key: string; total: number; negative: number }[];
  top: { total: number; items: (ReportTicket & { events: TicketEvent[] })[] };
  breached: ReportTicketList;
  lessons: ReportTicketList;
  /** The daily digest's list of every new ticket (a page of it). */
  opened: ReportTicketList;
  scores: Record<string, number>;
}

/** Lists are pages: a report names how many there were and shows the first ones. */
export const LIST_SIZES = { top: 10, breached: 50, lessons: 30, opened: 50 } as const;

/** A period with neither tickets nor posts (nothing opened, resolved, rated, breached or said). */
export function isEmpty(d: ReportData): boolean {
  const k = d.kpis.current;
  return k.volume === 0 && k.handling.count === 0 && k.csat.of === 0 && d.mentions.mentions === 0 && d.top.total === 0 && d.lessons.total === 0;
}

export function headline(d: ReportData): ReportHeadline {
  return {
    tickets: d.kpis.current.volume,
    mentions: d.mentions.mentions,
    negative: d.mentions.negative,
    slaRate: d.kpis.current.sla.rate,
    csat: d.kpis.current.csat.rate,
    breaches: d.breached.total,
  };
}
