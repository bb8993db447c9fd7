import type { Ticket, TicketAction } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { applyAction } from './ticket-lifecycle';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

function newTicket(id = 'CR-2026-000001', level: 'important' | 'urgent' = 'important'): Ticket {
  const d = decideOnSignal(plan, makeSignal({ key: id, severity: { level } }), undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  return openTicket(plan, d, id, t0).ticket;
}
function run(t: Ticket, steps: ((t: Ticket) => TicketAction)[]): Ticket {
  steps.forEach((make, i) => {
    const r = applyAction(plan, t, make(t), plusMinutes(t0, i + 1));
    if (!r.ok) throw new Error(`step ${i}: ${r.error.message}`);
    t = r.ticket;
  });
  return t;
}
const review = { rootCause: '退款接口超时', category: 'refund', actionsTaken: ['人工退款', '修复接口'] };

describe('applyAction lifecycle', () => {
  it('happy path: open → acknowledged → investigating → responding → resolved → closed, with an audit trail', () => {
    const t = run(newTicket(), [
      (t) => action(t, 'acknowledge'),
      (t) => action(t, 'assign', { assignee: 'bob', role: 'cs_lead' }),
      (t) => action(t, 'transition', { to: 'investigating' }),
      (t) => action(t, 'check_step', { step: 'record_facts', done: true }),
      (t) => action(t, 'record_response', { channel: 'weibo' }),
      (t) => action(t, 'transition', { to: 'responding' }),
      (t) => action(t, 'comment', { text: '已电话联系客户' }),
      (t) => action(t, 'resolve', { rootCause: 'system', note: '退款接口超时，已人工退款' }),
      (t) => action(t, 'record_satisfaction', { score: 4 }),
      (t) => action(t, 'close_with_review', { review }),
    ]);
    expect(t.state).toBe('closed');
    expect(t.acknowledgedAt).toBe(plusMinutes(t0, 1).toISOString());
    expect(t.firstResponseAt).toBe(plusMinutes(t0, 5).toISOString());
    expect(t.resolvedAt).toBe(plusMinutes(t0, 8).toISOString());
    expect(t.closedAt).toBe(plusMinutes(t0, 10).toISOString());
    expect(t.review).toEqual(review);
    expect(t.satisfaction?.score).toBe(4);
    expect(t.resolution).toEqual({ rootCause: 'system', note: '退款接口超时，已人工退款', by: 'alice', at: plusMinutes(t0, 8).toISOString() });
    expect(t.checklist.filter((c) => c.done).map((c) => c.step)).toEqual(['record_facts', 'investigate_cause', 'review']);
    expect(t.assignees).toMatchObject([{ actor: 'bob', role: 'cs_lead' }]);
    // The follow-up falls to bob, the person assigned: by the close of the next working day.
    expect(t.followUp).toEqual({ cycle: 0, dueAt: '2026-03-03T10:00:00.000Z', assignee: 'bob' });
    expect(t.seq).toBe(12); // opened + 10 changes + the follow-up scheduled on resolving
  });

  it('every change is an audit event with who, when, before and after', () => {
    const t = newTicket();
    const r = applyAction(plan, t, action(t, 'acknowledge', {}, 'carol'), plusMinutes(t0, 3));
    expect(r.ok && r.events).toEqual([
      expect.objectContaining({ ticketId: t.id, seq: 2, type: 'acknowledged', actor: 'carol', at: plusMinutes(t0, 3).toISOString(), before: { state: 'open' }, after: { state: 'acknowledged' } }),
    ]);
  });

  const resolved = () => run(newTicket(), [(t) => action(t, 'acknowledge'), (t) => action(t, 'transition', { to: 'investigating' }), (t) => action(t, 'resolve', { rootCause: 'process', note: '流程漏洞' })]);
  const closed = () => run(resolved(), [(t) => action(t, 'close_with_review', { review: { ...review, customerSatisfaction: 3 } })]);

  it.each([
    { name: 'transition to resolved', ticket: newTicket, act: (t: Ticket) => action(t, 'transition', { to: 'resolved' }), code: 'root_cause_required', msg: /root cause .* use resolve/ },
    { name: 'resolve before acknowledging', ticket: newTicket, act: (t: Ticket) => action(t, 'resolve', { rootCause: 'system', note: 'x' }), code: 'not_acknowledged', msg: /acknowledge CR-2026-000001 before you resolve/ },
    { name: 'reopen without resolve', ticket: newTicket, act: (t: Ticket) => action(t, 'reopen', { reason: 'x' }), code: 'not_resolved', msg: /only a resolved or closed ticket/ },
    { name: 'transition out of resolved', ticket: resolved, act: (t: Ticket) => action(t, 'transition', { to: 'investigating' }), code: 'use_reopen', msg: /reopen/ },
    { name: 'assign to nobody', ticket: newTicket, act: (t: Ticket) => action(t, 'assign', {}), code: 'assignee_required', msg: /person .* or to a role/ },
    { name: 'open → investigating', ticket: newTicket, act: (t: Ticket) => action(t, 'transition', { to: 'investigating' }), code: 'illegal_transition', msg: /open to investigating/ },
    { name: 'transition to closed', ticket: resolved, act: (t: Ticket) => action(t, 'transition', { to: 'closed' }), code: 'review_required', msg: /close_with_review/ },
    { name: 'close before resolving', ticket: newTicket, act: (t: Ticket) => action(t, 'close_with_review', { review }), code: 'not_resolved', msg: /only a resolved ticket/ },
    { name: 'close without satisfaction', ticket: resolved, act: (t: Ticket) => action(t, 'close_with_review', { review }), code: 'satisfaction_required', msg: /satisfaction/ },
    { name: 'acknowledge twice', ticket: () => run(newTicket(), [(t) => action(t, 'acknowledge')]), act: (t: Ticket) => action(t, 'acknowledge'), code: 'already_acknowledged', msg: /acknowledged/ },
    { name: 'act on a closed ticket', ticket: closed, act: (t: Ticket) => action(t, 'transition', { to: 'investigating' }), code: 'ticket_closed', msg: /closed; only comments, satisfaction, public updates and reopening/ },
    { name: 'lower without a reason', ticket: newTicket, act: (t: Ticket) => action(t, 'change_level', { level: 'general' }), code: 'reason_required', msg: /lowering .* from important to general needs a reason/ },
    { name: 'lower with a blank reason', ticket: newTicket, act: (t: Ticket) => action(t, 'change_level', { level: 'general', reason: '  ' }), code: 'reason_required', msg: /reason/ },
    { name: 'pause an open ticket', ticket: newTicket, act: (t: Ticket) => action(t, 'pause_waiting'), code: 'not_active', msg: /wait on the customer/ },
    { name: 'resume when not waiting', ticket: newTicket, act: (t: Ticket) => action(t, 'resume_waiting'), code: 'not_waiting', msg: /not waiting/ },
    { name: 'assign an unknown role', ticket: newTicket, act: (t: Ticket) => action(t, 'assign', { assignee: 'x', role: 'ceo' }), code: 'unknown_role', msg: /ceo/ },
    { name: 'action for another ticket', ticket: newTicket, act: (t: Ticket) => ({ ...action(t, 'comment', { text: 'x' }), ticketId: 'CR-2026-000999' }), code: 'wrong_ticket', msg: /CR-2026-000999/ },
  ])('rejects: $name', ({ ticket, act, code, msg }) => {
    const t = ticket();
    const a = act(t);
    const r = applyAction(plan, t, a, plusMinutes(t0, 30));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(msg);
    expect(r.event).toMatchObject({ type: 'action_rejected', requestId: a.requestId, error: { code } });
  });

  it('lowering with a reason is allowed and keeps the peak; raising alerts', () => {
    const t = newTicket();
    const up = applyAction(plan, t, action(t, 'change_level', { level: 'major' }), plusMinutes(t0, 1));
    if (!up.ok) throw new Error(up.error.message);
    expect(up.alerts).toMatchObject([{ type: 'level_raised', level: 'major', previousLevel: 'important' }]);
    expect(up.ticket.holdingStatement).toEqual(plan.holdingStatements.major);
    const down = applyAction(plan, up.ticket, action(up.ticket, 'change_level', { level: 'important', reason: '核实为个案' }), plusMinutes(t0, 2));
    if (!down.ok) throw new Error(down.error.message);
    expect(down.ticket.level).toBe('important');
    expect(down.ticket.peakLevel).toBe('major');
    expect(down.alerts).toEqual([]);
    expect(down.events[0]).toMatchObject({ type: 'level_changed', before: { level: 'major' }, after: { level: 'important' }, note: '核实为个案' });
  });

  it('a redelivered action (same requestId) changes nothing', () => {
    const t = newTicket();
    const a = action(t, 'comment', { text: 'hi' });
    const first = applyAction(plan, t, a, plusMinutes(t0, 1));
    if (!first.ok) throw new Error();
    const again = applyAction(plan, first.ticket, a, plusMinutes(t0, 2));
    expect(again).toMatchObject({ ok: true, duplicate: true, events: [] });
    expect(again.ok && again.ticket.commentCount).toBe(1);
  });

  it('merges a duplicate into another ticket, carrying evidence and the higher level', () => {
    const dup = newTicket('CR-2026-000002', 'urgent');
    const target = newTicket('CR-2026-000001', 'important');
    const a = action(dup, 'merge', { intoTicketId: target.id, reason: '同一事件' });
    expect(applyAction(plan, dup, a, plusMinutes(t0, 1))).toMatchObject({ ok: false, error: { code: 'merge_target_missing' } });
    const r = applyAction(plan, dup, a, plusMinutes(t0, 1), { mergeTarget: target });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ticket).toMatchObject({ state: 'merged', mergedInto: target.id });
    expect(r.mergeTarget?.ticket).toMatchObject({ level: 'urgent', mergedFrom: [dup.id] });
    expect(r.mergeTarget?.events.map((e) => e.type)).toEqual(['merged_from', 'level_changed']);
    expect(r.mergeTarget?.alerts.map((x) => x.type)).toEqual(['level_raised']);
    const after = applyAction(plan, r.ticket, action(r.ticket, 'comment', { text: 'x' }), plusMinutes(t0, 2));
    expect(after).toMatchObject({ ok: false, error: { code: 'ticket_merged' } });
  });

  it('a manual reopen, from resolved or closed, needs a reason and starts a new SLA cycle', () => {
    for (const from of [resolved, closed]) {
      const t = run(from(), [(t) => action(t, 'reopen', { reason: '客户反馈问题未解决' })]);
      expect(t).toMatchObject({ state: 'investigating', reopenCount: 1, resolvedAt: undefined, firstResponseAt: undefined, closedAt: undefined, resolution: undefined });
      expect(t.slaStartedAt).toBe(plusMinutes(t0, 1).toISOString());
      expect(t.checklist.find((c) => c.step === 'review')!.done).toBe(false);
    }
  });

  it('assigns to a role of the plan when no person is named', () => {
    const t = run(newTicket(), [(t) => action(t, 'assign', { role: 'cs_lead' })]);
    expect(t.assignees).toMatchObject([{ actor: 'role:cs_lead', role: 'cs_lead' }]);
  });
});
