import path from 'node:path';
import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';

export const CollectorConfig = BaseConfig.extend({
  SOURCES_FILE: z.string().default(path.resolve(__dirname, '../../../demo/sources.yaml')),
  /** Hosts (names or addresses) the collector may fetch even though they are private or loopback. */
  COLLECTOR_ALLOW_HOSTS: z.string().default('').transform((s) => new Set(s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  FETCH_PER_HOST_RATE: z.coerce.number().positive().default(2),
});
export type CollectorConfig = z.infer<typeof CollectorConfig>;

export const COLLECTOR_CONFIG = Symbol('COLLECTOR_CONFIG');
export const loadCollectorConfig = (env = process.env) => loadConfig(CollectorConfig, env);
