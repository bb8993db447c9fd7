import {
  RECENT_REQUEST_CAP,
  type Alert,
  type Ticket,
  type TicketAction,
  type TicketEvent,
  type TicketState,
} from '@vigil/contracts';
import type { Plan } from './plan.schema';
import { changeLevel } from './level-change';
import { mergeInto } from './merge-tickets';
import { Rejection, reject } from './rejection';
import { slaDeadlines } from './sla-clock';
import { pushBounded, startDraft, type TicketDraft } from './ticket-draft';
import { keepPromise, recordFollowUp, scheduleFollowUp, setPromise, setPromiseAction } from './follow-up';
import { ACTIVE, approveRemedy, editComplaint, postPublicUpdate, proposeRemedy, recordAgreement, recordOutcome, reopenCase, resolve } from './case-actions';

export interface ActionError {
  code: string;
  message: string;
}

export type ActionResult =
  | {
      ok: true;
      ticket: Ticket;
      events: TicketEvent[];
      alerts: Alert[];
      /** The requestId was applied before: nothing changed, nothing to publish. */
      duplicate?: boolean;
      /** For `merge`: the surviving ticket, to store and publish as well. */
      mergeTarget?: { ticket: Ticket; events: TicketEvent[]; alerts: Alert[] };
    }
  | { ok: false; error: ActionError; /** `action_rejected`, for tickets.events. */ event: TicketEvent };

export interface ActionContext {
  /** Required for `merge`: the ticket named by `intoTicketId`. */
  mergeTarget?: Ticket;
}

/**
 * The moves the `transition` action may make. Closing goes through `close_with_review`
 * and merging through `merge`, because each needs more than a target state.
 */
export const TRANSITIONS: Record<TicketState, readonly TicketState[]> = {
  open: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['responding'],
  // Back to investigating when the response turned up new facts.
  responding: ['investigating'],
  resolved: [],
  closed: [],
  merged: [],
};


/** Applies one api action to a ticket: the new ticket plus its audit events and alerts, or a clear error. */
export function applyAction(plan: Plan, ticket: Ticket, action: TicketAction, now: Date, ctx: ActionContext = {}): ActionResult {
  if (ticket.recentRequestIds.includes(action.requestId)) return { ok: true, ticket, events: [], alerts: [], duplicate: true };
  const d = startDraft(ticket, now);
  try {
    if (action.ticketId !== ticket.id) reject('wrong_ticket', `action is for ${action.ticketId}, not ${ticket.id}`);
    const merged = apply(plan, d, action, ctx);
    d.t.recentRequestIds = pushBounded(d.t.recentRequestIds, [action.requestId], RECENT_REQUEST_CAP);
    d.t.slaDeadlines = slaDeadlines(plan, d.t);
    return { ok: true, ticket: d.t, events: d.events, alerts: d.alerts, ...(merged ? { mergeTarget: merged } : {}) };
  } catch (e) {
    if (!(e instanceof Rejection)) throw e;
    const error = { code: e.code, message: e.message };
    return { ok: false, error, event: rejectionEvent(ticket.id, action, now, error) };
  }
}

/** The `action_rejected` event that tells the person who acted why nothing changed (never stored on the ticket: seq 0). */
export function rejectionEvent(ticketId: string, action: TicketAction, now: Date, error: ActionError): TicketEvent {
  return {
    eventId: `${ticketId}:rejected:${action.requestId}`,
    ticketId,
    seq: 0,
    type: 'action_rejected',
    actor: action.actor,
    at: now.toISOString(),
    requestId: action.requestId,
    note: action.type,
    error,
  };
}

