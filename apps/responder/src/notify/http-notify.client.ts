import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { BlockedAddressError, createGuardedFetch, type GuardedFetch } from '@vigil/common';
import { chatAccepted, type DeliveryResult, type OutgoingMessage } from '@vigil/plan';
import { WEBHOOK_OPTIONS, type WebhookOptions } from '../responder.tokens';

/** 4xx other than these will not get better by trying again. */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * One attempt to post a chat message or webhook: the private-address guard on the host, a
 * timeout, no redirects, an idempotency key, and the platform's own verdict read from its answer.
 * Retrying is the notification record's business (see DeliverNotificationsUseCase).
 */
@Injectable()
export class HttpNotifyClient implements OnModuleDestroy {
  private readonly abort = new AbortController();
  private readonly guardedFetch: GuardedFetch;

  constructor(@Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions) {
    this.guardedFetch = createGuardedFetch({ allow: options.allowedHosts, setting: 'WEBHOOK_ALLOW_HOSTS', connectTimeoutMs: options.timeoutMs, resolve: options.resolve });
  }

  async send(id: string, msg: Extract<OutgoingMessage, { kind: 'http' }>): Promise<DeliveryResult> {
    try {
      // The address guard runs inside the connection: the address checked is the one connected to.
      const res = await this.guardedFetch(new URL(msg.url), {
        method: msg.method,
        // The receiver can drop a notification re-sent after a crash by this key.
        headers: { ...msg.headers, 'idempotency-key': msg.idempotencyKey },
        body: msg.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.abort.signal]),
      });
      const body = await res.text().catch(() => '');
      const verdict = chatAccepted(msg.format, res.status, body);
      if (verdict.ok) return { id, ok: true, code: res.status, retryable: false };
      // A 2xx with an error code in the body (rate limit, bad payload) is retried like a 5xx, within the bound.
      const retryable = res.status >= 500 || RETRYABLE_4XX.has(res.status) || (res.status >= 200 && res.status < 300);
      return { id, ok: false, code: res.status, error: verdict.error, retryable };
    } catch (e) {
      // undici reports a refusal inside the connection as the cause of its "fetch failed".
      const cause = (e as { cause?: unknown }).cause;
      const blocked = e instanceof BlockedAddressError ? e : cause instanceof BlockedAddressError ? cause : undefined;
      const invalid = e instanceof TypeError && /Invalid URL/.test(e.message);
      return { id, ok: false, error: (blocked ?? (e as Error)).message, retryable: !blocked && !invalid };
    }
  }

  onModuleDestroy(): void {
    this.abort.abort();
  }
}
