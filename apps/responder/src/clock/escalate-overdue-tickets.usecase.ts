import { Injectable } from '@nestjs/common';
import { Clock, CONFLICT, createLogger, retryOnConflict, type Conflict } from '@vigil/common';
import { evaluateClock, evaluateFollowUpClock } from '@vigil/plan';
import { PlanStore } from '../plan/plan.store';
import { TicketsRepository } from '../tickets/tickets.repository';
import { TicketWriter } from '../tickets/ticket-writer';
import { DeliverNotificationsUseCase } from '../notify/deliver-notifications.usecase';

export interface TickSummary {
  checked: number;
  changed: string[];
  /** `ticketId:itemId` of every warning, breach and escalation step that fired. */
  fired: string[];
  failed: number;
  /** Notification attempts made (retries after a back-off, or after a sender died). */
  notified: number;
}

const MAX_ATTEMPTS = 10;

/**
 * One pass of the durable clocks: for each open ticket, the SLA warnings, breaches and
 * escalation steps due now. All of it derives from the stored ticket (times and what
 * already fired), so a pass after a restart catches up on what came due while the
 * process was down and never repeats what was recorded before it went.
 */
@Injectable()
export class EscalateOverdueTicketsUseCase {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly tickets: TicketsRepository,
    private readonly writer: TicketWriter,
    private readonly plans: PlanStore,
    private readonly clock: Clock,
    private readonly notifications: DeliverNotificationsUseCase,
  ) {}

  async execute(): Promise<TickSummary> {
    await this.tickets.refresh();
    const summary: TickSummary = { checked: 0, changed: [], fired: [], failed: 0, notified: 0 };
    // Changes whose publishing was interrupted (crash between write and send) go out now.
    for (const id of await this.tickets.listPendingOutbox()) await this.writer.load(id).catch(() => undefined);
    // Promises ride on active tickets; follow-ups on resolved ones (the second list).
    for await (const listed of this.each()) {
      summary.checked++;
      try {
        const fired = await this.evaluate(listed.id);
        if (fired.length) summary.changed.push(listed.id);
        summary.fired.push(...fired.map((f) => `${listed.id}:${f}`));
      } catch (e) {
        // One bad ticket must not stop the clock for the others; the next tick tries again.
        summary.failed++;
        this.logger.error({ ticketId: listed.id, err: (e as Error).message }, 'clock evaluation failed');
      }
    }
    await this.tickets.refresh();
    for (const id of await this.tickets.listNotificationsPending()) {
      summary.notified += await this.notifications.execute(id).catch((e: unknown) => {
        this.logger.error({ ticketId: id, err: (e as Error).message }, 'notification pass failed');
        return 0;
      });
    }
    return summary;
  }

  private async *each(): AsyncGenerator<{ id: string }> {
    yield* this.tickets.eachOpen();
    yield* this.tickets.eachFollowUpWatched();
  }

  private evaluate(id: string): Promise<string[]> {
    return retryOnConflict(() => this.attempt(id), { maxAttempts: MAX_ATTEMPTS, what: `clock on ${id}` });
  }

  private async attempt(id: string): Promise<string[] | Conflict> {
    const current = await this.writer.load(id);
    if (!current) return [];
    const now = this.clock.now();
    const sla = evaluateClock(this.plans.plan, current.ticket, now);
    const promised = evaluateFollowUpClock(this.plans.plan, sla.ticket, now);
    const r = { ticket: promised.ticket, due: [...sla.due, ...promised.due], events: [...sla.events, ...promised.events], alerts: [...sla.alerts, ...promised.alerts] };
    if (!r.due.length) return [];
    if (!(await this.writer.commit(r, current))) return CONFLICT;
    this.logger.info({ ticketId: id, due: r.due.map((d) => d.id) }, 'clock items fired');
    return r.due.map((d) => d.id);
  }
}
