/**
 * Readers that aggregate across stored documents for analytics and reports (issue #17). They
 * read only; SearchModule gives them to every app, like the document readers of `indices/`.
 */
import { IncidentReader } from './incident.reader';
import { MentionAnalyticsReader } from './mention-analytics.reader';
import { ReportReader } from './report.reader';
import { TicketAnalyticsReader } from './ticket-analytics.reader';

export * from './ticket-kpis';
export * from './ticket-analytics.reader';
export * from './mention-analytics.reader';
export * from './incident.reader';
export * from './report.reader';
export * from './hot-terms';

export const ANALYTICS_READERS = [TicketAnalyticsReader, MentionAnalyticsReader, IncidentReader, ReportReader];
