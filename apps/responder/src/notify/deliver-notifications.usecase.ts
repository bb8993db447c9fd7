import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, Clock, createLogger } from '@vigil/common';
import { claimNotifications, dueNotifications, recordDeliveries, renderNotification, type DeliveryResult } from '@vigil/plan';
import { PlanStore } from '../plan/plan.store';
import { PrivacyMasker } from '../privacy/privacy-masker';
import { NOTIFY_OPTIONS, type NotifyOptions } from '../responder.tokens';
import { TicketWriter } from '../tickets/ticket-writer';
import { HttpNotifyClient } from './http-notify.client';
import { SmtpMailClient } from './smtp-mail.client';

const MAX_CONFLICTS = 10;

/**
 * Pages people for one ticket: claims its due notification records (a versioned write, so two
 * responders never send the same one), sends each once, and writes every result back on the ticket
 * with an event. A failure is due again after a back-off, up to the attempt limit; the clock's pass
 * picks up what a crash or a back-off left pending. Message bodies are masked per plan.privacy.
 */
@Injectable()
export class DeliverNotificationsUseCase implements OnModuleDestroy {
  private readonly logger = createLogger('responder');
  private readonly running = new Map<string, Promise<number>>();

  constructor(
    private readonly writer: TicketWriter,
    private readonly plans: PlanStore,
    private readonly privacy: PrivacyMasker,
    private readonly http: HttpNotifyClient,
    private readonly mail: SmtpMailClient,
    private readonly clock: Clock,
    @Inject(NOTIFY_OPTIONS) private readonly options: NotifyOptions,
  ) {
    writer.onNotificationsPlanned((id) => void this.execute(id).catch((e) => this.logger.error({ ticketId: id, err: (e as Error).message }, 'notification pass failed')));
  }

  /** Sends what is due on the ticket; returns how many attempts were made. One pass per ticket at a time. */
  execute(ticketId: string): Promise<number> {
    const busy = this.running.get(ticketId);
    if (busy) return busy.then(() => this.execute(ticketId));
    const p = this.pass(ticketId).finally(() => this.running.delete(ticketId));
    this.running.set(ticketId, p);
    return p;
  }

  private async pass(ticketId: string): Promise<number> {
    const claimed = await this.claim(ticketId);
    if (!claimed) return 0;
    const { ticket, ids } = claimed;
    const plan = this.plans.plan;
    const now = this.clock.now();
    const results = await Promise.all(
      ticket.notifications
        .filter((n) => ids.includes(n.id))
        .map(async (n): Promise<DeliveryResult> => {
          const msg = renderNotification(plan, ticket, n, { now, secret: this.options.secrets.get(n.channelId), dashboardUrl: this.options.dashboardUrl, mask: (t) => this.privacy.text(t, 'webhooks') });
          if (!msg) return { id: n.id, ok: false, error: `the plan has no channel "${n.channelId}" any more`, retryable: false };
          return msg.kind === 'email' ? this.mail.send(n.id, msg) : this.http.send(n.id, msg);
        }),
    );
    await this.record(ticketId, results);
    for (const r of results) {
      const n = ticket.notifications.find((x) => x.id === r.id)!;
      const fields = { ticketId, notificationId: r.id, channelId: n.channelId, attempt: n.attempts, code: r.code };
      if (r.ok) this.logger.info(fields, 'notification delivered');
      else this.logger.warn({ ...fields, error: r.error, retryable: r.retryable }, 'notification failed');
    }
    return results.length;
  }

  private async claim(ticketId: string) {
    for (let i = 0; i < MAX_CONFLICTS; i++) {
      const current = await this.writer.load(ticketId);
      if (!current) return undefined;
      const due = dueNotifications(current.ticket, this.clock.now());
      if (!due.length) return undefined;
      const ids = due.map((n) => n.id);
      const change = claimNotifications(current.ticket, ids, this.clock.now(), this.options.leaseMs);
      const saved = await this.writer.commit(change, current);
      if (saved) return { ticket: saved.ticket, ids };
    }
    return undefined;
  }

  private async record(ticketId: string, results: DeliveryResult[]) {
    const policy = { maxAttempts: this.options.maxAttempts, retryDelay: (attempt: number) => backoffDelay(attempt - 1, this.options.retryBaseMs, 30 * 60_000) };
    for (let i = 0; i < MAX_CONFLICTS; i++) {
      const current = await this.writer.load(ticketId);
      if (!current) return;
      const change = recordDeliveries(current.ticket, results, this.clock.now(), policy);
      if (!change.events.length) return;
      if (await this.writer.commit(change, current)) return;
    }
    // The lease lapses and the clock's pass sends again: at least once, never lost.
    this.logger.error({ ticketId }, 'could not record notification results after repeated write conflicts');
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }
}
