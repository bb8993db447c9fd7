import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, HealthModule, SystemClock, serviceConnections } from '@vigil/common';
import { SearchClient, SearchModule } from '@vigil/search';
import { ReportsRepository } from './archive/reports.repository';
import { CollectReportDataUseCase } from './data/collect-report-data.usecase';
import { DeliverReportUseCase } from './deliver/deliver-report.usecase';
import { ReportMailer } from './deliver/report-mailer';
import { ReportWebhookClient } from './deliver/report-webhook.client';
import { GenerateReportUseCase } from './generate-report.usecase';
import { PlanSource } from './plan-source';
import { PdfRenderer } from './render/pdf-renderer';
import type { ReporterConfig } from './reporter.config';
import { REPORTER_CONFIG } from './reporter.tokens';
import { MakeDueReportsUseCase } from './schedule/make-due-reports.usecase';
import { ReportScheduler } from './schedule/report-scheduler.service';

export interface ReporterModuleOptions {
  /** false inside the all-in-one process, which provides search and /health once. */
  withInfra?: boolean;
  /** Tests pass a ManualClock. */
  clock?: Clock;
  /** false for `vigil report`: make the one report asked for, no schedule. */
  schedule?: boolean;
}

/** Reports: the schedule, the archive, HTML and PDF, delivery. Reads Elasticsearch only (no Kafka). */
@Module({})
export class ReporterModule {
  static forRoot(config: ReporterConfig, opts: ReporterModuleOptions = {}): DynamicModule {
    return {
      module: ReporterModule,
      imports: opts.withInfra === false ? [] : [SearchModule.forRoot({ ...serviceConnections(config).search, indexPrefix: config.VIGIL_INDEX_PREFIX }), HealthModule.register([SearchClient])],
      providers: [
        { provide: REPORTER_CONFIG, useValue: config },
        opts.clock ? { provide: Clock, useValue: opts.clock } : { provide: Clock, useClass: SystemClock },
        PlanSource,
        ReportsRepository,
        CollectReportDataUseCase,
        PdfRenderer,
        ReportMailer,
        ReportWebhookClient,
        DeliverReportUseCase,
        GenerateReportUseCase,
        MakeDueReportsUseCase,
        ...(opts.schedule === false ? [] : [ReportScheduler]),
      ],
      exports: [GenerateReportUseCase, MakeDueReportsUseCase, PlanSource, ReportsRepository],
    };
  }
}
