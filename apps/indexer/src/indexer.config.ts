import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';

export const IndexerConfig = BaseConfig.extend({
  INDEXER_GROUP: z.string().default('vigil-indexer'),
  /** Documents per bulk request at most (INDEXER_BULK_BYTES usually closes a request first). */
  INDEXER_BULK_SIZE: z.coerce.number().int().min(1).max(20_000).default(5000),
  /** Bytes of documents per bulk request at most (Elasticsearch's guidance: a few MB to 15 MB). */
  INDEXER_BULK_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 2 ** 20).default(5 * 2 ** 20),
});
export type IndexerConfig = z.infer<typeof IndexerConfig>;
export const loadIndexerConfig = (env = process.env) => loadConfig(IndexerConfig, env);
