export interface IndexerOptions {
  groupId: string;
  bulkSize: number;
}
export const INDEXER_OPTIONS = Symbol('INDEXER_OPTIONS');
