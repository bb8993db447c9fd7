import { Inject, Injectable } from '@nestjs/common';
import { backoffDelay, BlockedAddressError, createGuardedFetch, sleep, type GuardedFetch } from '@vigil/common';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';

const ATTEMPTS = 3;

/**
 * Posts a report notice to a webhook of the plan: JSON, a timeout, three attempts with back-off
 * on 5xx and network errors, and the private-address guard (REPORT_WEBHOOK_ALLOW_HOSTS, `host:port`s)
 * checked inside the connection.
 */
@Injectable()
export class ReportWebhookClient {
  private readonly guardedFetch: GuardedFetch;

  constructor(@Inject(REPORTER_CONFIG) private readonly config: ReporterConfig) {
    this.guardedFetch = createGuardedFetch({ allow: config.REPORT_WEBHOOK_ALLOW_HOSTS, setting: 'REPORT_WEBHOOK_ALLOW_HOSTS', connectTimeoutMs: config.REPORT_WEBHOOK_TIMEOUT_MS });
  }

  async post(url: string, headers: Record<string, string>, body: unknown, idempotencyKey: string): Promise<void> {
    let last = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const res = await this.guardedFetch(new URL(url), {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(body),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.config.REPORT_WEBHOOK_TIMEOUT_MS),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return;
        last = `HTTP ${res.status}`;
        if (res.status < 500 && res.status !== 429) break;
      } catch (e) {
        // undici reports a refusal inside the connection as the cause of its "fetch failed".
        const cause = (e as { cause?: unknown }).cause;
        const blocked = e instanceof BlockedAddressError ? e : cause instanceof BlockedAddressError ? cause : undefined;
        last = (blocked ?? (e as Error)).message;
        if (blocked) break;
      }
      if (attempt < ATTEMPTS) await sleep(backoffDelay(attempt - 1, 300, 5_000));
    }
    throw new Error(last);
  }
}
