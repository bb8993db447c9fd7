import type { ReporterConfig } from './reporter.config';

export const REPORTER_CONFIG = Symbol('REPORTER_CONFIG');
export type { ReporterConfig };
