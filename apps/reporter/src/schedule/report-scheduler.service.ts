import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createLogger } from '@vigil/common';
import { SearchClient } from '@vigil/search';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';
import { MakeDueReportsUseCase } from './make-due-reports.usecase';

/** Runs the schedule every REPORT_TICK_MS, one pass at a time; a failed pass is logged and the next one tries again. */
@Injectable()
export class ReportScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = createLogger('reporter');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly makeDue: MakeDueReportsUseCase,
    private readonly search: SearchClient,
    @Inject(REPORTER_CONFIG) private readonly config: ReporterConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.search.ensureIndices();
    if (this.config.REPORT_TICK_MS <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.REPORT_TICK_MS);
    void this.tick();
  }

  /** One pass (tests call it); overlapping calls share the pass in flight. */
  tick(): Promise<void> {
    this.running ??= this.makeDue
      .execute()
      .then(() => undefined)
      .catch((e: Error) => this.logger.error({ err: e.message }, 'report schedule pass failed'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
