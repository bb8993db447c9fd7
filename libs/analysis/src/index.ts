export { createAnalyzer } from './analyzer';
export type { Analyzer, AnalyzerConfig, AnalyzeInput, AnalyzeResult } from './analyzer';
export { DEFAULT_TAXONOMY } from './categories';
export type { CategoryDef } from './categories';
export { DEFAULT_ORDER_PATTERNS } from './entities';
export type { ProductDef } from './entities';
export type { PiiKind } from './pii';
export { MAX_ANALYSED_CHARS } from './text';
