import { SEVERITY_LEVELS, severityRank, maxSeverity, type TicketAction, type Ticket } from '@vigil/contracts';
import { endOfWorkingDaysAfter } from './business-hours';
import type { Plan } from './plan.schema';
import { reject } from './rejection';
import { reopenTicket } from './case-actions';
import { startDraft, SYSTEM_CLOCK, type TicketDraft } from './ticket-draft';
import type { ClockItem, ClockResult } from './sla-clock';

/**
 * Promises (承诺反馈时间) and the follow-up after resolution (回访), with the plan's rules for a
 * bad follow-up or a repeat complaint. Every clock item is derived from stored ticket fields and
 * marks what it announced on the ticket (`promise.missedAt`, `followUp.overdueAt`, a repeat's
 * `slaNotices` entry), so a pass after a restart neither repeats nor loses one.
 */

type Action<T extends TicketAction['type']> = Extract<TicketAction, { type: T }>;
type Opts = { requestId: string };
const HOUR = 3_600_000;
export const SYSTEM_RULES = 'system:rules';

/** Sets (or replaces) the promised feedback time; refuses one in the past or beyond the plan's `promises.maxHours`. */
export function setPromise(plan: Plan, d: TicketDraft, dueAt: string, actor: string, opts: Opts, text?: string) {
  const t = d.t;
  const due = Date.parse(dueAt);
  const now = Date.parse(d.iso);
  if (due <= now) reject('promise_in_past', `the promised time ${dueAt} has already passed`);
  if (due - now > plan.promises.maxHours * HOUR) reject('promise_too_far', `a promise may be at most ${plan.promises.maxHours} hours ahead (plan promises.maxHours); ${dueAt} is further`);
  const before = t.promise && !t.promise.metAt && !t.promise.missedAt ? { promisedBy: t.promise.dueAt } : undefined;
  t.promise = { dueAt: new Date(due).toISOString(), by: actor, at: d.iso, ...(text && { text }) };
  d.event('promise_set', actor, { ...opts, ...(before && { before }), after: { promisedBy: t.promise.dueAt }, ...(text && { note: text }) });
}

export function setPromiseAction(plan: Plan, d: TicketDraft, a: Action<'set_promise'>, opts: Opts) {
  const t = d.t;
  if (!['acknowledged', 'investigating', 'responding'].includes(t.state)) reject('not_active', `a promise is made on an acknowledged case that is being worked (${t.id} is ${t.state})`);
  setPromise(plan, d, a.dueAt, a.actor, opts, a.text);
}

/** The customer heard back (a reply, their answer to a remedy, the resolution): an open promise is kept. */
export function keepPromise(d: TicketDraft, actor: string, how: string) {
  const p = d.t.promise;
  if (!p || p.metAt || p.missedAt) return;
  d.t.promise = { ...p, metAt: d.iso };
  const late = Date.parse(d.iso) > Date.parse(p.dueAt);
  d.event('promise_kept', actor, { after: { promisedBy: p.dueAt, late }, note: how });
}

/** On resolving: the follow-up is due at the end of the plan's Nth working day after today. */
export function scheduleFollowUp(plan: Plan, d: TicketDraft, resolver: string) {
  const t = d.t;
  const dueAt = new Date(endOfWorkingDaysAfter(plan.calendar, Date.parse(d.iso), plan.followUp.afterWorkingDays)).toISOString();
  const assignee = t.assignees.find((a) => !a.actor.startsWith('role:'))?.actor ?? resolver;
  t.followUp = { cycle: t.reopenCount, dueAt, assignee };
  d.event('follow_up_scheduled', SYSTEM_CLOCK, { after: { dueAt, assignee, workingDays: plan.followUp.afterWorkingDays } });
}

/** 回访 recorded: outcome and satisfaction; a score at or below the plan's threshold reopens or escalates. */
export function recordFollowUp(plan: Plan, d: TicketDraft, a: Action<'record_follow_up'>, opts: Opts) {
  const t = d.t;
  const f = t.followUp;
  if (t.state !== 'resolved' || !f) reject('no_follow_up', `${t.id} has no follow-up to record (it is ${t.state}; a follow-up is due after resolving)`);
  if (f!.doneAt) reject('follow_up_done', `the follow-up of ${t.id} was already recorded by ${f!.doneBy}`);
  if (a.outcome === 'reached' && a.score === undefined) reject('score_required', 'the customer was reached: record their satisfaction (1–5)');
  if (a.outcome === 'unreachable' && a.score !== undefined) reject('no_score_unreached', 'nobody was reached: there is no satisfaction score to record');
  t.followUp = { ...f!, doneAt: d.iso, doneBy: a.actor, outcome: a.outcome, ...(a.score !== undefined && { score: a.score }), ...(a.comment && { comment: a.comment }) };
  if (a.score !== undefined) t.satisfaction = { score: a.score, by: a.actor, at: d.iso, ...(a.comment && { comment: a.comment }) };
  const step = t.checklist.find((c) => c.step === 'execute_follow_up');
  if (step && !step.done) Object.assign(step, { done: true, doneAt: d.iso, doneBy: a.actor });
  d.event('follow_up_recorded', a.actor, { ...opts, after: { outcome: a.outcome, satisfaction: a.score }, ...(a.comment && { note: a.comment }) });
  const rule = plan.followUp.lowSatisfaction;
  if (a.score !== undefined && a.score <= rule.atOrBelow) {
    applyRule(plan, d, rule.action, rule.notify, `rule:low-satisfaction`, `满意度 ${a.score} ≤ ${rule.atOrBelow} / satisfaction ${a.score} at or below ${rule.atOrBelow}`);
  }
}

