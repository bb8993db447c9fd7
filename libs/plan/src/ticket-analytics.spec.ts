import type { Ticket, TicketAction } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { evaluateClock } from './sla-clock';
import { activeMinutes, noteSignal, recordAnalytics, teamsOf, withAlertWatches } from './ticket-analytics';
import { applyAction } from './ticket-lifecycle';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

/** A ticket as the responder writes it: every change passes through recordAnalytics. */
function opened(level: 'important' | 'urgent' = 'important', over: Parameters<typeof makeSignal>[0] = {}): Ticket {
  const signal = makeSignal({ key: 'k1', severity: { level }, ...over });
  const d = decideOnSignal(plan, signal, undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  return recordAnalytics(plan, undefined, noteSignal(openTicket(plan, d, 'CR-2026-000001', t0).ticket, signal));
}
function act(t: Ticket, minute: number, make: (t: Ticket) => TicketAction): Ticket {
  const r = applyAction(plan, t, make(t), plusMinutes(t0, minute));
  if (!r.ok) throw new Error(r.error.message);
  return recordAnalytics(plan, t, r.ticket);
}
function tick(t: Ticket, minute: number): Ticket {
  const r = evaluateClock(plan, t, plusMinutes(t0, minute));
  return recordAnalytics(plan, t, r.ticket);
}

describe('ticket analytics', () => {
  it('records the signal facts and the teams the ticket went to', () => {
    const t = opened('important', { categories: ['refund', 'delivery'], channels: ['review'], places: ['上海'] });
    expect(t.analytics).toMatchObject({ categories: ['refund', 'delivery'], channels: ['review'], places: ['上海'], watchIds: [], repeat: false, escalations: 0, sla: {} });
    // important tells cs_lead, who is in the crisis core team and the service desk
    expect(t.analytics!.teams).toEqual(['crisis_core', 'service_desk']);
    const more = noteSignal(t, makeSignal({ id: 'sig-2', categories: ['refund', 'quality'], channels: ['social'] }));
    expect(more.analytics).toMatchObject({ categories: ['refund', 'delivery', 'quality'], channels: ['review', 'social'] });
  });

  it('unions the watches of its signals and stamps them on the alerts of the change', () => {
    const signal = makeSignal({ key: 'k1', severity: { level: 'important' }, watchId: 'brand-a' });
    const d = decideOnSignal(plan, signal, undefined, undefined, t0);
    if (d.type !== 'open') throw new Error(d.type);
    const opening = openTicket(plan, d, 'CR-2026-000001', t0);
    const t = noteSignal(opening.ticket, signal);
    expect(t.analytics!.watchIds).toEqual(['brand-a']);
    expect(noteSignal(noteSignal(t, makeSignal({ id: 'sig-2', watchId: 'brand-b' })), makeSignal({ id: 'sig-3', watchId: 'brand-a' })).analytics!.watchIds).toEqual(['brand-a', 'brand-b']);
    const alerts = withAlertWatches(opening.alerts, t);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.watchIds?.join() === 'brand-a')).toBe(true);
    // A ticket without watches leaves its alerts as they were (no empty list on the wire).
    expect(withAlertWatches(opening.alerts, opened())[0]).not.toHaveProperty('watchIds');
  });

  it('a signal that opens the next ticket of an incident key marks it a repeat', () => {
    const t = noteSignal(opened(), makeSignal({ id: 'sig-9' }), 'CR-2026-000000');
    expect(t.analytics).toMatchObject({ repeatOf: 'CR-2026-000000', repeat: true });
  });

  it('milestones, durations less waiting time, SLA met, first-pass resolution', () => {
    let t = opened('important');
    t = act(t, 5, (x) => action(x, 'acknowledge'));
    t = act(t, 6, (x) => action(x, 'transition', { to: 'investigating' }));
    t = act(t, 20, (x) => action(x, 'record_response', { channel: 'weibo' }));
    t = act(t, 30, (x) => action(x, 'pause_waiting', { reason: 'waiting for the photos' }));
    t = act(t, 90, (x) => action(x, 'resume_waiting'));
    t = act(t, 100, (x) => action(x, 'transition', { to: 'responding' }));
    t = act(t, 130, (x) => action(x, 'resolve', { rootCause: 'process', note: 'refunded and apologised' }));
    expect(t.analytics).toMatchObject({
      ackMinutes: 5,
      firstResponseMinutes: 20,
      // 130 minutes open, 60 of them waiting on the customer
      handlingMinutes: 70,
      firstResolvedAt: plusMinutes(t0, 130).toISOString(),
      sla: { acknowledge: 'met', firstResponse: 'met', resolve: 'met' },
      fcr: true,
      escalations: 0,
    });
  });

  it('a late milestone is a breach even before the clock announces it; a reopen keeps the first times and spoils first-pass', () => {
    let t = opened('important');
    // acknowledge target is 30 minutes: acknowledged at 45 without a tick in between
    t = act(t, 45, (x) => action(x, 'acknowledge'));
    expect(t.analytics!.sla.acknowledge).toBe('breached');
    t = act(t, 46, (x) => action(x, 'transition', { to: 'investigating' }));
    t = act(t, 47, (x) => action(x, 'transition', { to: 'responding' }));
    t = act(t, 50, (x) => action(x, 'resolve', { rootCause: 'process', note: 'refunded and apologised' }));
    expect(t.analytics).toMatchObject({ handlingMinutes: 50, fcr: true });
    t = act(t, 60, (x) => action(x, 'reopen', { reason: 'the refund never arrived' }));
    expect(t.reopenCount).toBe(1);
    expect(t.analytics).toMatchObject({ ackMinutes: 45, handlingMinutes: 50, firstResolvedAt: plusMinutes(t0, 50).toISOString(), fcr: false, sla: { acknowledge: 'breached' } });
  });

  it('a case reopened after it was closed is not first-pass either, and keeps its first resolution', () => {
    let t = opened('important');
    t = act(t, 5, (x) => action(x, 'acknowledge'));
    t = act(t, 6, (x) => action(x, 'transition', { to: 'investigating' }));
    t = act(t, 40, (x) => action(x, 'resolve', { rootCause: 'product', note: 'replaced the unit' }));
    t = act(t, 50, (x) => action(x, 'close_with_review', { review: { rootCause: 'batch fault', category: 'quality', actionsTaken: ['replaced'], customerSatisfaction: 4 } }));
    expect(t.analytics).toMatchObject({ handlingMinutes: 40, fcr: true });
    t = act(t, 600, (x) => action(x, 'reopen', { reason: 'the replacement broke too' }));
    expect(t.state).toBe('investigating');
    expect(t.analytics).toMatchObject({ handlingMinutes: 40, firstResolvedAt: plusMinutes(t0, 40).toISOString(), fcr: false });
  });

  it("a single complaint whose record found earlier complaints of the person or order is a repeat complaint", () => {
    const signal = makeSignal({ key: 'mention:m1', severity: { level: 'important' } });
    const d = decideOnSignal(plan, signal, undefined, undefined, t0);
    if (d.type !== 'open') throw new Error(d.type);
    const complaint = (repeatCount: number) => ({
      mentionId: 'm1',
      channel: 'form' as const,
      sourceType: 'intake' as const,
      sourceId: 'intake-form',
      receivedAt: t0.toISOString(),
      complainant: { matchKeys: ['k:abc'], contactFields: [] },
      target: { products: [], stores: [], orders: ['2026112300123'] },
      places: [],
      description: '又是这个订单，第二次投诉了',
      language: 'zh' as const,
      demands: [],
      money: [],
      evidence: [],
      emotion: { level: 'angry' as const, intensity: 0.7 },
      sentiment: -0.7,
      cues: [],
      history: { tickets: [], posts: repeatCount, repeatCount },
    });
    const first = recordAnalytics(plan, undefined, noteSignal(openTicket(plan, d, 'CR-2026-000002', t0, complaint(0)).ticket, signal));
    expect(first.analytics).toMatchObject({ repeat: false });
    const again = recordAnalytics(plan, undefined, noteSignal(openTicket(plan, d, 'CR-2026-000003', t0, complaint(2)).ticket, signal));
    expect(again.analytics).toMatchObject({ repeat: true });
    expect(again.analytics!.repeatOf).toBeUndefined();
  });

  it('breaches and ladder escalations the clock fires are counted', () => {
    let t = opened('important');
    t = tick(t, 31); // not acknowledged in 30 minutes: breach and the first ladder step
    expect(t.analytics).toMatchObject({ sla: { acknowledge: 'breached' }, escalations: 1, ladderEscalations: 1 });
    t = act(t, 32, (x) => action(x, 'acknowledge'));
    expect(t.analytics!.sla.acknowledge).toBe('breached');
    t = act(t, 33, (x) => action(x, 'transition', { to: 'investigating' }));
    t = act(t, 34, (x) => action(x, 'transition', { to: 'responding' }));
    t = act(t, 35, (x) => action(x, 'resolve', { rootCause: 'process', note: 'refunded and apologised' }));
    expect(t.analytics!.fcr).toBe(false);
  });

  it('an immediate escalation from a trigger is not a ladder escalation', () => {
    const t = opened('important', { riskCues: ['manager_request'] });
    expect(t.analytics).toMatchObject({ escalations: 1, ladderEscalations: 0 });
  });

  it('fills in a ticket stored before analytics existed from its stored times', () => {
    let t = opened('important');
    t = act(t, 10, (x) => action(x, 'acknowledge'));
    const { analytics: _gone, ...old } = t;
    const filled = recordAnalytics(plan, old, { ...old, commentCount: 1 });
    expect(filled.analytics).toMatchObject({ ackMinutes: 10, sla: { acknowledge: 'met' } });
  });

  it('teams follow assignee roles, and a plan without a matching team gives _none', () => {
    const t = opened('important');
    const assigned = { ...t, assignees: [{ actor: 'bob', role: 'legal', at: t.openedAt }] };
    expect(teamsOf(plan, assigned)).toEqual(['crisis_core']);
    expect(teamsOf({ ...plan, teams: {} }, assigned)).toEqual(['_none']);
  });

  it('waiting time counts only inside the measured span, an open pause up to its end', () => {
    const t = { ...opened(), pausedIntervals: [{ from: plusMinutes(t0, -10).toISOString(), to: plusMinutes(t0, 10).toISOString() }, { from: plusMinutes(t0, 50).toISOString() }] };
    expect(activeMinutes(t, t0.getTime(), plusMinutes(t0, 60).getTime())).toBe(40);
  });
});
