import { describe, expect, it } from 'vitest';
import type { Ticket } from '@vigil/contracts';
import { buildFollowUp, buildPromise, followUpStatus, promiseStatus } from './follow-up-form';

const now = new Date('2026-03-02T01:00:00.000Z');

describe('follow-up form', () => {
  it('needs an outcome, and a 1–5 score when the customer was reached', () => {
    expect(buildFollowUp({ outcome: '', score: '', comment: '' }).errors).toEqual({ outcome: 'outcomeRequired' });
    expect(buildFollowUp({ outcome: 'reached', score: '', comment: '' }).errors).toEqual({ score: 'scoreRequired' });
    expect(buildFollowUp({ outcome: 'unreachable', score: '3', comment: '' }).errors).toEqual({ score: 'noScoreUnreached' });
    expect(buildFollowUp({ outcome: 'reached', score: '2', comment: ' 没到账 ' }).body).toEqual({ type: 'record_follow_up', outcome: 'reached', score: 2, comment: '没到账' });
    expect(buildFollowUp({ outcome: 'unreachable', score: '', comment: '' }).body).toEqual({ type: 'record_follow_up', outcome: 'unreachable' });
  });

  it('a promise is hours from now or a time, never in the past', () => {
    expect(buildPromise('', 2, '两小时内回电', now).body).toEqual({ type: 'set_promise', dueAt: '2026-03-02T03:00:00.000Z', text: '两小时内回电' });
    expect(buildPromise('', undefined, '', now).errors).toEqual({ dueAt: 'dueRequired' });
    expect(buildPromise('2020-01-01T10:00', undefined, '', now).errors).toEqual({ dueAt: 'duePast' });
  });

  it('says where a follow-up and a promise stand', () => {
    const f = { cycle: 0, dueAt: '2026-03-03T10:00:00.000Z', assignee: 'alice' };
    expect(followUpStatus({ followUp: f } as Ticket, now.getTime())).toBe('due');
    expect(followUpStatus({ followUp: f } as Ticket, Date.parse('2026-03-03T10:00:00.000Z'))).toBe('overdue');
    expect(followUpStatus({ followUp: { ...f, doneAt: '2026-03-03T02:00:00.000Z' } } as Ticket, Date.parse('2026-03-09T00:00:00Z'))).toBe('done');
    const p = { dueAt: '2026-03-02T02:00:00.000Z', by: 'alice', at: now.toISOString() };
    expect(promiseStatus({ promise: p } as Ticket, now.getTime())).toBe('running');
    expect(promiseStatus({ promise: p } as Ticket, Date.parse('2026-03-02T02:00:01Z'))).toBe('missed');
    expect(promiseStatus({ promise: { ...p, metAt: '2026-03-02T01:30:00.000Z' } } as Ticket, Date.parse('2026-03-02T05:00:00Z'))).toBe('kept');
  });
});
