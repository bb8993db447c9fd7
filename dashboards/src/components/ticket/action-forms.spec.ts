import { describe, expect, it } from 'vitest';
import type { Ticket } from '@vigil/contracts';
import { availableActions, buildAction, emptyFields } from './action-forms';

const base = { id: 'CR-2026-000007', state: 'open', level: 'important', pausedIntervals: [], complaint: undefined } as unknown as Ticket;
const now = new Date('2026-03-02T01:00:00.000Z');
const form = (t: Ticket, over: Partial<ReturnType<typeof emptyFields>> = {}) => ({ ...emptyFields(t), ...over });

describe('ticket action forms', () => {
  it('offer what the lifecycle allows in each state', () => {
    expect(availableActions(base)).toEqual(['acknowledge', 'assign', 'comment', 'change_level', 'record_response', 'merge']);
    const working = { ...base, state: 'investigating', complaint: {} } as Ticket;
    expect(availableActions(working)).toEqual(['assign', 'comment', 'change_level', 'transition', 'propose_remedy', 'pause_waiting', 'resolve', 'record_response', 'post_public_update', 'merge']);
    expect(availableActions({ ...working, pausedIntervals: [{ from: now.toISOString() }] } as Ticket)).toContain('resume_waiting');
    expect(availableActions({ ...base, state: 'resolved' } as Ticket)).toEqual(['assign', 'comment', 'change_level', 'record_satisfaction', 'close_with_review', 'merge', 'reopen']);
    expect(availableActions({ ...base, state: 'closed' } as Ticket)).toEqual(['comment', 'record_satisfaction', 'reopen']);
    expect(availableActions({ ...base, state: 'merged' } as Ticket)).toEqual([]);
  });

  it('refuse to send an incomplete form and name each missing field', () => {
    expect(buildAction('resolve', form(base), base, now)).toEqual({ errors: { rootCause: ['required', { field: 'rootCause' }], note: ['required', { field: 'note' }] } });
    expect(buildAction('change_level', form(base, { level: 'general' }), base, now).errors).toEqual({ reason: ['lowerNeedsReason'] });
    expect(buildAction('merge', form(base, { intoTicketId: 'CR-26-1' }), base, now).errors).toEqual({ intoTicketId: ['badTicket'] });
    expect(buildAction('merge', form(base, { intoTicketId: base.id }), base, now).errors).toEqual({ intoTicketId: ['badTicket'] });
    expect(buildAction('propose_remedy', form(base, { amount: '-3', description: 'x' }), base, now).errors).toEqual({ amount: ['badAmount'] });
    expect(buildAction('post_public_update', form(base, { text: 'x', promisedBy: '2026-03-02T00:00' }), base, now).errors).toEqual({ promisedBy: ['pastPromise'] });
    expect(buildAction('close_with_review', form(base, { reviewRootCause: 'a', category: 'b' }), base, now).errors).toEqual({ actionsTaken: ['required', { field: 'actionsTaken' }] });
    expect(buildAction('assign', form(base), base, now).errors).toEqual({ assignee: ['required', { field: 'assignee' }] });
  });

  it('build the bodies the api takes', () => {
    expect(buildAction('propose_remedy', form(base, { remedyKind: 'refund', amount: '800', description: ' 全额退款 ' }), base, now).body).toEqual({ type: 'propose_remedy', remedy: { kind: 'refund', amount: 800, currency: 'CNY', description: '全额退款' } });
    expect(buildAction('resolve', form(base, { rootCause: 'system', note: '接口超时' }), base, now).body).toEqual({ type: 'resolve', rootCause: 'system', note: '接口超时' });
    expect(buildAction('assign', form(base, { role: 'cs_lead' }), base, now).body).toEqual({ type: 'assign', role: 'cs_lead' });
    expect(buildAction('close_with_review', form(base, { reviewRootCause: '接口超时', category: 'refund', actionsTaken: '人工退款\n\n修复接口', score: '4' }), base, now).body).toEqual({
      type: 'close_with_review',
      review: { rootCause: '接口超时', category: 'refund', actionsTaken: ['人工退款', '修复接口'], customerSatisfaction: 4 },
    });
    expect(buildAction('merge', form(base, { intoTicketId: ' cr-2026-000001 ' }), base, now).body).toEqual({ type: 'merge', intoTicketId: 'CR-2026-000001' });
  });
});
