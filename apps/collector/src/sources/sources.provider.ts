import type { SourceConfig } from './sources-config';

export type SourceList = SourceConfig[];
export const SOURCES = Symbol('SOURCES');
