import { Injectable } from '@nestjs/common';
import type { ComplaintHistory, Signal, Ticket, TicketChange } from '@vigil/contracts';
import { Clock, CONFLICT, createLogger, retryOnConflict, type Conflict } from '@vigil/common';
import { detectDemands } from '@vigil/analysis';
import { applyRepeatComplaint, complaintRecord, decideOnSignal, formatTicketId, isSinglePost, noteSignal, openTicket, planReadsHistory, type Plan, type SignalContext } from '@vigil/plan';
import { ComplaintHistoryService } from '../complaints/complaint-history.service';
import { PlanStore } from '../plan/plan.store';
import { ACTIVE_STATES, incidentHash, type StoredPointer } from '@vigil/search';
import { IncidentsRepository } from '../tickets/incidents.repository';
import { TicketSequenceRepository } from '../tickets/ticket-sequence.repository';
import type { StoredTicket } from '../tickets/tickets.repository';
import { TicketWriter } from '../tickets/ticket-writer';

export type SignalOutcome = { type: 'ignore'; reason: string; ticketId?: string } | { type: 'open' | 'update' | 'reopen'; ticketId: string };

/** Write races are normal under load (many signals for one incident); each retry re-reads. */
const MAX_ATTEMPTS = 30;
const MAX_MERGE_HOPS = 5;

/**
 * A signal for an incident key: open a ticket, add evidence to the open one, reopen the
 * recently resolved one, or nothing — the plan decides (`decideOnSignal`); this use case
 * makes the decision safe to run concurrently (see IncidentsRepository) and idempotent
 * (a signal already attached is ignored by the plan).
 */
@Injectable()
export class HandleSignalUseCase {
  private readonly logger = createLogger('responder');

  constructor(
    private readonly incidents: IncidentsRepository,
    private readonly sequence: TicketSequenceRepository,
    private readonly writer: TicketWriter,
    private readonly plans: PlanStore,
    private readonly clock: Clock,
    private readonly history: ComplaintHistoryService,
  ) {}

  async execute(signal: Signal): Promise<SignalOutcome> {
    return retryOnConflict(() => this.attempt(signal), { maxAttempts: MAX_ATTEMPTS, what: `signal ${signal.id} on incident ${signal.key}` });
  }

  private async attempt(signal: Signal): Promise<SignalOutcome | Conflict> {
    const plan = this.plans.plan;
    const now = this.clock.now();
    const single = await this.judgeSingle(plan, signal, now);
    if (single.type === 'ignore') {
      this.logger.debug({ signalId: signal.id, incidentKey: signal.key, reason: single.reason }, 'signal ignored');
      return single;
    }
    const ctx = single.ctx;
    const pointer = await this.incidents.get(signal.key);
    const current = pointer ? await this.currentTicket(pointer) : undefined;
    const t = current?.ticket;
    // One ticket per complaint: a signal a ticket already holds (replayed, or long after that
    // ticket was closed) is never a reason for another.
    if (t?.evidence.signalIds.includes(signal.id)) {
      // Redelivered after a crash between opening and the repeat rule: the rule runs again (it is idempotent).
      await this.applyRepeats(t);
      return { type: 'ignore', reason: `signal ${signal.id} already on ${t.id}`, ticketId: t.id };
    }
    const open = t && ACTIVE_STATES.includes(t.state) ? current : undefined;
    const resolved = t && (t.state === 'resolved' || t.state === 'closed') ? current : undefined;
    const decision = decideOnSignal(plan, signal, open?.ticket, resolved?.ticket, now, ctx);
    switch (decision.type) {
      case 'ignore':
        this.logger.debug({ signalId: signal.id, incidentKey: signal.key, ticketId: t?.id, reason: decision.reason }, 'signal ignored');
        return { type: 'ignore', reason: decision.reason, ticketId: t?.id };
      case 'update':
      case 'reopen': {
        const saved = await this.writer.commit({ ...decision, ticket: noteSignal(decision.ticket, signal) }, (open ?? resolved)!);
        return saved ? { type: decision.type, ticketId: decision.ticket.id } : CONFLICT;
      }
      case 'open': {
        const cycle = pointer ? pointer.pointer.cycle + 1 : 0;
        const year = now.getUTCFullYear();
        // Every opener racing for this cycle asks for the same owner, so they share one number.
        const seq = await this.sequence.allocate(year, `${incidentHash(signal.key)}:${cycle}`);
        const complaint = single.history && signal.post ? complaintRecord(signal.post, detectDemands(`${signal.post.title ?? ''}\n${signal.post.text}`), single.history) : undefined;
        const opened = openTicket(plan, decision, formatTicketId(year, seq), now, complaint);
        // A later ticket on the same incident key: the issue came back after its earlier ticket was done.
        const opening = { ...opened, ticket: noteSignal(opened.ticket, signal, pointer?.pointer.ticketId) };
        const won = await this.incidents.claim({ incidentKey: signal.key, ticketId: opening.ticket.id, cycle, claimedAt: now.toISOString(), opening }, pointer);
        if (!won) return CONFLICT;
        await this.materialize(opening);
        await this.applyRepeats(opening.ticket);
        this.logger.info({ signalId: signal.id, incidentKey: signal.key, ticketId: opening.ticket.id, severity: opening.ticket.level }, 'ticket opened');
        return { type: 'open', ticketId: opening.ticket.id };
      }
    }
  }