/** Reopen or escalate, as the plan's rule says, with the reason on the ticket's history. */
function applyRule(plan: Plan, d: TicketDraft, action: 'reopen' | 'escalate', notify: string[], stepId: string, reason: string) {
  const t = d.t;
  if (action === 'reopen' && (t.state === 'resolved' || t.state === 'closed')) {
    reopenTicket(plan, d, SYSTEM_RULES, reason, {}, notify);
    return;
  }
  // Escalate (or a rule meant to reopen a case that is still open): one level up, the rule's roles told.
  const previous = t.level;
  const raisedTo = SEVERITY_LEVELS[Math.min(severityRank(previous) + 1, SEVERITY_LEVELS.length - 1)];
  t.escalations = [...t.escalations, { stepId, cycle: t.reopenCount, at: d.iso, notified: notify, ...(raisedTo !== previous && { raisedTo }) }];
  d.event('escalation_fired', SYSTEM_RULES, { after: { stepId, notified: notify }, note: reason });
  if (raisedTo !== previous) {
    t.level = raisedTo;
    t.peakLevel = maxSeverity(t.peakLevel, raisedTo);
    d.event('level_changed', SYSTEM_RULES, { before: { level: previous }, after: { level: raisedTo }, note: reason });
  }
  d.alert('escalated', `${stepId}@${t.seq}`, reason, { stepId, notify: [...new Set([...notify, ...plan.levels[t.level].notify])] });
}

/**
 * A new complaint (`newTicketId`) of the same complainant as the resolved or closed `earlier`: within
 * the plan's `followUp.repeatComplaint.withinDays` of its resolution it is reopened or escalated.
 * Undefined when the rule does not apply or this repeat was handled already (idempotent).
 */
export function applyRepeatComplaint(plan: Plan, earlier: Ticket, newTicketId: string, now: Date): ClockResult | undefined {
  const rule = plan.followUp.repeatComplaint;
  const marker = `repeat_complaint:${newTicketId}`;
  if (earlier.id === newTicketId || earlier.slaNotices.includes(marker)) return undefined;
  if (earlier.state !== 'resolved' && earlier.state !== 'closed') return undefined;
  const doneAt = earlier.resolvedAt ?? earlier.closedAt;
  if (!doneAt || now.getTime() - Date.parse(doneAt) > rule.withinDays * 24 * HOUR) return undefined;
  const d = startDraft(earlier, now);
  d.t.slaNotices = [...d.t.slaNotices, marker];
  const reason = `重复投诉 ${newTicketId}（解决后 ${rule.withinDays} 天内）/ repeat complaint ${newTicketId} within ${rule.withinDays} days of resolution`;
  d.event('repeat_complaint', SYSTEM_RULES, { after: { ticketId: newTicketId, action: rule.action }, note: reason });
  applyRule(plan, d, rule.action, rule.notify, 'rule:repeat-complaint', reason);
  return { ticket: d.t, due: [{ kind: 'escalation', id: marker, dueAt: d.iso }], events: d.events, alerts: d.alerts };
}

/** Promise missed and follow-up overdue, when due at `now`; announced once (the ticket records it). */
export function evaluateFollowUpClock(plan: Plan, ticket: Ticket, now: Date): ClockResult {
  const d = startDraft(ticket, now);
  const due: ClockItem[] = [];
  const t = d.t;
  const p = t.promise;
  if (p && !p.metAt && !p.missedAt && ['open', 'acknowledged', 'investigating', 'responding'].includes(t.state) && now.getTime() >= Date.parse(p.dueAt)) {
    t.promise = { ...p, missedAt: d.iso };
    const id = `promise_missed:${p.at}`;
    due.push({ kind: 'escalation', id, dueAt: p.dueAt });
    const previous = t.level;
    const raisedTo = plan.promises.raiseOneLevel ? SEVERITY_LEVELS[Math.min(severityRank(previous) + 1, SEVERITY_LEVELS.length - 1)] : previous;
    d.event('promise_missed', SYSTEM_CLOCK, { after: { promisedBy: p.dueAt, promisedAt: p.at, notified: plan.promises.notify }, note: `promised by ${p.by} for ${p.dueAt}` });
    if (raisedTo !== previous) {
      t.level = raisedTo;
      t.peakLevel = maxSeverity(t.peakLevel, raisedTo);
      d.event('level_changed', SYSTEM_CLOCK, { before: { level: previous }, after: { level: raisedTo }, note: 'promise missed' });
    }
    const notify = [...new Set([...plan.promises.notify, ...(raisedTo !== previous ? plan.levels[raisedTo].notify : [])])];
    d.alert('promise_missed', p.at, `承诺 ${p.dueAt} 前反馈未兑现 / promised feedback by ${p.dueAt} not given`, { deadline: p.dueAt, notify });
  }
  const f = t.followUp;
  if (f && t.state === 'resolved' && !f.doneAt && !f.overdueAt && now.getTime() >= Date.parse(f.dueAt)) {
    t.followUp = { ...f, overdueAt: d.iso };
    due.push({ kind: 'escalation', id: `follow_up_overdue@${f.cycle}`, dueAt: f.dueAt });
    d.event('follow_up_overdue', SYSTEM_CLOCK, { after: { dueAt: f.dueAt, assignee: f.assignee, notified: plan.followUp.notifyOverdue } });
    d.alert('follow_up_overdue', `${f.cycle}`, `回访逾期（${f.assignee}，应于 ${f.dueAt}）/ follow-up overdue (${f.assignee}, due ${f.dueAt})`, { deadline: f.dueAt, notify: plan.followUp.notifyOverdue });
  }
  return due.length ? { ticket: t, due, events: d.events, alerts: d.alerts } : { ticket, due, events: [], alerts: [] };
}
