import { PUBLIC_UPDATE_CAP, REMEDY_CAP, type Demand, type TicketAction, type TicketOutcome, type TicketState } from '@vigil/contracts';
import type { Plan } from './plan.schema';
import { reject } from './rejection';
import { holdsAny } from './roles';
import type { TicketDraft } from './ticket-draft';

/**
 * The complaint-handling steps beyond the state machine: remedies (with the front line's money
 * limit), the customer's agreement, resolving with a root cause, reopening, corrections to the
 * complaint record and what the complainant is told. Pure like the rest of the lifecycle.
 */

type Action<T extends TicketAction['type']> = Extract<TicketAction, { type: T }>;
type Opts = { requestId: string };

export const ACTIVE: readonly TicketState[] = ['acknowledged', 'investigating', 'responding'];

function mustBeActive(d: TicketDraft, what: string) {
  const t = d.t;
  if (t.state === 'open') reject('not_acknowledged', `acknowledge ${t.id} before you ${what}`);
  if (!ACTIVE.includes(t.state)) reject('not_active', `cannot ${what} on a ${t.state} ticket`);
}

export function proposeRemedy(plan: Plan, d: TicketDraft, a: Action<'propose_remedy'>, opts: Opts) {
  const t = d.t;
  mustBeActive(d, 'propose a remedy');
  if (t.remedies.length >= REMEDY_CAP) reject('too_many_remedies', `${t.id} already has ${REMEDY_CAP} remedies`);
  const limit = plan.authority.frontlineMoneyLimit;
  // A knowledge-base entry that needs a lead (a home visit, say) waits for one whatever its amount.
  const over = (a.remedy.amount ?? 0) > limit || a.knowledge?.authority === 'lead';
  const approver = holdsAny(plan, a.actor, plan.authority.approverRoles);
  // Above the front line's authority the remedy waits for a lead instead of being offered.
  const status = over && !approver ? 'awaiting_approval' : 'proposed';
  const id = `r${t.remedies.length + 1}`;
  t.remedies = [...t.remedies, { ...a.remedy, id, status, proposedBy: a.actor, proposedAt: d.iso }];
  d.event('remedy_proposed', a.actor, { ...opts, after: { remedyId: id, kind: a.remedy.kind, amount: a.remedy.amount, currency: a.remedy.currency, status }, note: a.remedy.description, ...(a.knowledge && { knowledge: { entryId: a.knowledge.entryId, version: a.knowledge.version } }) });
  if (status === 'awaiting_approval') {
    const notify = plan.authority.approverRoles;
    const why = (a.remedy.amount ?? 0) > limit ? `(${a.remedy.amount} ${a.remedy.currency}) is above the front line's limit of ${limit}` : `(knowledge entry ${a.knowledge?.entryId}) needs a lead's authority`;
    d.alert('approval_requested', id, `remedy ${id} ${why}: a lead must approve it`, { notify });
  }
}

export function approveRemedy(plan: Plan, d: TicketDraft, a: Action<'approve_remedy'>, opts: Opts) {
  const t = d.t;
  const r = t.remedies.find((x) => x.id === a.remedyId);
  if (!r) reject('unknown_remedy', `${t.id} has no remedy ${a.remedyId}`);
  if (r!.status !== 'awaiting_approval') reject('no_approval_pending', `remedy ${a.remedyId} is ${r!.status}; only a remedy awaiting approval can be approved or rejected`);
  if (!holdsAny(plan, a.actor, plan.authority.approverRoles)) {
    reject('not_authorised', `${a.actor} may not approve remedies above ${plan.authority.frontlineMoneyLimit}: that needs a member of ${plan.authority.approverRoles.join(', ')}`);
  }
  const status = a.approve ? 'approved' : 'rejected';
  t.remedies = t.remedies.map((x) => (x.id === a.remedyId ? { ...x, status, decidedBy: a.actor, decidedAt: d.iso, ...(a.note && { decisionNote: a.note }) } : x));
  d.event('remedy_decided', a.actor, { ...opts, before: { status: 'awaiting_approval' }, after: { remedyId: a.remedyId, status }, note: a.note });
}

export function recordAgreement(d: TicketDraft, a: Action<'record_agreement'>, opts: Opts) {
  const t = d.t;
  mustBeActive(d, "record the customer's answer");
  const r = t.remedies.find((x) => x.id === a.remedyId);
  if (!r) reject('unknown_remedy', `${t.id} has no remedy ${a.remedyId}`);
  if (r!.status === 'awaiting_approval') reject('approval_pending', `remedy ${a.remedyId} still needs a lead's approval before it is offered`);
  if (r!.status === 'rejected') reject('remedy_rejected', `remedy ${a.remedyId} was rejected by ${r!.decidedBy}; propose another`);
  if (r!.customer) reject('already_answered', `the customer already ${r!.customer.agreed ? 'agreed to' : 'declined'} remedy ${a.remedyId}`);
  const status = a.agreed ? 'agreed' : 'declined';
  t.remedies = t.remedies.map((x) => (x.id === a.remedyId ? { ...x, status, customer: { agreed: a.agreed, recordedBy: a.actor, at: d.iso, ...(a.note && { note: a.note }) } } : x));
  d.event('agreement_recorded', a.actor, { ...opts, before: { status: r!.status }, after: { remedyId: a.remedyId, status }, note: a.note });
  if (a.agreed) checkStep(d, 'propose_remedy', a.actor);
}

