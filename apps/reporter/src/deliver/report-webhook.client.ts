import { Inject, Injectable } from '@nestjs/common';
import { assertPublicAddress, backoffDelay, BlockedAddressError, sleep } from '@vigil/common';
import { REPORTER_CONFIG, type ReporterConfig } from '../reporter.tokens';

const ATTEMPTS = 3;

/**
 * Posts a report notice to a webhook of the plan: JSON, a timeout, three attempts with back-off
 * on 5xx and network errors, and the private-address guard (REPORT_WEBHOOK_ALLOW_HOSTS).
 */
@Injectable()
export class ReportWebhookClient {
  constructor(@Inject(REPORTER_CONFIG) private readonly config: ReporterConfig) {}

  async post(url: string, headers: Record<string, string>, body: unknown, idempotencyKey: string): Promise<void> {
    let last = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await assertPublicAddress(new URL(url).hostname, this.config.REPORT_WEBHOOK_ALLOW_HOSTS, 'REPORT_WEBHOOK_ALLOW_HOSTS');
        const res = await fetch(url, {
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
        last = (e as Error).message;
        if (e instanceof BlockedAddressError) break;
      }
      if (attempt < ATTEMPTS) await sleep(backoffDelay(attempt - 1, 300, 5_000));
    }
    throw new Error(last);
  }
}
