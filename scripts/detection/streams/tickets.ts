/**
 * How many tickets a stream of signals opens: the responder's pure decision (libs/plan
 * decideOnSignal with the default plan) over the signals in event-time order, looked up by
 * incident key as the responder does. Nobody works tickets in an evaluation, so each ticket is
 * taken as resolved RESOLVE_AFTER_HOURS after it opened; a signal on a resolved key then goes
 * through the plan's reopen rule (a reopen counts as a ticket too: someone is paged again).
 */
import * as path from 'node:path';
import type { Alert, Signal, Ticket } from '@vigil/contracts';
import { decideOnSignal, openTicket, parsePlan, type Plan } from '../../../libs/plan/src';
import * as fs from 'node:fs';
import { repoRoot } from '../data';

export const RESOLVE_AFTER_HOURS = 8;
const ATTENTION = new Set<Alert['type']>(['new_ticket', 'reopened', 'level_raised', 'escalated']);

let plan: Plan | undefined;
export function defaultPlan(): Plan {
  if (plan) return plan;
  const file = path.join(repoRoot, 'libs/plan/default-plan.yaml');
  const r = parsePlan(fs.readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`default plan: ${r.errors.map((e) => e.message).join('; ')}`);
  return (plan = r.plan);
}

export interface TicketOpening {
  /** The signal that opened (or reopened) it. */
  signal: Signal;
  at: number;
  reopen: boolean;
  /** The plan's triggers that opened it (none for a reopening). */
  triggers: string[];
  /** Alerts of the decision that opened it, and of every later change of that ticket. */
  alerts: Alert[];
}

export interface SimulatedTickets {
  openings: TicketOpening[];
  /** Every decision that drew a person's attention (a new or reopened ticket, a raise, an escalation), with the signal behind it. */
  alerted: Array<{ signal: Signal; at: number }>;
  alerts: number;
  updates: number;
}

/** The same decision, one signal at a time in event-time order (a person can act on a ticket as it opens). */
export class TicketSim {
  private readonly p = defaultPlan();
  private readonly open = new Map<string, { ticket: Ticket; opening: TicketOpening }>();
  private readonly resolved = new Map<string, { ticket: Ticket; opening: TicketOpening }>();
  readonly openings: TicketOpening[] = [];
  readonly alerted: SimulatedTickets['alerted'] = [];
  alerts = 0;
  updates = 0;
  private seq = 0;

  /** Returns the ticket the signal opened or reopened, if any. */
  push(s: Signal): TicketOpening | undefined {
    const { p, open, resolved } = this;
    const now = new Date(s.at);
    for (const [key, o] of open) {
      const due = Date.parse(o.ticket.openedAt) + RESOLVE_AFTER_HOURS * 3_600_000;
      if (due <= now.getTime()) {
        open.delete(key);
        resolved.set(key, { ticket: { ...o.ticket, state: 'resolved', resolvedAt: new Date(due).toISOString() }, opening: o.opening });
      }
    }
    const d = decideOnSignal(p, s, open.get(s.key)?.ticket, resolved.get(s.key)?.ticket, now);
    if (d.type === 'ignore') return undefined;
    // What draws a person's attention: a new or reopened ticket, a raise, an escalation (an
    // 'updated' alert only changes a row already on screen).
    if (d.type === 'open' || d.alerts.some((a) => ATTENTION.has(a.type))) this.alerted.push({ signal: s, at: now.getTime() });
    if (d.type === 'open') {
      const change = openTicket(p, d, `T-${++this.seq}`, now);
      const opening: TicketOpening = { signal: s, at: now.getTime(), reopen: false, triggers: d.triggers.matched, alerts: change.alerts };
      this.openings.push(opening);
      this.alerts += change.alerts.length;
      open.set(s.key, { ticket: change.ticket, opening });
      return opening;
    }
    this.alerts += d.alerts.length;
    if (d.type === 'reopen') {
      const opening: TicketOpening = { signal: s, at: now.getTime(), reopen: true, triggers: [], alerts: d.alerts };
      this.openings.push(opening);
      resolved.delete(s.key);
      open.set(s.key, { ticket: d.ticket, opening });
      return opening;
    }
    this.updates++;
    const o = open.get(s.key)!;
    o.opening.alerts.push(...d.alerts);
    open.set(s.key, { ticket: d.ticket, opening: o.opening });
    return undefined;
  }
}

export function simulateTickets(signals: readonly Signal[]): SimulatedTickets {
  const sim = new TicketSim();
  const sorted = [...signals].sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1));
  for (const s of sorted) sim.push(s);
  return { openings: sim.openings, alerted: sim.alerted, alerts: sim.alerts, updates: sim.updates };
}
