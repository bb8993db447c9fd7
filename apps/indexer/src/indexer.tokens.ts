export interface IndexerOptions {
  groupId: string;
  bulkSize: number;
  bulkBytes: number;
}
export const INDEXER_OPTIONS = Symbol('INDEXER_OPTIONS');
