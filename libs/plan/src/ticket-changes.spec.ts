import type { Ticket, TicketAction, TicketChanges } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { applyAction } from './ticket-lifecycle';
import { ticketChanges, withTicketChanges } from './ticket-changes';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

/** What a live client does with the changes (dashboards/src/stores/ticket-copy.ts does the same). */
function apply(t: Ticket, c: TicketChanges): Ticket {
  const next: Record<string, unknown> = { ...t, ...c.set };
  for (const k of c.unset) delete next[k];
  return next as Ticket;
}
const json = (t: Ticket) => JSON.parse(JSON.stringify({ ...t, recentRequestIds: [] })) as unknown;

describe('ticketChanges: what a write did to a ticket', () => {
  const opened = (() => {
    const d = decideOnSignal(plan, makeSignal({ key: 'CR-2026-000001', severity: { level: 'important' } }), undefined, undefined, t0);
    if (d.type !== 'open') throw new Error(d.type);
    return openTicket(plan, d, 'CR-2026-000001', t0).ticket;
  })();

  it('sets every field of a new ticket but the dedup memory', () => {
    const c = ticketChanges(undefined, opened);
    expect(c.unset).toEqual([]);
    expect(apply({ recentRequestIds: [] } as unknown as Ticket, c)).toEqual({ ...opened, recentRequestIds: [] });
    expect(c.set).not.toHaveProperty('recentRequestIds');
  });

  it('carries only what changed, and applied to the old copy gives the new ticket, through a whole lifecycle', () => {
    const steps: ((t: Ticket) => TicketAction)[] = [
      (t) => action(t, 'acknowledge'),
      (t) => action(t, 'assign', { assignee: 'bob', role: 'cs_lead' }),
      (t) => action(t, 'check_step', { step: 'record_facts', done: true }),
      (t) => action(t, 'transition', { to: 'investigating' }),
      (t) => action(t, 'pause_waiting', { reason: 'waiting for the order record' }),
      (t) => action(t, 'resume_waiting'),
      (t) => action(t, 'transition', { to: 'responding' }),
      (t) => action(t, 'resolve', { rootCause: 'system', note: '退款接口超时' }),
      (t) => action(t, 'record_satisfaction', { score: 4 }),
      (t) => action(t, 'close_with_review', { review: { rootCause: '退款接口超时', category: 'refund', actionsTaken: ['人工退款'] } }),
    ];
    let t = opened;
    let copy = opened;
    steps.forEach((make, i) => {
      const r = applyAction(plan, t, make(t), plusMinutes(t0, i + 1));
      if (!r.ok) throw new Error(r.error.message);
      const c = ticketChanges(t, r.ticket);
      expect(Object.keys(c.set)).toContain('seq');
      // Fields no action touches stay out of every delta.
      expect(Object.keys(c.set)).not.toEqual(expect.arrayContaining(['id', 'openedAt', 'holdingStatement', 'evidence']));
      copy = apply(copy, c);
      expect(json(copy)).toEqual(json(r.ticket));
      t = r.ticket;
    });
    expect(copy.state).toBe('closed');
  });

  it('lists fields a reopen removes, so the copy loses them too', () => {
    let resolved = opened;
    for (const [i, to] of (['acknowledged', 'investigating', 'responding', 'resolved'] as const).entries()) {
      const a = to === 'resolved' ? action(resolved, 'resolve', { rootCause: 'incidental', note: '个案' }) : action(resolved, 'transition', { to });
      const r = applyAction(plan, resolved, a, plusMinutes(t0, i + 1));
      if (!r.ok) throw new Error(r.error.message);
      resolved = r.ticket;
    }
    const d = decideOnSignal(plan, makeSignal({ id: 'sig-2', key: 'CR-2026-000001', severity: { level: 'urgent' } }), undefined, resolved, plusMinutes(t0, 60));
    if (d.type !== 'reopen') throw new Error(d.type);
    const c = ticketChanges(resolved, d.ticket);
    expect(c.unset).toEqual(expect.arrayContaining(['acknowledgedAt', 'resolvedAt']));
    const copy = apply(resolved, c);
    expect(copy).not.toHaveProperty('acknowledgedAt');
    expect(json(copy)).toEqual(json(d.ticket));
  });

  it('puts the changes of the whole write on its last event only', () => {
    const r = applyAction(plan, opened, action(opened, 'acknowledge'), plusMinutes(t0, 1));
    if (!r.ok) throw new Error(r.error.message);
    const events = withTicketChanges([...r.events, { ...r.events[0], eventId: 'x', seq: r.ticket.seq + 1 }], opened, r.ticket);
    expect(events[0].changes).toBeUndefined();
    expect(events[1].changes?.set.state).toBe('acknowledged');
    expect(withTicketChanges([], opened, r.ticket)).toEqual([]);
  });
});
