import type { Ticket, TicketAction } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { endOfWorkingDaysAfter } from './business-hours';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { applyRepeatComplaint, evaluateFollowUpClock } from './follow-up';
import { parsePlan } from './parse-plan';
import type { Calendar, Plan } from './plan.schema';
import { applyAction } from './ticket-lifecycle';
import { action, defaultPlan, DEFAULT_PLAN_TEXT, makeSignal } from '../../../test/support/plan-fixtures';

const cal: Calendar = {
  timeZone: 'Asia/Shanghai',
  hours: { mon: [['09:00', '12:00'], ['13:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] },
  // 2026-03-04 (Wed) is a holiday; 2026-03-07 (Sat) a make-up working day.
  holidays: ['2026-03-04'],
  extraWorkdays: ['2026-03-07'],
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('working-day due dates (Asia/Shanghai, 18:00 local = 10:00Z)', () => {
  it.each([
    ['Monday → 1 working day: Tuesday close', '2026-03-02T02:00:00Z', 1, '2026-03-03T10:00:00.000Z'],
    ['Tuesday → 1: skips the Wednesday holiday', '2026-03-03T02:00:00Z', 1, '2026-03-05T10:00:00.000Z'],
    ['Thursday → 2: Friday, then the Saturday make-up day', '2026-03-05T02:00:00Z', 2, '2026-03-07T10:00:00.000Z'],
    ['Friday late evening → 1: Saturday make-up day', '2026-03-06T13:30:00Z', 1, '2026-03-07T10:00:00.000Z'],
    ['Saturday (make-up) → 3: Mon, Tue, Wed', '2026-03-07T05:00:00Z', 3, '2026-03-11T10:00:00.000Z'],
    ['Friday 2026-03-13 → 1: over a plain weekend to Monday', '2026-03-13T09:00:00Z', 1, '2026-03-16T10:00:00.000Z'],
    ['a local day that starts before UTC midnight: Monday 07:00 local is Sunday in UTC', '2026-03-15T23:00:00Z', 1, '2026-03-17T10:00:00.000Z'],
  ])('%s', (_what, from, days, expected) => {
    expect(iso(endOfWorkingDaysAfter(cal, Date.parse(from), days))).toBe(expected);
  });
});

const base = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z'); // Monday 09:00 in Shanghai
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function acknowledged(plan: Plan = base): Ticket {
  const d = decideOnSignal(plan, makeSignal({ severity: { level: 'important' } }), undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  const t = openTicket(plan, d, 'CR-2026-000001', t0, undefined).ticket;
  return step(plan, t, action(t, 'acknowledge'), 1);
}
function step(plan: Plan, t: Ticket, a: TicketAction, minutes: number): Ticket {
  const r = applyAction(plan, t, a, at(minutes));
  if (!r.ok) throw new Error(r.error.message);
  return r.ticket;
}
function refused(plan: Plan, t: Ticket, a: TicketAction, minutes: number) {
  const r = applyAction(plan, t, a, at(minutes));
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}
const resolved = (plan: Plan = base, minutes = 30) => step(plan, acknowledged(plan), action(acknowledged(plan), 'resolve', { rootCause: 'system', note: '已退款' }), minutes);

describe('promised feedback time', () => {
  it('a promise made with a remedy is kept by the next reply; the clock then has nothing to say', () => {
    let t = acknowledged();
    t = step(base, t, action(t, 'propose_remedy', { remedy: { kind: 'refund', amount: 100, currency: 'CNY', description: '退款' }, promisedBy: at(120).toISOString() }), 5);
    expect(t.promise).toMatchObject({ dueAt: at(120).toISOString(), by: 'alice' });
    t = step(base, t, action(t, 'record_response', { channel: 'phone' }), 60);
    expect(t.promise!.metAt).toBe(at(60).toISOString());
    expect(evaluateFollowUpClock(base, t, at(500)).due).toEqual([]);
  });

  it('an unmet promise is missed once: roles told, the ticket records it, a second pass is silent', () => {
    let t = acknowledged();
    t = step(base, t, action(t, 'set_promise', { dueAt: at(60).toISOString(), text: '一小时内回电' }), 5);
    expect(evaluateFollowUpClock(base, t, at(59)).due).toEqual([]);
    const r = evaluateFollowUpClock(base, t, at(61));
    expect(r.events.map((e) => e.type)).toEqual(['promise_missed']);
    expect(r.alerts).toMatchObject([{ type: 'promise_missed', notify: ['cs_lead'], deadline: at(60).toISOString() }]);
    expect(r.ticket.promise!.missedAt).toBe(at(61).toISOString());
    expect(evaluateFollowUpClock(base, r.ticket, at(600)).due).toEqual([]);
  });

  it('raiseOneLevel raises the level with the miss', () => {
    const plan = { ...base, promises: { ...base.promises, raiseOneLevel: true } };
    let t = acknowledged(plan);
    t = step(plan, t, action(t, 'set_promise', { dueAt: at(60).toISOString() }), 5);
    const r = evaluateFollowUpClock(plan, t, at(61));
    expect(r.ticket.level).toBe('urgent');
    expect(r.events.map((e) => e.type)).toEqual(['promise_missed', 'level_changed']);
  });

  it('refuses a promise in the past, beyond maxHours, or on a ticket not being worked', () => {
    const t = acknowledged();
    expect(refused(base, t, action(t, 'set_promise', { dueAt: at(1).toISOString() }), 5)).toMatchObject({ code: 'promise_in_past' });
    expect(refused(base, t, action(t, 'set_promise', { dueAt: at(15 * 24 * 60).toISOString() }), 5)).toMatchObject({ code: 'promise_too_far', message: expect.stringContaining('336 hours') });
    const r = resolved();
    expect(refused(base, r, action(r, 'set_promise', { dueAt: at(600).toISOString() }), 40)).toMatchObject({ code: 'not_active' });
  });
});

describe('follow-up (回访) and the reopen rule', () => {
  it('resolving schedules the follow-up at the end of the next working day, for the person assigned', () => {
    const t = resolved();
    expect(t.followUp).toEqual({ cycle: 0, dueAt: '2026-03-03T10:00:00.000Z', assignee: 'alice' });
  });

  it('an overdue follow-up is announced once; recording it afterwards still works', () => {
    const t = resolved();
    const r = evaluateFollowUpClock(base, t, new Date('2026-03-03T10:00:01Z'));
    expect(r.alerts).toMatchObject([{ type: 'follow_up_overdue', notify: ['cs_lead'] }]);
    expect(evaluateFollowUpClock(base, r.ticket, new Date('2026-03-09T00:00:00Z')).due).toEqual([]);
    const done = step(base, r.ticket, action(r.ticket, 'record_follow_up', { outcome: 'reached', score: 4 }), 2000);
    expect(done.followUp).toMatchObject({ doneBy: 'alice', outcome: 'reached', score: 4 });
    expect(done.state).toBe('resolved');
    expect(done.satisfaction!.score).toBe(4);
  });

  it.each([
    [3, 'resolved'],
    [2, 'investigating'],
    [1, 'investigating'],
  ])('satisfaction %i under "at or below 2 → reopen" leaves the ticket %s', (score, state) => {
    const t = resolved();
    const after = step(base, t, action(t, 'record_follow_up', { outcome: 'reached', score, comment: '还是没收到' }), 60);
    expect(after.state).toBe(state);
    if (state === 'investigating') {
      expect(after.reopenCount).toBe(1);
      const r = applyAction(base, t, action(t, 'record_follow_up', { outcome: 'reached', score }), at(60));
      expect(r.ok && r.events.map((e) => e.type)).toEqual(['follow_up_recorded', 'reopened']);
      expect(r.ok && r.events[1]).toMatchObject({ actor: 'system:rules', note: expect.stringContaining(`satisfaction ${score} at or below 2`) });
    }
  });

  it('escalate instead of reopen: one level up, the rule roles told, the ticket stays resolved', () => {
    const plan = { ...base, followUp: { ...base.followUp, lowSatisfaction: { atOrBelow: 2, action: 'escalate' as const, notify: ['cs_lead'] } } };
    const t = resolved(plan);
    const r = applyAction(plan, t, action(t, 'record_follow_up', { outcome: 'reached', score: 1 }), at(60));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ticket).toMatchObject({ state: 'resolved', level: 'urgent' });
    expect(r.alerts).toMatchObject([{ type: 'escalated', stepId: 'rule:low-satisfaction' }]);
  });

  it('refuses a second follow-up, a reached one without a score, and one before resolution', () => {
    const t = resolved();
    expect(refused(base, t, action(t, 'record_follow_up', { outcome: 'reached' }), 60)).toMatchObject({ code: 'score_required' });
    const done = step(base, t, action(t, 'record_follow_up', { outcome: 'unreachable' }), 60);
    expect(refused(base, done, action(done, 'record_follow_up', { outcome: 'reached', score: 5 }), 61)).toMatchObject({ code: 'follow_up_done' });
    const open = acknowledged();
    expect(refused(base, open, action(open, 'record_follow_up', { outcome: 'reached', score: 5 }), 5)).toMatchObject({ code: 'no_follow_up' });
  });

  it('a repeat complaint within N days reopens the earlier ticket once; later than N days, nothing', () => {
    const t = resolved();
    const days = (n: number) => new Date(Date.parse(t.resolvedAt!) + n * 86_400_000);
    const r = applyRepeatComplaint(base, t, 'CR-2026-000009', days(6.9))!;
    expect(r.ticket.state).toBe('investigating');
    expect(r.events.map((e) => e.type)).toEqual(['repeat_complaint', 'reopened']);
    expect(r.events[1].note).toContain('CR-2026-000009');
    expect(applyRepeatComplaint(base, r.ticket, 'CR-2026-000009', days(7))).toBeUndefined();
    expect(applyRepeatComplaint(base, t, 'CR-2026-000009', days(7.1))).toBeUndefined();
  });
});

describe('plan sections', () => {
  it('the default plan has them; a follow-up beyond 3 working days or an unknown role is refused with its line', () => {
    expect(base.followUp).toMatchObject({ afterWorkingDays: 1, repeatComplaint: { withinDays: 7, action: 'reopen' } });
    const bad = parsePlan(DEFAULT_PLAN_TEXT.replace('afterWorkingDays: 1', 'afterWorkingDays: 5').replace('notifyOverdue: [cs_lead]', 'notifyOverdue: [night_shift]'));
    expect(bad.ok).toBe(false);
    const messages = !bad.ok ? bad.errors.map((e) => `${e.path} ${e.message}`) : [];
    expect(messages.join('\n')).toContain('followUp.afterWorkingDays');
    expect(messages.join('\n')).toContain('1 to 3 working days');
  });
});
