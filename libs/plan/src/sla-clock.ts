import { SEVERITY_LEVELS, maxSeverity, severityRank, type Alert, type PausedInterval, type SeverityLevel, type SlaTarget, type Ticket, type TicketEvent } from '@vigil/contracts';
import { addBusinessMinutes, businessMinutesBetween } from './business-hours';
import { SLA_TARGETS, type Calendar, type EscalationStep, type Plan } from './plan.schema';
import { startDraft, SYSTEM_CLOCK, type TicketDraft } from './ticket-draft';

const MINUTE = 60_000;
const ms = (iso: string) => Date.parse(iso);

export type ClockKind = 'wall' | 'business';

/**
 * When `minutes` of (wall or business) time have elapsed since `start`, not counting
 * the paused intervals. Undefined while a pause is still open: the clock is stopped.
 */
export function computeDeadline(cal: Calendar, start: number, minutes: number, clock: ClockKind, pauses: readonly PausedInterval[] = []): number | undefined {
  const add = (from: number, budget: number) => (clock === 'wall' ? from + budget : addBusinessMinutes(cal, from, budget / MINUTE));
  const measure = (from: number, to: number) => (clock === 'wall' ? Math.max(0, to - from) : businessMinutesBetween(cal, from, to) * MINUTE);
  let cursor = start;
  let remaining = minutes * MINUTE;
  const sorted = [...pauses].sort((a, b) => ms(a.from) - ms(b.from));
  for (const p of sorted) {
    const to = p.to === undefined ? undefined : ms(p.to);
    if (to !== undefined && to <= cursor) continue;
    const from = Math.max(ms(p.from), cursor);
    const candidate = add(cursor, remaining);
    if (candidate <= from) return candidate;
    remaining -= measure(cursor, from);
    if (to === undefined) return undefined;
    cursor = to;
  }
  return add(cursor, remaining);
}

const MILESTONE: Record<SlaTarget, 'acknowledgedAt' | 'firstResponseAt' | 'resolvedAt'> = {
  acknowledge: 'acknowledgedAt',
  firstResponse: 'firstResponseAt',
  resolve: 'resolvedAt',
};
const UNLESS: Record<EscalationStep['unless'], SlaTarget> = { acknowledged: 'acknowledge', responded: 'firstResponse', resolved: 'resolve' };

/** The clock stops for good once a ticket is resolved; merged and closed tickets have none. */
export function clockRunning(ticket: Ticket): boolean {
  return !['resolved', 'closed', 'merged'].includes(ticket.state);
}

export function targetSpec(plan: Plan, ticket: Ticket, target: SlaTarget) {
  const spec = plan.sla.levels[ticket.level][target];
  const override = ticket.slaOverrides[target];
  return { ...spec, minutes: override !== undefined ? Math.min(spec.minutes, override) : spec.minutes };
}

/**
 * Deadline of one target for the ticket's current level, measured from the start of the
 * SLA cycle: a raised level tightens the target retroactively (the team is held to the
 * level the incident turned out to be), which keeps the deadline a function of stored fields.
 */
export function slaDeadline(plan: Plan, ticket: Ticket, target: SlaTarget, fraction = 1): number | undefined {
  const spec = targetSpec(plan, ticket, target);
  return computeDeadline(plan.calendar, ms(ticket.slaStartedAt), spec.minutes * fraction, spec.clock, spec.pausable ? ticket.pausedIntervals : []);
}

export function slaDeadlines(plan: Plan, ticket: Ticket): Ticket['slaDeadlines'] {
  const out: Ticket['slaDeadlines'] = {};
  for (const target of SLA_TARGETS) {
    const d = slaDeadline(plan, ticket, target);
    if (d !== undefined) out[target] = new Date(d).toISOString();
  }
  return out;
}

export interface ClockItem {
  kind: 'sla_warning' | 'sla_breached' | 'escalation';
  id: string;
  target?: SlaTarget;
  stepId?: string;
  dueAt: string;
}

export interface ClockResult {
  ticket: Ticket;
  due: ClockItem[];
  events: TicketEvent[];
  alerts: Alert[];
}

/**
 * SLA warnings, breaches and escalation steps that are due at `now`. Everything is derived
 * from the stored ticket times and the notices/steps it records as fired, so calling this
 * again — or after a restart, on the stored ticket — neither repeats nor loses anything.
 * Persist the returned ticket before publishing; alert ids are deterministic for the
 * crash window between the two.
 */
