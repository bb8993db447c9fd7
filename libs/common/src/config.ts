import { z } from 'zod';
import { AllowList, parseAllowList } from './address-guard';
import { ConfigError } from './config-error';
import { ServiceSecuritySettings } from './service-connections';

/** Settings every process reads. Each app extends this with its own keys. */
export const BaseConfig = z.object({
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:19092'),
  /** One URL, or several comma-separated (the nodes of one cluster: the client fails over between them). */
  ELASTICSEARCH_URL: z
    .string()
    .default('http://127.0.0.1:19200')
    .refine((s) => s.split(',').every((u) => URL.canParse(u.trim())), { message: 'one URL or several, comma-separated' }),
  /** Prefixes keep test runs and parallel deployments apart on one Kafka / Elasticsearch. */
  VIGIL_TOPIC_PREFIX: z.string().regex(/^[a-z0-9._-]*$/).default(''),
  VIGIL_INDEX_PREFIX: z.string().regex(/^[a-z0-9_-]*$/).default('vigil-'),
  /**
   * Comma-separated stored documents (keys of `search.names`, e.g. `mentions,clusters`) whose
   * indices the apps make at start; unset: all. For tests that use a few (testEnv's `indices`):
   * each index and template costs the shared server a cluster-state update.
   */
  VIGIL_INDICES: z.string().regex(/^[A-Za-z,\s]*$/).optional(),
  /** Partitions of the topics Vigil creates; a replay uses 1 so every app sees event-time order. */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(64).default(3),
  /**
   * How long the broker waits for a consumer's heartbeat before giving its partitions to others:
   * after a crash (kill -9) the restarted app waits up to this long before it gets them back.
   * Shorter fails over sooner, but a long GC pause or a busy machine may then cost a rebalance.
   */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json` lines (production) or `pretty` lines for a person at a terminal (`vigil start` sets it); read by createLogger. */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** Also write the JSON lines to this file (`vigil start`: logs/vigil.log under the state folder). */
  LOG_FILE: z.string().optional(),
  ...ServiceSecuritySettings,
});
export type BaseConfig = z.infer<typeof BaseConfig>;

/** A comma-separated `host:port` allow-list (COLLECTOR_ALLOW_HOSTS, WEBHOOK_ALLOW_HOSTS): a bare host is a config error. */
export const AllowListSetting = z
  .string()
  .default('')
  .transform((s, ctx): AllowList => {
    try {
      return parseAllowList(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });

/**
 * The SMTP server, one configuration for the responder's e-mail notifications and the reporter's
 * reports. Unset SMTP_HOST: nothing is e-mailed (each app records that it could not send).
 */
export const SmtpSettings = {
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when SMTP_STARTTLS. */
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_STARTTLS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Vigil <vigil@localhost>'),
};

export { ConfigError };

/** Keys whose values are never printed, not even in error messages. */
const SECRET = /KEY|TOKEN|SECRET|PASSWORD/i;

/**
 * Parse the environment once, at start. Every bad key is listed, so a wrong
 * deployment fails fast with one message instead of at the first use.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    // An empty variable means "not set" (the usual shell idiom `FOO= cmd`).
    input[key] = env[key] === '' ? undefined : env[key];
  }
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const key = String(i.path[0] ?? '(root)');
    const shown = SECRET.test(key) ? '(hidden)' : JSON.stringify(withoutUserinfo(input[key]));
    return `  ${key}=${shown}: ${i.message}`;
  });
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** `https://user:pass@host` → `https://***@host`: a URL's credentials are never printed either (each of a comma-separated list). */
export function withoutUserinfo<T>(value: T): T {
  return (typeof value === 'string' ? value.replace(/(^|,\s*)([a-z][a-z0-9+.-]*:\/\/)[^/@\s,]+@/gi, '$1$2***@') : value) as T;
}
