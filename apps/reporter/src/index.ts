/** What the cli composes: the module, its config, and the use cases `vigil report` runs. */
export { ReporterModule, type ReporterModuleOptions } from './reporter.module';
export { ReporterConfig, loadReporterConfig } from './reporter.config';
export { GenerateReportUseCase, reportId, type GenerateReportOutcome } from './generate-report.usecase';
export { MakeDueReportsUseCase } from './schedule/make-due-reports.usecase';
export { ReportScheduler } from './schedule/report-scheduler.service';
export { PlanSource } from './plan-source';
