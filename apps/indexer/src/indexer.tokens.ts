export interface IndexerOptions {
  groupId: string;
  bulkSize: number;
  bulkBytes: number;
  /** Months before now with an index of their own; older posts share the archive index. */
  monthlyIndices: number;
}
export const INDEXER_OPTIONS = Symbol('INDEXER_OPTIONS');
