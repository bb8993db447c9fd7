import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { assertPublicAddress, backoffDelay, BlockedAddressError, createLogger, sleep } from '@vigil/common';
import type { WebhookRequest } from '@vigil/plan';
import { WEBHOOK_OPTIONS, type WebhookOptions } from '../responder.tokens';

export interface WebhookOutcome {
  webhookId: string;
  dedupId: string;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

/** 4xx other than these will not get better by trying again. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * Outbound notifications: POSTed in the background with a timeout and bounded retries
 * with back-off, so a slow or broken chat bot never holds up ticket processing. Failures
 * are logged; the ticket and its alerts are already stored and published by then.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly logger = createLogger('responder');
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<WebhookOutcome>>();

  constructor(@Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions) {}

  /** Fire and forget; the promise is for tests. */
  enqueue(request: WebhookRequest, context: { ticketId: string }): Promise<WebhookOutcome> {
    if (this.options.enabled === false) {
      this.logger.debug({ webhookId: request.webhookId, dedupId: request.dedupId, ticketId: context.ticketId }, 'webhooks disabled; not sent');
      return Promise.resolve({ webhookId: request.webhookId, dedupId: request.dedupId, ok: false, attempts: 0, error: 'webhooks disabled' });
    }
    const p = this.deliver(request, context).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
    return p;
  }

  private async deliver(req: WebhookRequest, ctx: { ticketId: string }): Promise<WebhookOutcome> {
    const base = { webhookId: req.webhookId, dedupId: req.dedupId };
    let last: { status?: number; error?: string } = {};
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      if (this.abort.signal.aborted) break;
      try {
        await assertPublicAddress(new URL(req.url).hostname, this.options.allowedHosts, 'WEBHOOK_ALLOW_HOSTS');
        const res = await fetch(req.url, {
          method: req.method,
          // The receiver can drop a notification re-sent after a crash by this key.
          headers: { ...req.headers, 'idempotency-key': req.dedupId },
          body: req.body,
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.abort.signal]),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          this.logger.debug({ ...base, ticketId: ctx.ticketId, attempt }, 'webhook delivered');
          return { ...base, ok: true, attempts: attempt, status: res.status };
        }
        last = { status: res.status, error: `HTTP ${res.status}` };
        if (res.status < 500 && !RETRYABLE_4XX.has(res.status)) break;
      } catch (e) {
        last = { error: (e as Error).message };
        if (e instanceof BlockedAddressError || e instanceof TypeError && /Invalid URL/.test((e as Error).message)) break;
      }
      if (attempt < this.options.maxAttempts) await sleep(backoffDelay(attempt - 1, 500, 30_000), this.abort.signal);
    }
    const attempts = this.options.maxAttempts;
    this.logger.warn({ ...base, ticketId: ctx.ticketId, url: redact(req.url), ...last }, 'webhook delivery failed; giving up');
    return { ...base, ok: false, attempts, ...last };
  }

  async onModuleDestroy(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
  }
}

/** Webhook URLs often carry a key in the query string (WeCom, Slack): never log it. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(invalid url)';
  }
}
