import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';
import { DEFAULT_MONTHLY_INDICES } from '@vigil/search';

export const IndexerConfig = BaseConfig.extend({
  INDEXER_GROUP: z.string().default('vigil-indexer'),
  /** Documents per bulk request at most (INDEXER_BULK_BYTES usually closes a request first). */
  INDEXER_BULK_SIZE: z.coerce.number().int().min(1).max(20_000).default(5000),
  /** Bytes of documents per bulk request at most (Elasticsearch's guidance: a few MB to 15 MB). */
  INDEXER_BULK_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 2 ** 20).default(5 * 2 ** 20),
  /**
   * Months (the current one included) whose posts get a monthly index; older posts share one
   * archive index, so the number of indices is bounded whatever dates posts carry.
   */
  INDEXER_MONTHLY_INDICES: z.coerce.number().int().min(1).max(240).default(DEFAULT_MONTHLY_INDICES),
});
export type IndexerConfig = z.infer<typeof IndexerConfig>;
export const loadIndexerConfig = (env = process.env) => loadConfig(IndexerConfig, env);
