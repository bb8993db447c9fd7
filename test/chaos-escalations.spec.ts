import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '@vigil/plan';
import { escalationOutcomes, summariseEscalations, type AuditedTicket, type FiredEvent } from '../scripts/chaos/audit';

// The bundled plan's ladder: not-acknowledged-30m, not-acknowledged-60m, no-response-1h (wall clock), unresolved-24h (pausable).
const parsed = parsePlan(fs.readFileSync(path.join(__dirname, '../libs/plan/default-plan.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('the bundled plan does not parse');
const plan = parsed.plan;
const T0 = Date.parse('2026-12-07T10:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const GRACE = 30_000;

const ticket = (id: string, over: Partial<AuditedTicket> = {}): AuditedTicket => ({
  id,
  level: 'important',
  state: 'open',
  slaStartedAt: iso(T0),
  updatedAt: iso(T0),
  reopenCount: 0,
  pausedIntervals: [],
  escalations: [],
  ...over,
});
const fired = (t: AuditedTicket, ...steps: [string, number][]): [AuditedTicket, FiredEvent[]] => [
  { ...t, escalations: steps.map(([stepId]) => ({ stepId, cycle: 0 })) },
  steps.map(([stepId, atMin]) => ({ ticketId: t.id, stepId, at: iso(T0 + atMin * MIN) })),
];
const audit = (tickets: AuditedTicket[], events: FiredEvent[], endMin: number) => summariseEscalations(escalationOutcomes(plan, tickets, events, T0 + endMin * MIN, GRACE));

describe('the fault suite judging SLA escalations against the plan', () => {
  it('counts a step whose deadline passed without any firing as lost, though trail and ticket agree', () => {
    // The responder was down over the 30-minute deadline and never caught up: nothing recorded anywhere.
    expect(audit([ticket('T1')], [], 45)).toMatchObject({ due: 1, fired: 0, lost: 1 });
  });

  it('passes steps fired on time, and does not yet judge a step due within the grace before the end', () => {
    const [t, events] = fired(ticket('T1'), ['not-acknowledged-30m', 30.05], ['not-acknowledged-60m', 60.1], ['no-response-1h', 60.1]);
    expect(audit([t], events, 90)).toEqual({ due: 3, fired: 3, repeated: 0, lost: 0, early: 0, maxLateS: 6 });
    const [t2, events2] = fired(ticket('T2'), ['not-acknowledged-30m', 30.1]);
    expect(audit([t2], events2, 60.2)).toMatchObject({ due: 1, fired: 1, lost: 0 });
  });

  it('counts a second firing of the same step as repeated and a firing before its deadline as early', () => {
    const [t, events] = fired(ticket('T1'), ['not-acknowledged-30m', 30.1], ['not-acknowledged-30m', 31]);
    expect(audit([t], events, 45)).toMatchObject({ due: 1, fired: 1, repeated: 1, lost: 0, early: 0 });
    const [t2, events2] = fired(ticket('T2'), ['not-acknowledged-30m', 10]);
    expect(audit([t2], events2, 45)).toMatchObject({ due: 1, fired: 1, early: 1 });
  });

  it('expects nothing once the milestone was reached before the deadline, or the clock was paused over it', () => {
    const acked = ticket('T1', { acknowledgedAt: iso(T0 + 20 * MIN), state: 'acknowledged' });
    // Acknowledged at 20 min: neither not-acknowledged step is due; no-response-1h still is.
    expect(audit([acked], [], 120)).toMatchObject({ due: 1, lost: 1 });
    const paused = ticket('T2', { pausedIntervals: [{ from: iso(T0 + 60 * MIN) }] });
    // unresolved-24h is pausable and its pause is still open: not due however late the end.
    expect(escalationOutcomes(plan, [paused], [], T0 + 48 * 60 * MIN, GRACE).filter((o) => o.expected).map((o) => o.stepId)).toEqual(['not-acknowledged-30m', 'not-acknowledged-60m', 'no-response-1h']);
  });

  it('counts a step the ticket records without its event in the trail, or the other way round, as lost', () => {
    const [t] = fired(ticket('T1'), ['not-acknowledged-30m', 30.1]);
    const [, events] = fired(ticket('T2'), ['not-acknowledged-30m', 30.1]);
    expect(audit([t, ticket('T2')], events, 45)).toMatchObject({ due: 2, fired: 1, lost: 2 });
  });

  it('puts each step in the span its deadline falls in', () => {
    const [t, events] = fired(ticket('T1'), ['not-acknowledged-30m', 30.1], ['not-acknowledged-60m', 60.1], ['no-response-1h', 60.1], ['no-response-1h', 61]);
    const outcomes = escalationOutcomes(plan, [t], events, T0 + 90 * MIN, GRACE);
    expect(summariseEscalations(outcomes, T0, T0 + 45 * MIN)).toMatchObject({ due: 1, fired: 1, repeated: 0 });
    expect(summariseEscalations(outcomes, T0 + 45 * MIN)).toMatchObject({ due: 2, fired: 2, repeated: 1 });
  });
});