function apply(plan: Plan, d: TicketDraft, a: TicketAction, ctx: ActionContext) {
  const t = d.t;
  const opts = { requestId: a.requestId };
  if (t.state === 'merged') reject('ticket_merged', `${t.id} was merged into ${t.mergedInto}; act on that ticket`);
  const allowedWhenClosed = a.type === 'comment' || a.type === 'record_satisfaction' || a.type === 'reopen' || a.type === 'post_public_update';
  if (t.state === 'closed' && !allowedWhenClosed) reject('ticket_closed', `${t.id} is closed; only comments, satisfaction, public updates and reopening`);

  switch (a.type) {
    case 'acknowledge':
      if (t.state !== 'open') reject('already_acknowledged', `${t.id} is ${t.state}; only an open ticket can be acknowledged`);
      moveTo(d, 'acknowledged', a.actor, opts);
      return;
    case 'transition':
      return transition(plan, d, a.to, a.actor, { ...opts, note: a.note });
    case 'assign': {
      if (!a.assignee && !a.role) reject('assignee_required', 'assign to a person (assignee) or to a role of the plan (role)');
      // Handed to a role: whoever of its members picks it up; `role:<id>` stands for them.
      const assignee = a.assignee ?? `role:${a.role}`;
      const i = t.assignees.findIndex((x) => x.actor === assignee);
      if (a.remove) {
        if (i < 0) reject('not_assigned', `${assignee} is not assigned to ${t.id}`);
        const before = t.assignees.map((x) => x.actor);
        t.assignees = t.assignees.filter((x) => x.actor !== assignee);
        d.event('unassigned', a.actor, { ...opts, before: { assignees: before }, after: { assignees: t.assignees.map((x) => x.actor) } });
        return;
      }
      if (a.role && !plan.roles[a.role]) reject('unknown_role', `role "${a.role}" is not in the plan (known: ${Object.keys(plan.roles).join(', ')})`);
      if (i >= 0 && t.assignees[i].role === a.role) reject('already_assigned', `${assignee} is already assigned to ${t.id}`);
      const before = t.assignees.map((x) => x.actor);
      t.assignees = [...t.assignees.filter((x) => x.actor !== assignee), { actor: assignee, role: a.role, at: d.iso }];
      d.event('assigned', a.actor, { ...opts, before: { assignees: before }, after: { assignees: t.assignees.map((x) => x.actor), role: a.role } });
      return;
    }
    case 'comment':
      t.commentCount += 1;
      d.event('commented', a.actor, { ...opts, note: a.text });
      return;
    case 'change_level':
      return changeLevel(plan, d, a.level, a.actor, a.reason, opts);
    case 'record_response':
      if (!['open', ...ACTIVE].includes(t.state)) reject('not_active', `cannot record a response on a ${t.state} ticket`);
      if (!t.firstResponseAt) t.firstResponseAt = d.iso;
      d.event('response_recorded', a.actor, { ...opts, after: { firstResponseAt: t.firstResponseAt, channel: a.channel }, note: a.text, ...(a.knowledge && { knowledge: a.knowledge }) });
      keepPromise(d, a.actor, `response via ${a.channel}`);
      return;
    case 'check_step': {
      const item = t.checklist.find((c) => c.step === a.step);
      if (!item) reject('unknown_step', `checklist has no step ${a.step}`);
      if (item!.done === a.done) reject('no_change', `step ${a.step} is already ${a.done ? 'done' : 'not done'}`);
      item!.done = a.done;
      item!.doneAt = a.done ? d.iso : undefined;
      item!.doneBy = a.done ? a.actor : undefined;
      d.event('step_checked', a.actor, { ...opts, before: { [a.step]: !a.done }, after: { [a.step]: a.done } });
      return;
    }
    case 'pause_waiting':
      if (!ACTIVE.includes(t.state)) reject('not_active', `only an acknowledged, investigating or responding ticket can wait on the customer (it is ${t.state})`);
      if (isPaused(t)) reject('already_waiting', `${t.id} is already waiting on the customer`);
      t.pausedIntervals = [...t.pausedIntervals, { from: d.iso, reason: a.reason }];
      d.event('waiting_started', a.actor, { ...opts, note: a.reason });
      return;
    case 'resume_waiting':
      if (!isPaused(t)) reject('not_waiting', `${t.id} is not waiting on the customer`);
      endPause(d, a.actor, opts);
      return;
    case 'record_satisfaction': {
      if (!['resolved', 'closed'].includes(t.state)) reject('not_resolved', `satisfaction is recorded at follow-up, after resolving (ticket is ${t.state})`);
      const before = t.satisfaction?.score;
      t.satisfaction = { score: a.score, comment: a.comment, by: a.actor, at: d.iso };
      d.event('satisfaction_recorded', a.actor, { ...opts, before: { satisfaction: before }, after: { satisfaction: a.score } });
      return;
    }
    case 'close_with_review': {
      if (t.state !== 'resolved') reject('not_resolved', `only a resolved ticket can be closed (it is ${t.state})`);
      const score = a.review.customerSatisfaction ?? t.satisfaction?.score;
      if (score === undefined) reject('satisfaction_required', 'closing needs the customer satisfaction: record it first or put it in the review');
      if (!t.satisfaction) t.satisfaction = { score: score!, by: a.actor, at: d.iso };
      t.review = a.review;
      const review = t.checklist.find((c) => c.step === 'review');
      if (review && !review.done) Object.assign(review, { done: true, doneAt: d.iso, doneBy: a.actor });
      t.state = 'closed';
      t.closedAt = d.iso;
      d.event('closed', a.actor, { ...opts, before: { state: 'resolved' }, after: { state: 'closed', review: a.review } });
      if (a.outcome) recordOutcome(d, a.outcome, a.actor, opts);
      return;
    }
    case 'merge':
      return mergeInto(plan, d, a, ctx.mergeTarget);
    case 'propose_remedy':
      proposeRemedy(plan, d, a, opts);
      if (a.promisedBy) setPromise(plan, d, a.promisedBy, a.actor, opts);
      return;
    case 'set_promise':
      return setPromiseAction(plan, d, a, opts);
    case 'record_follow_up':
      return recordFollowUp(plan, d, a, opts);
    case 'approve_remedy':
      return approveRemedy(plan, d, a, opts);
    case 'record_agreement':
      recordAgreement(d, a, opts);
      keepPromise(d, a.actor, `customer's answer to ${a.remedyId}`);
      return;
    case 'resolve':
      resolve(d, a, opts, () => endPause(d, a.actor, opts));
      keepPromise(d, a.actor, 'resolved');
      scheduleFollowUp(plan, d, a.actor);
      return;
    case 'reopen':
      return reopenCase(plan, d, a, opts);
    case 'edit_complaint':
      return editComplaint(d, a, opts);
    case 'post_public_update':
      return postPublicUpdate(d, a, opts);
  }
}

