import { Ticket } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { evaluateClock, slaDeadline } from './sla-clock';
import { applyAction } from './ticket-lifecycle';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

function importantTicket(): Ticket {
  const d = decideOnSignal(plan, makeSignal({ severity: { level: 'important' } }), undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  return openTicket(plan, d, 'CR-2026-000001', t0).ticket;
}
function ok(r: ReturnType<typeof applyAction>): Ticket {
  if (!r.ok) throw new Error(r.error.message);
  return r.ticket;
}
/** What the responder does on restart: read the stored JSON back through the schema. */
const restart = (t: Ticket) => Ticket.parse(JSON.parse(JSON.stringify(t)));

describe('evaluateClock', () => {
  it('warns, then breaches, then escalates as the clock advances — each once', () => {
    let t = importantTicket();
    const seen: string[] = [];
    for (let m = 0; m <= 70; m++) {
      const r = evaluateClock(plan, t, plusMinutes(t0, m));
      r.due.forEach((x) => seen.push(`${m}:${x.kind}:${x.target ?? x.stepId}`));
      t = m % 7 === 0 ? restart(r.ticket) : r.ticket;
    }
    expect(seen).toEqual([
      '24:sla_warning:acknowledge',
      '30:sla_breached:acknowledge',
      '30:escalation:not-acknowledged-30m',
      '48:sla_warning:firstResponse',
      '60:sla_breached:firstResponse',
      '60:escalation:not-acknowledged-60m',
      '60:escalation:no-response-1h',
    ]);
    expect(t.escalations.map((e) => e.stepId)).toEqual(['not-acknowledged-30m', 'not-acknowledged-60m', 'no-response-1h']);
  });

  it('is idempotent: re-evaluating the same or the stored ticket fires nothing new', () => {
    const first = evaluateClock(plan, importantTicket(), plusMinutes(t0, 61));
    expect(first.alerts.map((a) => a.type)).toEqual(['sla_breached', 'sla_breached', 'escalated', 'escalated', 'escalated']);
    // A late breach suppresses its warning rather than sending it afterwards.
    expect(first.alerts.some((a) => a.type === 'sla_warning')).toBe(false);
    const again = evaluateClock(plan, first.ticket, plusMinutes(t0, 62));
    expect(again.due).toEqual([]);
    expect(again.ticket).toBe(first.ticket);
    expect(evaluateClock(plan, restart(first.ticket), plusMinutes(t0, 90)).due).toEqual([]);
  });

  it('gives the same alert ids when a crash lost the fired record (at-least-once, deduplicable)', () => {
    const a = evaluateClock(plan, importantTicket(), plusMinutes(t0, 31)).alerts.map((x) => x.alertId);
    const b = evaluateClock(plan, importantTicket(), plusMinutes(t0, 35)).alerts.map((x) => x.alertId);
    expect(a).toEqual(b);
    expect(a).toContain('CR-2026-000001:escalated:not-acknowledged-30m@0');
  });

  it('stops milestone clocks once met', () => {
    let t = importantTicket();
    t = ok(applyAction(plan, t, action(t, 'acknowledge'), plusMinutes(t0, 5)));
    t = ok(applyAction(plan, t, action(t, 'record_response', { channel: 'weibo' }), plusMinutes(t0, 20)));
    expect(evaluateClock(plan, t, plusMinutes(t0, 120)).due).toEqual([]);
  });

  it('raises the level after 24 hours unresolved, then holds the ticket to the tighter targets', () => {
    let t = importantTicket();
    t = ok(applyAction(plan, t, action(t, 'acknowledge'), plusMinutes(t0, 5)));
    t = ok(applyAction(plan, t, action(t, 'record_response', { channel: 'phone' }), plusMinutes(t0, 20)));
    const r = evaluateClock(plan, t, plusMinutes(t0, 24 * 60));
    expect(r.ticket.level).toBe('urgent');
    expect(r.alerts.map((a) => a.type)).toEqual(expect.arrayContaining(['level_raised', 'escalated', 'sla_breached']));
    expect(r.events.find((e) => e.type === 'level_changed')).toMatchObject({ before: { level: 'important' }, after: { level: 'urgent' } });
    // urgent resolves in 720 minutes, already past: breached immediately, but only once.
    expect(r.due.filter((x) => x.kind === 'sla_breached').map((x) => x.target)).toEqual(['resolve']);
    expect(evaluateClock(plan, r.ticket, plusMinutes(t0, 24 * 60 + 1)).due).toEqual([]);
  });

  it('waiting on the customer extends the pausable resolve deadline and the 24h step', () => {
    let t = importantTicket();
    t = ok(applyAction(plan, t, action(t, 'acknowledge'), plusMinutes(t0, 5)));
    t = ok(applyAction(plan, t, action(t, 'record_response', { channel: 'phone' }), plusMinutes(t0, 10)));
    t = ok(applyAction(plan, t, action(t, 'transition', { to: 'investigating' }), plusMinutes(t0, 15)));
    const before = slaDeadline(plan, t, 'resolve')!;
    t = ok(applyAction(plan, t, action(t, 'pause_waiting', { reason: '等待客户提供订单截图' }), plusMinutes(t0, 60)));
    expect(slaDeadline(plan, t, 'resolve')).toBeUndefined();
    expect(t.slaDeadlines.resolve).toBeUndefined();
    t = ok(applyAction(plan, t, action(t, 'resume_waiting'), plusMinutes(t0, 180)));
    expect(slaDeadline(plan, t, 'resolve')! - before).toBe(120 * 60_000);
    // Acknowledge is wall-clock and not pausable: unchanged.
    expect(t.slaDeadlines.acknowledge).toBe(plusMinutes(t0, 30).toISOString());
    // Without the pause both would be due at 1440; with it they move to 1560.
    const mid = evaluateClock(plan, t, plusMinutes(t0, 1559));
    expect(mid.due.map((x) => x.kind)).toEqual(['sla_warning']);
    expect(evaluateClock(plan, mid.ticket, plusMinutes(t0, 1560)).due.map((x) => x.stepId ?? x.target)).toEqual(['resolve', 'unresolved-24h']);
  });

  it('counts business-clock targets only in business hours', () => {
    // general resolves in 1620 business minutes = 3 days of 09:00–18:00, opened Mon 09:00 local.
    const d = decideOnSignal(plan, makeSignal({ riskCues: ['manager_request'] }), undefined, undefined, t0);
    if (d.type !== 'open') throw new Error(d.type);
    const t = { ...openTicket(plan, d, 'CR-2026-000002', t0).ticket, level: 'general' as const };
    expect(new Date(slaDeadline(plan, t, 'resolve')!).toISOString()).toBe('2026-03-04T10:00:00.000Z');
  });

  it('has no clock on resolved, closed or merged tickets', () => {
    const t = { ...importantTicket(), state: 'resolved' as const, resolvedAt: t0.toISOString() };
    expect(evaluateClock(plan, t, plusMinutes(t0, 5000)).due).toEqual([]);
  });
});
