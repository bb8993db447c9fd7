import { Injectable } from '@nestjs/common';
import type { TicketAction, TicketEvent } from '@vigil/contracts';
import { Clock, CONFLICT, createLogger, retryOnConflict, type Conflict } from '@vigil/common';
import { applyAction, rejectionEvent } from '@vigil/plan';
import { PlanStore } from '../plan/plan.store';
import { TicketWriter } from '../tickets/ticket-writer';

export type ActionOutcome =
  | { type: 'applied'; ticketId: string; seq: number }
  | { type: 'duplicate'; ticketId: string }
  | { type: 'rejected'; ticketId: string; code: string; message: string };

const MAX_ATTEMPTS = 30;

/**
 * A person's action from the api. Applied with optimistic concurrency: a conflicting
 * write (a signal or the clock changed the ticket meanwhile) re-reads and re-applies.
 * A refused action publishes `action_rejected` so the api can show the reason. A
 * redelivered action is a no-op (`requestId` is remembered on the ticket).
 */
@Injectable()
export class ApplyTicketActionUseCase {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly writer: TicketWriter,
    private readonly plans: PlanStore,
    private readonly clock: Clock,
  ) {}

  async execute(action: TicketAction): Promise<ActionOutcome> {
    return retryOnConflict(() => this.attempt(action), { maxAttempts: MAX_ATTEMPTS, what: `action ${action.requestId} on ${action.ticketId}` });
  }

  private async attempt(action: TicketAction): Promise<ActionOutcome | Conflict> {
    const now = this.clock.now();
    const current = await this.writer.load(action.ticketId);
    if (!current) return this.reject(action, 'ticket_not_found', `ticket ${action.ticketId} does not exist`, now);
    const target = action.type === 'merge' ? await this.writer.load(action.intoTicketId) : undefined;
    const r = applyAction(this.plans.plan, current.ticket, action, now, { mergeTarget: target?.ticket });
    if (!r.ok) return this.reject(action, r.error.code, r.error.message, now, r.event);
    if (r.duplicate) return { type: 'duplicate', ticketId: action.ticketId };
    // Merge writes two documents: the target first. If the source write then loses a race,
    // the retry finds the requestId on the target and does not merge into it twice.
    if (r.mergeTarget && target && !target.ticket.recentRequestIds.includes(action.requestId)) {
      if (!(await this.writer.commit(r.mergeTarget, target))) return CONFLICT;
    }
    if (!(await this.writer.commit(r, current))) return CONFLICT;
    this.logger.info({ ticketId: action.ticketId, requestId: action.requestId, action: action.type, actor: action.actor }, 'action applied');
    return { type: 'applied', ticketId: action.ticketId, seq: r.ticket.seq };
  }

  private async reject(action: TicketAction, code: string, message: string, now: Date, event?: TicketEvent): Promise<ActionOutcome> {
    await this.writer.publishRejection(event ?? rejectionEvent(action.ticketId, action, now, { code, message }));
    this.logger.info({ ticketId: action.ticketId, requestId: action.requestId, action: action.type, code }, `action rejected: ${message}`);
    return { type: 'rejected', ticketId: action.ticketId, code, message };
  }
}
