import { TICKET_DIMENSION_CAP, type Alert, type Signal, type SlaTarget, type Ticket, type TicketAnalytics } from '@vigil/contracts';
import { SLA_TARGETS, type Plan } from './plan.schema';

/**
 * The figures analytics aggregates, kept on the ticket as they happen (see
 * ticket-analytics.schema.ts and docs/analytics.md). Pure: the responder calls `noteSignal` when
 * a signal opens, updates or reopens a ticket, and `recordAnalytics` on every write.
 */

const MINUTE = 60_000;
const ms = (iso: string) => Date.parse(iso);
const MILESTONE: Record<SlaTarget, 'acknowledgedAt' | 'firstResponseAt' | 'resolvedAt'> = {
  acknowledge: 'acknowledgedAt',
  firstResponse: 'firstResponseAt',
  resolve: 'resolvedAt',
};
/** The escalation fired at opening by a trigger, not by a late milestone (decide-on-signal.ts). */
const IMMEDIATE_STEP = 'immediate';
export const NO_TEAM = '_none';

export function emptyAnalytics(): TicketAnalytics {
  return { watchIds: [], categories: [], channels: [], places: [], teams: [], repeat: false, sla: {}, escalations: 0, ladderEscalations: 0 };
}

function union(list: string[], more: readonly (string | undefined)[]): string[] {
  const out = [...list];
  for (const v of more) if (v && !out.includes(v) && out.length < TICKET_DIMENSION_CAP) out.push(v);
  return out;
}

/**
 * Joins a signal's facts onto its ticket: its watch, complaint categories, channels and places.
 * `repeatOf` names the earlier ticket of the same incident key when this signal opens a new one.
 */
export function noteSignal(ticket: Ticket, signal: Signal, repeatOf?: string): Ticket {
  const a = ticket.analytics ? structuredClone(ticket.analytics) : emptyAnalytics();
  a.watchIds = union(a.watchIds, [signal.watchId]);
  a.categories = union(a.categories, signal.categories);
  a.channels = union(a.channels, signal.channels);
  a.places = union(a.places, signal.places);
  if (repeatOf && repeatOf !== ticket.id && !a.repeatOf) a.repeatOf = repeatOf;
  a.repeat = a.repeat || a.repeatOf !== undefined;
  return { ...ticket, analytics: a };
}

/** The ticket's watches on each alert its change raised (the alerts are made before `noteSignal` runs). */
export function withAlertWatches(alerts: readonly Alert[], ticket: Ticket): Alert[] {
  const watchIds = ticket.analytics?.watchIds ?? [];
  return watchIds.length ? alerts.map((a) => ({ ...a, watchIds: [...watchIds] })) : [...alerts];
}

/**
 * A single complaint whose record found earlier complaints of the same person or order: the
 * same count the plan's `repeatComplaints` condition reads (the default plan's repeat-complaint
 * trigger is `gte: 1`), so a ticket opened as a repeat complaint counts as one here.
 */
export function isRepeatComplaint(ticket: Ticket): boolean {
  return (ticket.complaint?.history.repeatCount ?? 0) > 0;
}

/** Minutes in [from, to) not spent waiting on the customer (paused intervals). */
export function activeMinutes(ticket: Ticket, from: number, to: number): number {
  let paused = 0;
  for (const p of ticket.pausedIntervals) {
    const a = Math.max(from, ms(p.from));
    const b = Math.min(to, p.to === undefined ? to : ms(p.to));
    if (b > a) paused += b - a;
  }
  return Math.round((Math.max(0, to - from - paused) / MINUTE) * 100) / 100;
}

/** The plan's teams that hold an assignee's role, else a role told at the ticket's level. */
export function teamsOf(plan: Plan, ticket: Ticket): string[] {
  const assigned = ticket.assignees.flatMap((a) => (a.role ? [a.role] : []));
  const roles = assigned.length ? assigned : plan.levels[ticket.level].notify;
  const teams = Object.entries(plan.teams)
    .filter(([, team]) => team.roles.some((r) => roles.includes(r)))
    .map(([id]) => id);
  return teams.length ? teams.slice(0, TICKET_DIMENSION_CAP) : [NO_TEAM];
}

/**
 * The ticket with its analytics brought up to date after a change from `before` to `after`:
 * milestones and their durations the first time they are reached (a reopen does not clear
 * them), the SLA outcome of each target (breached once a cycle breached it: the clock's notice,
 * or the milestone reached after its deadline), escalations, first-pass resolution and repeat
 * (an earlier ticket on the incident key, or the complaint record's earlier complaints).
 * A ticket stored before analytics existed is filled in from its stored times on its next write.
 */
export function recordAnalytics(plan: Plan, before: Ticket | undefined, after: Ticket): Ticket {
  const a = after.analytics ? structuredClone(after.analytics) : emptyAnalytics();
  const opened = ms(after.openedAt);
  const since = (iso: string) => activeMinutes(after, opened, ms(iso));
  if (!a.firstAcknowledgedAt && after.acknowledgedAt) {
    a.firstAcknowledgedAt = after.acknowledgedAt;
    a.ackMinutes = since(after.acknowledgedAt);
  }
  if (!a.firstRespondedAt && after.firstResponseAt) {
    a.firstRespondedAt = after.firstResponseAt;
    a.firstResponseMinutes = since(after.firstResponseAt);
  }
  if (!a.firstResolvedAt && after.resolvedAt) {
    a.firstResolvedAt = after.resolvedAt;
    a.handlingMinutes = since(after.resolvedAt);
  }
  for (const target of SLA_TARGETS) {
    if (a.sla[target] === 'breached') continue;
    if (after.slaNotices.some((n) => n.startsWith(`sla_breached:${target}@`))) {
      a.sla[target] = 'breached';
      continue;
    }
    const reached = after[MILESTONE[target]];
    if (!reached || (reached === before?.[MILESTONE[target]] && a.sla[target] !== undefined)) continue;
    const deadline = after.slaDeadlines[target];
    a.sla[target] = deadline !== undefined && ms(reached) > ms(deadline) ? 'breached' : 'met';
  }
  a.escalations = after.escalations.length;
  a.ladderEscalations = after.escalations.filter((e) => e.stepId !== IMMEDIATE_STEP).length;
  if (a.firstResolvedAt) a.fcr = after.reopenCount === 0 && a.ladderEscalations === 0;
  a.repeat = a.repeat || a.repeatOf !== undefined || isRepeatComplaint(after);
  a.teams = teamsOf(plan, after);
  return { ...after, analytics: a };
}
