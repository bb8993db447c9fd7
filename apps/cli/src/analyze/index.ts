export { runAnalyze } from './run-analyze';
export type { AnalyzeOptions } from './run-analyze';
