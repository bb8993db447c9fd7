import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';

export const IndexerConfig = BaseConfig.extend({
  INDEXER_GROUP: z.string().default('vigil-indexer'),
  /** Documents per bulk request. */
  INDEXER_BULK_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
});
export type IndexerConfig = z.infer<typeof IndexerConfig>;
export const loadIndexerConfig = (env = process.env) => loadConfig(IndexerConfig, env);