export function resolve(d: TicketDraft, a: Action<'resolve'>, opts: Opts, endPause: () => void) {
  const t = d.t;
  mustBeActive(d, 'resolve');
  if (t.pausedIntervals.some((p) => p.to === undefined)) endPause();
  const before = { state: t.state };
  t.state = 'resolved';
  t.resolvedAt = d.iso;
  t.resolution = { rootCause: a.rootCause, note: a.note, by: a.actor, at: d.iso };
  if (a.outcome) t.outcome = { value: a.outcome, by: a.actor, at: d.iso };
  d.event('resolved', a.actor, { ...opts, before, after: { state: 'resolved', rootCause: a.rootCause, ...(a.outcome && { outcome: a.outcome }) }, note: a.note });
  checkStep(d, 'investigate_cause', a.actor);
}

/**
 * The team's judgement given when closing (or changed then): its own audit event, so the
 * trail says who judged what; the same judgement again changes nothing.
 */
export function recordOutcome(d: TicketDraft, outcome: TicketOutcome, actor: string, opts: Opts) {
  const t = d.t;
  if (t.outcome?.value === outcome) return;
  const before = { outcome: t.outcome?.value };
  t.outcome = { value: outcome, by: actor, at: d.iso };
  d.event('outcome_recorded', actor, { ...opts, before, after: { outcome } });
}

/** A person reopening a resolved or closed case: a new SLA cycle, already acknowledged by them. */
export function reopenCase(plan: Plan, d: TicketDraft, a: Action<'reopen'>, opts: Opts) {
  const t = d.t;
  if (t.state !== 'resolved' && t.state !== 'closed') reject('not_resolved', `only a resolved or closed ticket can be reopened (${t.id} is ${t.state})`);
  reopenTicket(plan, d, a.actor, a.reason, opts);
}

/** Reopens a resolved or closed ticket (a person, or a plan rule: low satisfaction, a repeat complaint). */
export function reopenTicket(plan: Plan, d: TicketDraft, actor: string, reason: string, opts: Partial<Opts> = {}, extraNotify: string[] = []) {
  const t = d.t;
  const before = { state: t.state, reopenCount: t.reopenCount };
  t.reopenCount += 1;
  t.state = 'investigating';
  t.slaStartedAt = d.iso;
  t.acknowledgedAt = d.iso;
  t.firstResponseAt = undefined;
  t.resolvedAt = undefined;
  t.closedAt = undefined;
  t.resolution = undefined;
  t.outcome = undefined;
  const review = t.checklist.find((c) => c.step === 'review');
  if (review) Object.assign(review, { done: false, doneAt: undefined, doneBy: undefined });
  // A follow-up not made yet belongs to the cycle that just ended.
  if (t.followUp && !t.followUp.doneAt) t.followUp = undefined;
  d.event('reopened', actor, { ...opts, before, after: { state: 'investigating', reopenCount: t.reopenCount }, note: reason });
  d.alert('reopened', `${t.reopenCount}`, `reopened by ${actor}: ${reason}`, { notify: [...new Set([...plan.levels[t.level].notify, ...extraNotify])] });
}

export function editComplaint(d: TicketDraft, a: Action<'edit_complaint'>, opts: Opts) {
  const t = d.t;
  const c = t.complaint;
  if (!c) reject('no_complaint_record', `${t.id} is an incident ticket without a single complaint's record`);
  if (a.demands === undefined && a.orders === undefined && a.products === undefined && a.stores === undefined) reject('no_change', 'give demands, orders, products or stores to change');
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (a.demands) {
    const kept = new Map(c!.demands.map((x) => [x.kind, x]));
    before.demands = c!.demands.map((x) => x.kind);
    c!.demands = [...new Set(a.demands)].map((kind): Demand => (kept.get(kind)?.source === 'detected' ? kept.get(kind)! : { kind, source: 'person' }));
    after.demands = c!.demands.map((x) => x.kind);
  }
  for (const field of ['orders', 'products', 'stores'] as const) {
    const v = a[field];
    if (!v) continue;
    before[field] = c!.target[field];
    c!.target = { ...c!.target, [field]: [...new Set(v)] };
    after[field] = c!.target[field];
  }
  if (JSON.stringify(before) === JSON.stringify(after)) reject('no_change', 'the complaint record already says that');
  d.event('complaint_edited', a.actor, { ...opts, before, after });
}

export function postPublicUpdate(d: TicketDraft, a: Action<'post_public_update'>, opts: Opts) {
  const t = d.t;
  if (!t.complaint) reject('no_complaint_record', `${t.id} has no complainant to tell (public updates are for single complaints)`);
  if (t.state === 'merged') reject('ticket_merged', `${t.id} was merged into ${t.mergedInto}`);
  if (a.promisedBy && Date.parse(a.promisedBy) <= Date.parse(d.iso)) reject('promise_in_past', `the promised time ${a.promisedBy} has already passed`);
  const update = { text: a.text, at: d.iso, by: a.actor, ...(a.promisedBy && { promisedBy: a.promisedBy }) };
  t.publicUpdates = [...t.publicUpdates, update].slice(-PUBLIC_UPDATE_CAP);
  d.event('public_update_posted', a.actor, { ...opts, after: { promisedBy: a.promisedBy }, note: a.text });
}

function checkStep(d: TicketDraft, step: string, actor: string) {
  const item = d.t.checklist.find((c) => c.step === step);
  if (item && !item.done) Object.assign(item, { done: true, doneAt: d.iso, doneBy: actor });
}
