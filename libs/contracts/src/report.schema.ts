import { z } from 'zod';

/**
 * Reports (issue #17): the daily crisis digest and the weekly and monthly reports per watch,
 * rendered to HTML and PDF, archived in Elasticsearch (index `reports`, written by the reporter)
 * and delivered to the plan's roles.
 */

const Instant = z.iso.datetime({ offset: true });

export const ReportKind = z.enum(['daily', 'weekly', 'monthly']);
export type ReportKind = z.infer<typeof ReportKind>;
export const ReportLanguage = z.enum(['zh-CN', 'en']);
export type ReportLanguage = z.infer<typeof ReportLanguage>;
/** rendering: claimed by a reporter; failed: the last attempt failed (retried until `attempts` reaches the limit). */
export const ReportStatus = z.enum(['rendering', 'done', 'failed']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** Every watch together: the report of a deployment without watches, or of all of them. */
export const ALL_WATCHES = '_all';

export const ReportDelivery = z.object({
  channel: z.enum(['email', 'webhook']),
  /** The address or the webhook id (never the webhook URL: it may carry a key). */
  target: z.string(),
  ok: z.boolean(),
  at: Instant,
  error: z.string().optional(),
});
export type ReportDelivery = z.infer<typeof ReportDelivery>;

/** The figures a listing shows without opening the report. */
export const ReportHeadline = z.object({
  tickets: z.number().int().nonnegative(),
  mentions: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  slaRate: z.number().nullable(),
  csat: z.number().nullable(),
  breaches: z.number().int().nonnegative(),
});
export type ReportHeadline = z.infer<typeof ReportHeadline>;

/** One report as archived, without its files (see `ReportDoc`). */
export const ReportMeta = z.object({
  /** `weekly:freshdash:2026-03-02:2026-03-08:zh-CN` — the same period made again replaces it. */
  id: z.string().regex(/^[\w:.-]{1,300}$/),
  kind: ReportKind,
  watch: z.string(),
  language: ReportLanguage,
  from: Instant,
  to: Instant,
  timeZone: z.string(),
  /** How people name the period: `2026-03-02 – 2026-03-08`. */
  label: z.string(),
  title: z.string(),
  status: ReportStatus,
  attempts: z.number().int().nonnegative(),
  /** Why the last attempt failed. */
  error: z.string().optional(),
  nextAttemptAt: Instant.optional(),
  /** `schedule`, or who asked (`cli:<user>`). */
  requestedBy: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  renderedAt: Instant.optional(),
  /** The period had no tickets and no posts: the report says so. */
  empty: z.boolean().optional(),
  headline: ReportHeadline.optional(),
  pdfBytes: z.number().int().nonnegative().optional(),
  deliveries: z.array(ReportDelivery).default([]),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

/** As stored: the metadata, the HTML and the PDF (base64); readers list without the files. */
export const ReportDoc = ReportMeta.extend({ html: z.string().optional(), pdf: z.string().optional() });
export type ReportDoc = z.infer<typeof ReportDoc>;
