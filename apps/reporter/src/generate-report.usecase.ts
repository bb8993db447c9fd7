import { Inject, Injectable } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import type { ReportDoc, ReportKind, ReportLanguage, ReportMeta } from '@vigil/contracts';
import type { Plan, ReportPeriod } from '@vigil/plan';
import { ReportsRepository } from './archive/reports.repository';
import { CollectReportDataUseCase } from './data/collect-report-data.usecase';
import { headline, isEmpty } from './data/report-data';
import { DeliverReportUseCase } from './deliver/deliver-report.usecase';
import { PdfRenderer } from './render/pdf-renderer';
import { renderReportHtml, reportTitle } from './render/report-html';
import { REPORTER_CONFIG, type ReporterConfig } from './reporter.tokens';

export interface GenerateReportInput {
  kind: ReportKind;
  watch: string;
  language: ReportLanguage;
  period: ReportPeriod;
  /** `schedule`, or who asked. */
  requestedBy: string;
  /** Make it again even when made already or failed too often (a person asked). */
  force?: boolean;
  /** Send it to the plan's roles when made (the schedule does; `vigil report` asks). */
  deliver?: boolean;
}

export type GenerateReportOutcome =
  | { status: 'done'; meta: ReportMeta; html: string; pdf: Buffer }
  | { status: 'skipped'; id: string; reason: string }
  | { status: 'failed'; meta: ReportMeta; error: string };

const localDate = (iso: string, timeZone: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone });

/** `weekly:freshdash:2026-03-02:2026-03-08:zh-CN`: the same report for the same period has the same id. */
export function reportId(kind: ReportKind, watch: string, period: Pick<ReportPeriod, 'from' | 'to'>, language: ReportLanguage, timeZone: string): string {
  const last = localDate(new Date(Date.parse(period.to) - 1).toISOString(), timeZone);
  return [kind, watch.replace(/[^\w.-]/g, '_'), localDate(period.from, timeZone), last, language].join(':');
}

/**
 * One report: claimed in the archive, its data gathered, rendered to HTML and to PDF, stored
 * with both files, then delivered. A failure at any step is stored with its error and a time to
 * try again (doubling), and the schedule retries it until REPORT_MAX_ATTEMPTS.
 */
@Injectable()
export class GenerateReportUseCase {
  private readonly logger = createLogger('reporter');

  constructor(
    private readonly archive: ReportsRepository,
    private readonly collect: CollectReportDataUseCase,
    private readonly pdf: PdfRenderer,
    private readonly deliver: DeliverReportUseCase,
    private readonly clock: Clock,
    @Inject(REPORTER_CONFIG) private readonly config: ReporterConfig,
  ) {}

  async execute(plan: Plan, input: GenerateReportInput): Promise<GenerateReportOutcome> {
    const now = this.clock.now();
    const tz = plan.calendar.timeZone;
    const id = reportId(input.kind, input.watch, input.period, input.language, tz);
    const meta: ReportMeta = {
      id,
      kind: input.kind,
      watch: input.watch,
      language: input.language,
      from: input.period.from,
      to: input.period.to,
      timeZone: tz,
      label: input.period.label,
      title: reportTitle({ kind: input.kind, watch: input.watch, language: input.language, label: input.period.label }),
      status: 'rendering',
      attempts: 0,
      requestedBy: input.requestedBy,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      deliveries: [],
    };
    const claim = await this.archive.claim(meta, {
      force: input.force ?? false,
      maxAttempts: this.config.REPORT_MAX_ATTEMPTS,
      staleBefore: new Date(now.getTime() - this.config.REPORT_STALE_MINUTES * 60_000),
      now,
    });
    if (!claim.won) return { status: 'skipped', id, reason: claim.reason };
    meta.attempts = claim.attempts;
    try {
      const data = await this.collect.execute({ kind: input.kind, watch: input.watch, language: input.language, from: input.period.from, to: input.period.to, label: input.period.label, timeZone: tz, planName: plan.name }, now);
      const html = renderReportHtml(data);
      const pdf = await this.pdf.render(html);
      const done: ReportDoc = { ...meta, status: 'done', updatedAt: this.clock.now().toISOString(), renderedAt: this.clock.now().toISOString(), empty: isEmpty(data), headline: headline(data), pdfBytes: pdf.length, html, pdf: pdf.toString('base64') };
      await this.archive.complete(done);
      const { html: _h, pdf: _p, ...finished } = done;
      this.logger.info({ reportId: id, attempts: meta.attempts, pdfBytes: pdf.length, empty: done.empty }, 'report made');
      if (input.deliver !== false) {
        const deliveries = await this.deliver.execute(plan, finished, pdf, () => this.clock.now());
        await this.archive.recordDeliveries(id, deliveries);
        finished.deliveries = deliveries;
      }
      return { status: 'done', meta: finished, html, pdf };
    } catch (e) {
      const error = (e as Error).message.split('\n')[0]!.slice(0, 500);
      const wait = this.config.REPORT_RETRY_MINUTES * 60_000 * 2 ** (meta.attempts - 1);
      const failed = { error, nextAttemptAt: new Date(now.getTime() + wait).toISOString(), updatedAt: this.clock.now().toISOString() };
      await this.archive.fail(id, failed);
      this.logger.error({ reportId: id, attempts: meta.attempts, err: error }, 'report failed');
      return { status: 'failed', meta: { ...meta, status: 'failed', ...failed }, error };
    }
  }
}