export function evaluateClock(plan: Plan, ticket: Ticket, now: Date): ClockResult {
  const d = startDraft(ticket, now);
  const due: ClockItem[] = [];
  if (!clockRunning(ticket)) return { ticket, due, events: [], alerts: [] };
  // A fired step can raise the level, which tightens targets: settle in a few rounds.
  for (let round = 0; round < SEVERITY_LEVELS.length + 1; round++) {
    const before = due.length;
    checkSla(plan, d, now.getTime(), due);
    checkLadder(plan, d, now.getTime(), due);
    if (due.length === before) break;
  }
  if (due.length === 0) return { ticket, due, events: [], alerts: [] };
  d.t.slaDeadlines = slaDeadlines(plan, d.t);
  return { ticket: d.t, due, events: d.events, alerts: d.alerts };
}

function checkSla(plan: Plan, d: TicketDraft, now: number, due: ClockItem[]): void {
  const t = d.t;
  const cycle = t.reopenCount;
  for (const target of SLA_TARGETS) {
    if (t[MILESTONE[target]]) continue;
    const deadline = slaDeadline(plan, t, target);
    if (deadline === undefined) continue;
    const breachId = `sla_breached:${target}@${cycle}`;
    const warnId = `sla_warning:${target}@${cycle}`;
    const dueAt = new Date(deadline).toISOString();
    if (now >= deadline) {
      if (t.slaNotices.includes(breachId)) continue;
      // A breach found late makes its warning moot: record both so the warning never follows.
      t.slaNotices = [...t.slaNotices, breachId, ...(t.slaNotices.includes(warnId) ? [] : [warnId])];
      due.push({ kind: 'sla_breached', id: breachId, target, dueAt });
      d.event('sla_breached', SYSTEM_CLOCK, { note: `${target} deadline ${dueAt} passed`, after: { slaNotice: breachId } });
      d.alert('sla_breached', `${target}@${cycle}`, `${target} deadline ${dueAt} passed`, { slaTarget: target, deadline: dueAt, notify: plan.levels[t.level].notify });
      continue;
    }
    if (t.slaNotices.includes(warnId)) continue;
    const warnAt = slaDeadline(plan, t, target, plan.sla.warnAtFraction);
    if (warnAt === undefined || now < warnAt) continue;
    t.slaNotices = [...t.slaNotices, warnId];
    due.push({ kind: 'sla_warning', id: warnId, target, dueAt });
    d.event('sla_warning', SYSTEM_CLOCK, { note: `${target} due ${dueAt}`, after: { slaNotice: warnId } });
    d.alert('sla_warning', `${target}@${cycle}`, `${target} due ${dueAt}`, { slaTarget: target, deadline: dueAt });
  }
}

function checkLadder(plan: Plan, d: TicketDraft, now: number, due: ClockItem[]): void {
  const t = d.t;
  const cycle = t.reopenCount;
  for (const step of plan.escalation) {
    if (t.escalations.some((e) => e.stepId === step.id && e.cycle === cycle)) continue;
    if (step.levels && !step.levels.includes(t.level)) continue;
    if (t[MILESTONE[UNLESS[step.unless]]]) continue;
    const at = computeDeadline(plan.calendar, ms(t.slaStartedAt), step.afterMinutes, step.clock, step.pausable ? t.pausedIntervals : []);
    if (at === undefined || now < at) continue;
    const raisedTo = raisedLevel(t.level, step);
    const previous = t.level;
    t.escalations = [...t.escalations, { stepId: step.id, cycle, at: d.iso, notified: step.notify, ...(raisedTo ? { raisedTo } : {}) }];
    due.push({ kind: 'escalation', id: `${step.id}@${cycle}`, stepId: step.id, dueAt: new Date(at).toISOString() });
    d.event('escalation_fired', SYSTEM_CLOCK, { note: step.description ?? step.id, after: { stepId: step.id, notified: step.notify } });
    if (raisedTo) {
      t.level = raisedTo;
      t.peakLevel = maxSeverity(t.peakLevel, raisedTo);
      d.event('level_changed', SYSTEM_CLOCK, { before: { level: previous }, after: { level: raisedTo }, note: `escalation step ${step.id}` });
      d.alert('level_raised', `${step.id}@${cycle}`, `raised from ${previous} by escalation step ${step.id}`, { previousLevel: previous, stepId: step.id });
    }
    const notify = [...new Set([...step.notify, ...(raisedTo ? plan.levels[raisedTo].notify : [])])];
    d.alert('escalated', `${step.id}@${cycle}`, step.description ?? step.id, { stepId: step.id, notify });
  }
}

function raisedLevel(level: SeverityLevel, step: EscalationStep): SeverityLevel | undefined {
  let target = level;
  if (step.raiseTo) target = maxSeverity(target, step.raiseTo);
  if (step.raiseOneLevel) target = SEVERITY_LEVELS[Math.min(severityRank(target) + 1, SEVERITY_LEVELS.length - 1)];
  return target === level ? undefined : target;
}