  /**
   * A single complaint keyed on its own post is judged before anything is read: most are no
   * ticket, and that costs no lookup. The history (earlier cases of the same person or order) is
   * looked up when the complaint gets a ticket (for its record and the repeat trigger) or when the
   * plan's only reason to open may be the history itself.
   */
  private async judgeSingle(plan: Plan, signal: Signal, now: Date): Promise<{ type: 'ignore'; reason: string } | { type: 'go'; ctx: SignalContext; history?: ComplaintHistory }> {
    if (!isSinglePost(plan, signal) || !signal.post) return { type: 'go', ctx: {} };
    const ownKey = signal.key === `mention:${signal.post.mentionId}`;
    const quick = decideOnSignal(plan, signal, undefined, undefined, now);
    if (ownKey && quick.type === 'ignore' && !planReadsHistory(plan)) return quick;
    const history = await this.history.lookup(signal.post);
    const ctx = { repeatComplaints: history.repeatCount };
    if (ownKey && quick.type === 'ignore') {
      const again = decideOnSignal(plan, signal, undefined, undefined, now, ctx);
      if (again.type === 'ignore') return again;
    }
    return { type: 'go', ctx, history };
  }

  /**
   * The plan's repeat-complaint rule (followUp.repeatComplaint): the complainant's earlier tickets
   * resolved within N days are reopened or escalated. The rule marks each repeat on the earlier
   * ticket, so running it twice changes nothing.
   */
  private async applyRepeats(ticket: Ticket): Promise<void> {
    const earlier = (ticket.complaint?.history.tickets ?? []).filter((e) => e.state === 'resolved' || e.state === 'closed');
    for (const e of earlier) {
      await retryOnConflict(
        async () => {
          const current = await this.writer.load(e.id);
          const change = current && applyRepeatComplaint(this.plans.plan, current.ticket, ticket.id, this.clock.now());
          if (!change) return undefined;
          if (!(await this.writer.commit(change, current))) return CONFLICT;
          this.logger.info({ ticketId: e.id, repeat: ticket.id, action: this.plans.plan.followUp.repeatComplaint.action }, 'repeat complaint rule applied');
          return undefined;
        },
        { maxAttempts: MAX_ATTEMPTS, what: `repeat rule on ${e.id}` },
      );
    }
  }

  /** The ticket the pointer names, finishing an opening whose writer died, following merges. */
  private async currentTicket(stored: StoredPointer): Promise<StoredTicket | undefined> {
    let current = await this.writer.load(stored.pointer.ticketId);
    if (!current) {
      await this.materialize(stored.pointer.opening);
      current = await this.writer.load(stored.pointer.ticketId);
    }
    for (let hop = 0; current?.ticket.state === 'merged' && current.ticket.mergedInto && hop < MAX_MERGE_HOPS; hop++) {
      current = await this.writer.load(current.ticket.mergedInto);
    }
    return current;
  }

  /** Creates the ticket document of an opening; a 409 means another reader already did. */
  private async materialize(opening: TicketChange): Promise<void> {
    await this.writer.commit(opening, undefined);
  }
}
