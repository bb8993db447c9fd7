import path from 'node:path';
import { z } from 'zod';
import { AllowListSetting, BaseConfig, DataKeysSetting, loadConfig } from '@vigil/common';
import { parseIntakeKeys } from './intake/intake-keys';

export const CollectorConfig = BaseConfig.extend({
  SOURCES_FILE: z.string().default(path.resolve(__dirname, '../../../demo/sources.yaml')),
  /** `host:port`s (names or addresses) the collector may fetch even though they are private or loopback. */
  COLLECTOR_ALLOW_HOSTS: AllowListSetting,
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  FETCH_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  FETCH_PER_HOST_RATE: z.coerce.number().positive().default(2),
  /** Where the standalone collector serves intake and /metrics (the all-in-one process serves them on the api's port). */
  COLLECTOR_HOST: z.string().default('127.0.0.1'),
  COLLECTOR_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** `name:sha256hex,name2:sha256hex`: hashes of the keys allowed to push to /api/intake (see docs/intake.md). */
  INTAKE_API_KEYS: z.string().default('').transform((s, ctx) => {
    try {
      return parseIntakeKeys(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }),
  /** How often the collector asks Elasticsearch whether a source changed in the product (ms). */
  SOURCES_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Folders (comma-separated) Google Play exports may be read from, besides the sources file's own. */
  COLLECTOR_IMPORT_DIRS: z.string().default('').transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean)),
  /** Environment variables (comma-separated) sources managed in the product may use as ${NAME} (tokens for their headers); the sources file's own are lent too. */
  COLLECTOR_SOURCE_VARS: z.string().default('').transform((s) => s.split(',').map((d) => d.trim()).filter(Boolean)),
  /** Consumer group answering the product's "test fetch" requests. */
  COLLECTOR_TESTS_GROUP: z.string().default('vigil-collector-source-tests'),
  /** `name:sha256hex,…`: hashes of the tokens a scraper may show to read /metrics (none: /metrics is off). */
  METRICS_TOKENS: z.string().default('').transform((s, ctx) => {
    try {
      return parseIntakeKeys(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }),
  /** Largest intake body in bytes. */
  INTAKE_MAX_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /** `kid:base64key,…` (32-byte keys): seals complainants' contacts at intake; the first seals (see DataKeyRing). */
  VIGIL_DATA_KEYS: DataKeysSetting,
});
export type CollectorConfig = z.infer<typeof CollectorConfig>;

export const COLLECTOR_CONFIG = Symbol('COLLECTOR_CONFIG');
export const COLLECTOR_TESTS_GROUP = Symbol('COLLECTOR_TESTS_GROUP');
export const loadCollectorConfig = (env = process.env) => loadConfig(CollectorConfig, env);