function transition(_plan: Plan, d: TicketDraft, to: TicketState, actor: string, opts: { requestId: string; note?: string }) {
  const t = d.t;
  if (to === 'closed') reject('review_required', 'closing needs a review (复盘): use close_with_review');
  if (to === 'merged') reject('use_merge', 'use the merge action to merge tickets');
  if (to === 'resolved') reject('root_cause_required', 'resolving needs a root cause (偶发/流程/系统/产品/第三方): use resolve');
  if (t.state === 'resolved') reject('use_reopen', 'reopening needs a reason: use reopen');
  if (!TRANSITIONS[t.state].includes(to)) {
    const allowed = TRANSITIONS[t.state];
    reject('illegal_transition', `cannot go from ${t.state} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`);
  }
  moveTo(d, to, actor, opts);
}

function moveTo(d: TicketDraft, to: TicketState, actor: string, opts: { requestId: string; note?: string }) {
  const t = d.t;
  const before = { state: t.state };
  t.state = to;
  if (to === 'acknowledged' && !t.acknowledgedAt) t.acknowledgedAt = d.iso;
  d.event(to === 'acknowledged' ? 'acknowledged' : 'transitioned', actor, { ...opts, before, after: { state: to } });
}

function isPaused(t: Ticket): boolean {
  return t.pausedIntervals.some((p) => p.to === undefined);
}

function endPause(d: TicketDraft, actor: string, opts: { requestId: string }) {
  d.t.pausedIntervals = d.t.pausedIntervals.map((p) => (p.to === undefined ? { ...p, to: d.iso } : p));
  d.event('waiting_ended', actor, opts);
}

