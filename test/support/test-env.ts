import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { IndexKey } from '@vigil/search';

export interface TestEnvOptions {
  /**
   * Only these stored documents' indices (and templates) are made when the file's apps start
   * (VIGIL_INDICES); absent: all ~25, as in production. Each one costs the shared Elasticsearch a
   * cluster-state update, so a file that boots one or two apps lists what they read and write.
   * A document left out is missing: its readers answer empty and a write makes an unmapped index,
   * so the file's tests fail rather than pass by accident.
   */
  indices?: readonly IndexKey[];
}

/**
 * Unique topic and index prefixes per test file, so runs and files never see each other's data.
 * `testEnv({ API_PORT: '0' }, { indices: ['mentions', 'clusters'] })`: only those indices are made.
 */
export function testEnv(extra: Record<string, string> = {}, options: TestEnvOptions = {}): NodeJS.ProcessEnv {
  // The run's tag lets its teardown delete exactly its own topics and indices (see the global setup).
  const id = `t${Date.now().toString(36)}${inject('testRunTag')}${randomBytes(2).toString('hex').slice(0, 3)}`;
  return {
    ...process.env,
    KAFKA_BROKERS: inject('kafkaBrokers'),
    ELASTICSEARCH_URL: inject('elasticsearchUrl'),
    VIGIL_TOPIC_PREFIX: id,
    VIGIL_INDEX_PREFIX: `${id}-`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(options.indices ? { VIGIL_INDICES: options.indices.join(',') } : {}),
    ...extra,
  };
}

/** Asserts an async outcome by polling with a deadline, never by sleeping a fixed time. */
export async function pollUntil<T>(
  what: string,
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (done(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}${lastError ? `; last error: ${(lastError as Error).message}` : ''}`);
}
