import { Injectable } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { ALL_WATCHES } from '@vigil/contracts';
import { latestDue, REPORT_KINDS } from '@vigil/plan';
import { ReportReader } from '@vigil/search';
import { GenerateReportUseCase, type GenerateReportOutcome } from '../generate-report.usecase';
import { PlanSource } from '../plan-source';

/**
 * One pass of the schedule: for each kind the plan turns on, the latest report due by now, for
 * every watch that had tickets or posts in its period (and all of them together), in each of the
 * plan's languages. What is made already is skipped by its claim; what failed is retried when
 * its time comes. A restart catches up on the latest period only (no backfill of older ones).
 */
@Injectable()
export class MakeDueReportsUseCase {
  private readonly logger = createLogger('reporter');

  constructor(
    private readonly plans: PlanSource,
    private readonly reports: ReportReader,
    private readonly generate: GenerateReportUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<GenerateReportOutcome[]> {
    const plan = await this.plans.current();
    const now = this.clock.now();
    const out: GenerateReportOutcome[] = [];
    if (!plan) {
      this.logger.debug('no plan published yet: no reports are due');
      return out;
    }
    for (const kind of REPORT_KINDS) {
      const period = latestDue(plan, kind, now);
      if (!period) continue;
      const watches = [ALL_WATCHES, ...(await this.reports.activeWatches(period))];
      for (const watch of watches) {
        for (const language of plan.reports.languages) {
          const r = await this.generate.execute(plan, { kind, watch, language, period, requestedBy: 'schedule' });
          if (r.status !== 'skipped') this.logger.info({ kind, watch, language, period: period.label, status: r.status }, 'scheduled report');
          out.push(r);
        }
      }
    }
    return out;
  }
}
