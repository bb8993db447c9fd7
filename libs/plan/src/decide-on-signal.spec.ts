import type { Ticket } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { applyAction } from './ticket-lifecycle';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

function opened(signal = makeSignal({ severity: { level: 'important' } })): Ticket {
  const d = decideOnSignal(plan, signal, undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  return openTicket(plan, d, 'CR-2026-000001', t0).ticket;
}
function resolvedTicket(): Ticket {
  let t = opened(makeSignal({ severity: { level: 'important' }, metrics: { size: 10 } }));
  for (const a of [action(t, 'acknowledge'), action(t, 'transition', { to: 'investigating' }), action(t, 'resolve', { rootCause: 'incidental', note: '个案' })]) {
    const r = applyAction(plan, t, a, t0);
    if (!r.ok) throw new Error(r.error.message);
    t = r.ticket;
  }
  return t;
}

describe('decideOnSignal', () => {
  it('ignores a signal below the opening level', () => {
    expect(decideOnSignal(plan, makeSignal(), undefined, undefined, t0)).toMatchObject({ type: 'ignore', reason: expect.stringMatching(/below the opening level/) });
  });

  it('opens a ticket with checklist, holding statement, deadlines and an immediate escalation', () => {
    const signal = makeSignal({ riskCues: ['medical_or_exam'] });
    const d = decideOnSignal(plan, signal, undefined, undefined, t0);
    expect(d).toMatchObject({ type: 'open', level: 'urgent' });
    if (d.type !== 'open') return;
    const { ticket, events, alerts } = openTicket(plan, d, 'CR-2026-000123', t0);
    expect(ticket).toMatchObject({ id: 'CR-2026-000123', state: 'open', level: 'urgent', incidentKey: 'cluster:abc', seq: 2 });
    expect(ticket.checklist.map((c) => c.step)).toHaveLength(6);
    expect(ticket.holdingStatement).toEqual(plan.holdingStatements.urgent);
    expect(ticket.slaDeadlines.acknowledge).toBe(plusMinutes(t0, 10).toISOString());
    expect(events.map((e) => e.type)).toEqual(['opened', 'escalation_fired']);
    // Opening and escalating at once is one alert: the escalation rides on it (and stays in the audit trail).
    expect(alerts.map((a) => a.type)).toEqual(['new_ticket']);
    expect(alerts[0]).toMatchObject({ escalated: true, stepId: 'immediate', evidence: { signals: 1, posts: signal.metrics.size, addedPosts: signal.metrics.size } });
    expect(alerts[0].notify).toContain('duty_officer');
    expect(alerts[0].detail).toMatch(/immediate escalation: medical-or-exam/);
    // The alert names the signal and when its post appeared, for freshness and latency.
    expect(alerts[0].cause).toEqual({ signalId: signal.id, postAt: signal.at });
  });

  it('attaches evidence and raises the level, escalating immediately once', () => {
    const t = opened();
    const d = decideOnSignal(plan, makeSignal({ id: 'sig-2', riskCues: ['media'], sampleMentionIds: ['m9'] }), t, undefined, plusMinutes(t0, 5));
    expect(d.type).toBe('update');
    if (d.type !== 'update') return;
    expect(d.ticket.level).toBe('urgent');
    expect(d.ticket.evidence).toMatchObject({ signalIds: ['sig-1', 'sig-2'], mentionIds: ['m1', 'm2', 'm9'], signalCount: 2 });
    expect(d.alerts.map((a) => a.type)).toEqual(['level_raised']);
    expect(d.alerts[0]).toMatchObject({ escalated: true, previousLevel: 'important' });
    // A follow-up that neither raises nor escalates updates the incident's row: one 'updated' alert with what it added.
    const d2 = decideOnSignal(plan, makeSignal({ id: 'sig-3', riskCues: ['media'], metrics: { ...makeSignal().metrics, size: 22 } }), d.ticket, undefined, plusMinutes(t0, 6));
    expect(d2.type).toBe('update');
    if (d2.type !== 'update') return;
    expect(d2.alerts.map((a) => a.type)).toEqual(['updated']);
    expect(d2.alerts[0]!.evidence).toEqual({ signals: 3, posts: 22, addedPosts: 22 - d.ticket.evidence.maxSize });
    expect(d2.alerts[0]!.escalated).toBeUndefined();
  });

  it('never lowers on a weaker signal, and reports cooling', () => {
    const t = { ...opened(), level: 'urgent' as const };
    const weaker = decideOnSignal(plan, makeSignal({ id: 'sig-2' }), t, undefined, t0);
    expect(weaker.type === 'update' && weaker.ticket.level).toBe('urgent');
    const cooling = decideOnSignal(plan, makeSignal({ id: 'sig-3', kind: 'burst_cooling' }), t, undefined, t0);
    expect(cooling.type === 'update' && cooling.alerts.map((a) => a.type)).toEqual(['cooling']);
    expect(cooling.type === 'update' && cooling.ticket.level).toBe('urgent');
  });

  it('ignores a signal already attached (replay)', () => {
    const t = opened();
    expect(decideOnSignal(plan, makeSignal(), t, undefined, t0).type).toBe('ignore');
  });

  it.each([
    { name: 'same level within the window', signal: makeSignal({ id: 's2', severity: { level: 'important' } }), hours: 10, expected: 'reopen' },
    { name: 'lower level, no growth', signal: makeSignal({ id: 's2', kind: 'cluster_grew', metrics: { size: 12 } }), hours: 10, expected: 'ignore' },
    { name: 'lower level but grew 1.5×', signal: makeSignal({ id: 's2', kind: 'cluster_grew', metrics: { size: 15 } }), hours: 10, expected: 'reopen' },
    { name: 'cooling never reopens', signal: makeSignal({ id: 's2', kind: 'burst_cooling', severity: { level: 'major' } }), hours: 1, expected: 'ignore' },
    { name: 'outside the window opens a new ticket', signal: makeSignal({ id: 's2', severity: { level: 'important' } }), hours: 73, expected: 'open' },
  ])('reopen hysteresis: $name → $expected', ({ signal, hours, expected }) => {
    const d = decideOnSignal(plan, signal, undefined, resolvedTicket(), plusMinutes(t0, hours * 60));
    expect(d.type).toBe(expected);
  });

  it('a reopened ticket restarts its SLA cycle and escalation ladder', () => {
    const now = plusMinutes(t0, 600);
    const d = decideOnSignal(plan, makeSignal({ id: 's2', severity: { level: 'urgent' } }), undefined, resolvedTicket(), now);
    if (d.type !== 'reopen') throw new Error(d.type);
    expect(d.ticket).toMatchObject({ state: 'open', level: 'urgent', reopenCount: 1, slaStartedAt: now.toISOString(), acknowledgedAt: undefined, resolvedAt: undefined });
    expect(d.alerts).toMatchObject([{ type: 'reopened', alertId: 'CR-2026-000001:reopened:1' }]);
    expect(d.ticket.slaDeadlines.acknowledge).toBe(plusMinutes(now, 10).toISOString());
    // The last cycle's root cause and its pending follow-up go with it, as on a person's reopen.
    const before = resolvedTicket();
    expect(before.resolution?.rootCause).toBe('incidental');
    expect(before.followUp?.doneAt).toBeUndefined();
    expect(before.followUp).toBeDefined();
    expect(d.ticket.resolution).toBeUndefined();
    expect(d.ticket.followUp).toBeUndefined();
  });
});
