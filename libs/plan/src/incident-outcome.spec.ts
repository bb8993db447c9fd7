import type { Ticket, TicketAction } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { applyAction } from './ticket-lifecycle';
import { incidentOutcomeOf } from './incident-outcome';
import { noteSignal } from './ticket-analytics';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');
const burst = (windowStart: string) => ({ dimension: 'watch', value: 'brand-a', score: 6, observed: 30, baseline: 10, windowStart, windowEnd: t0.toISOString() });
const review = { rootCause: '暴雨导致配送延误', category: 'logistics', actionsTaken: ['补偿优惠券'], customerSatisfaction: 4 };

function opened(): Ticket {
  const s = makeSignal({ kind: 'burst', key: 'burst:watch:brand-a', watchId: 'brand-a', severity: { level: 'important' }, burst: burst('2026-03-02T00:20:00.000Z') });
  const d = decideOnSignal(plan, s, undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  return noteSignal(openTicket(plan, d, 'CR-2026-000001', t0).ticket, s);
}
function step(t: Ticket, a: TicketAction, minutes: number): Ticket {
  const r = applyAction(plan, t, a, plusMinutes(t0, minutes));
  if (!r.ok) throw new Error(r.error.message);
  return r.ticket;
}
function resolvedAs(outcome?: 'incident' | 'false_alarm' | 'other'): { before: Ticket; after: Ticket; events: string[] } {
  const t = step(opened(), action(opened(), 'acknowledge'), 5);
  const r = applyAction(plan, t, action(t, 'resolve', { rootCause: 'third_party', note: '暴雨', ...(outcome && { outcome }) }), plusMinutes(t0, 180));
  if (!r.ok) throw new Error(r.error.message);
  return { before: t, after: r.ticket, events: r.events.map((e) => `${e.type}:${String(e.after?.outcome ?? '')}`) };
}

describe("a ticket's outcome (issue #14)", () => {
  it('remembers where the incident began: the burst window of its first signal, lowered by an earlier one', () => {
    const t = opened();
    expect(t.incidentStartedAt).toBe('2026-03-02T00:20:00.000Z');
    const later = makeSignal({ id: 'sig-2', kind: 'burst', key: 'burst:watch:brand-a', watchId: 'brand-a', at: plusMinutes(t0, 30).toISOString(), burst: burst('2026-03-01T23:50:00.000Z') });
    const r = decideOnSignal(plan, later, t, undefined, plusMinutes(t0, 30));
    expect(r.type === 'update' ? r.ticket.incidentStartedAt : r.type).toBe('2026-03-01T23:50:00.000Z');
  });

  it('resolving as a real incident records it on the ticket and in the audit trail, and owes the detector its window', () => {
    const { before, after, events } = resolvedAs('incident');
    expect(after.outcome).toEqual({ value: 'incident', by: 'alice', at: plusMinutes(t0, 180).toISOString() });
    expect(events).toContain('resolved:incident');
    expect(incidentOutcomeOf(before, after)).toEqual({
      ticketId: 'CR-2026-000001', outcome: 'incident', watchIds: ['brand-a'],
      from: '2026-03-02T00:20:00.000Z', to: plusMinutes(t0, 180).toISOString(), by: 'alice', at: plusMinutes(t0, 180).toISOString(), seq: after.seq,
    });
    // The same judgement written again (any later write) owes nothing more.
    expect(incidentOutcomeOf(after, { ...after, seq: after.seq + 1 })).toBeUndefined();
  });

  it('resolving without an outcome owes nothing; a false alarm is told too (it withdraws nothing it did not confirm)', () => {
    const none = resolvedAs();
    expect(none.after.outcome).toBeUndefined();
    expect(incidentOutcomeOf(none.before, none.after)).toBeUndefined();
    const fa = resolvedAs('false_alarm');
    expect(incidentOutcomeOf(fa.before, fa.after)).toMatchObject({ outcome: 'false_alarm', watchIds: ['brand-a'] });
  });

  it('closing can set or change the judgement, with an event of its own; a reopen clears it', () => {
    const { after } = resolvedAs('false_alarm');
    const closed = applyAction(plan, after, action(after, 'close_with_review', { review, outcome: 'incident' }), plusMinutes(t0, 300));
    if (!closed.ok) throw new Error(closed.error.message);
    expect(closed.ticket.outcome?.value).toBe('incident');
    expect(closed.events.map((e) => e.type)).toEqual(['closed', 'outcome_recorded']);
    expect(closed.events[1]).toMatchObject({ before: { outcome: 'false_alarm' }, after: { outcome: 'incident' } });
    expect(incidentOutcomeOf(after, closed.ticket)).toMatchObject({ outcome: 'incident', to: plusMinutes(t0, 180).toISOString() });
    const reopened = step(closed.ticket, action(closed.ticket, 'reopen', { reason: '又有人投诉' }), 400);
    expect(reopened.outcome).toBeUndefined();
  });

  it('a ticket without watch configuration confirms the implicit watch', () => {
    const { before, after } = resolvedAs('incident');
    const bare = { ...after, analytics: undefined };
    expect(incidentOutcomeOf({ ...before, analytics: undefined }, bare)?.watchIds).toEqual(['_all']);
  });
});
