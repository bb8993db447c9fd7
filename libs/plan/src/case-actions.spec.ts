import type { ComplaintRecord, Ticket, TicketAction } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { NO_HISTORY } from './complaint-record';
import { applyAction } from './ticket-lifecycle';
import { action, defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const base = defaultPlan();
// bob leads customer service; alice is on the front line.
const plan = { ...base, roles: { ...base.roles, cs_lead: { ...base.roles.cs_lead, contacts: [{ name: '王主管', user: 'bob' }] } } };
const t0 = new Date('2026-03-02T01:00:00.000Z');

const record: ComplaintRecord = {
  mentionId: 'a'.repeat(32),
  reference: 'VG-0000000001',
  channel: 'form',
  sourceType: 'intake',
  sourceId: 'intake-form',
  receivedAt: t0.toISOString(),
  complainant: { displayName: '孙**', matchKeys: [], contactFields: ['phone'] },
  target: { products: [], stores: [], orders: ['2026112300123'] },
  places: [],
  description: '退款800元',
  language: 'zh',
  demands: [{ kind: 'refund', source: 'detected', evidence: '退款' }],
  money: [{ amount: 800, currency: 'CNY' }],
  evidence: [],
  emotion: { level: 'angry', intensity: 0.8 },
  sentiment: -0.8,
  cues: [],
  history: NO_HISTORY,
};

function acknowledged(complaint: ComplaintRecord | null = record): Ticket {
  const d = decideOnSignal(plan, makeSignal({ severity: { level: 'important' } }), undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  const t = openTicket(plan, d, 'CR-2026-000001', t0, complaint ?? undefined).ticket;
  return step(t, action(t, 'acknowledge'));
}
function step(t: Ticket, a: TicketAction, minutes = 1): Ticket {
  const r = applyAction(plan, t, a, plusMinutes(t0, minutes));
  if (!r.ok) throw new Error(r.error.message);
  return r.ticket;
}
function refused(t: Ticket, a: TicketAction) {
  const r = applyAction(plan, t, a, plusMinutes(t0, 5));
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('remedies, agreement and the front line money limit', () => {
  it('a remedy within the limit is offered at once; the customer agrees and the step is done', () => {
    let t = step(acknowledged(), action(acknowledged(), 'propose_remedy', { remedy: { kind: 'refund', amount: 300, currency: 'CNY', description: '退还餐费 300 元' } }));
    expect(t.remedies).toMatchObject([{ id: 'r1', kind: 'refund', amount: 300, status: 'proposed', proposedBy: 'alice' }]);
    t = step(t, action(t, 'record_agreement', { remedyId: 'r1', agreed: true, note: '客户接受' }), 2);
    expect(t.remedies[0]).toMatchObject({ status: 'agreed', customer: { agreed: true, recordedBy: 'alice', note: '客户接受' } });
    expect(t.checklist.find((c) => c.step === 'propose_remedy')!.done).toBe(true);
    expect(refused(t, action(t, 'record_agreement', { remedyId: 'r1', agreed: false }))).toMatchObject({ code: 'already_answered' });
  });

  it('above the limit it waits for a lead: not offered, approval asked of the approver roles, only a lead decides', () => {
    const t0k = acknowledged();
    const r = applyAction(plan, t0k, action(t0k, 'propose_remedy', { remedy: { kind: 'compensation', amount: 800, currency: 'CNY', description: '赔偿 800 元' } }), plusMinutes(t0, 1));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ticket.remedies[0]!.status).toBe('awaiting_approval');
    expect(r.alerts).toMatchObject([{ type: 'approval_requested', notify: ['cs_lead'] }]);
    let t = r.ticket;
    expect(refused(t, action(t, 'record_agreement', { remedyId: 'r1', agreed: true }))).toMatchObject({ code: 'approval_pending' });
    expect(refused(t, action(t, 'approve_remedy', { remedyId: 'r1', approve: true }, 'alice'))).toMatchObject({
      code: 'not_authorised',
      message: 'alice may not approve remedies above 500: that needs a member of cs_lead',
    });
    t = step(t, action(t, 'approve_remedy', { remedyId: 'r1', approve: true, note: '同意' }, 'bob'), 2);
    expect(t.remedies[0]).toMatchObject({ status: 'approved', decidedBy: 'bob' });
    t = step(t, action(t, 'record_agreement', { remedyId: 'r1', agreed: true }), 3);
    expect(t.remedies[0]!.status).toBe('agreed');
  });

  it('a lead proposes above the limit directly; a rejected remedy cannot be offered', () => {
    const a = acknowledged();
    const byLead = step(a, action(a, 'propose_remedy', { remedy: { kind: 'refund', amount: 900, currency: 'CNY', description: '全额退款' } }, 'bob'));
    expect(byLead.remedies[0]!.status).toBe('proposed');
    let t = step(a, action(a, 'propose_remedy', { remedy: { kind: 'refund', amount: 900, currency: 'CNY', description: '全额退款' } }));
    t = step(t, action(t, 'approve_remedy', { remedyId: 'r1', approve: false, note: '先核实' }, 'bob'));
    expect(refused(t, action(t, 'record_agreement', { remedyId: 'r1', agreed: true }))).toMatchObject({ code: 'remedy_rejected' });
    expect(refused(t, action(t, 'approve_remedy', { remedyId: 'r1', approve: true }, 'bob'))).toMatchObject({ code: 'no_approval_pending' });
    expect(refused(t, action(t, 'record_agreement', { remedyId: 'r9', agreed: true }))).toMatchObject({ code: 'unknown_remedy' });
  });

  it('needs an acknowledged ticket', () => {
    const d = decideOnSignal(plan, makeSignal({ severity: { level: 'important' } }), undefined, undefined, t0);
    if (d.type !== 'open') throw new Error();
    const open = openTicket(plan, d, 'CR-2026-000001', t0).ticket;
    expect(refused(open, action(open, 'propose_remedy', { remedy: { kind: 'apology', currency: 'CNY', description: '致歉' } }))).toMatchObject({ code: 'not_acknowledged' });
  });
});

describe('the complaint record and what the complainant is told', () => {
  it('demands, orders and stores are corrected by a person, and the change is audited', () => {
    const t = acknowledged();
    const r = applyAction(plan, t, action(t, 'edit_complaint', { demands: ['refund', 'apology'], orders: ['2026112300999'], stores: ['朝阳门店'] }), plusMinutes(t0, 2));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ticket.complaint!.demands).toEqual([{ kind: 'refund', source: 'detected', evidence: '退款' }, { kind: 'apology', source: 'person' }]);
    expect(r.ticket.complaint!.target).toMatchObject({ orders: ['2026112300999'], stores: ['朝阳门店'] });
    expect(r.events[0]).toMatchObject({ type: 'complaint_edited', before: { demands: ['refund'], orders: ['2026112300123'], stores: [] }, after: { demands: ['refund', 'apology'] } });
    expect(refused(r.ticket, action(r.ticket, 'edit_complaint', { demands: ['refund', 'apology'] }))).toMatchObject({ code: 'no_change' });
    expect(refused(acknowledged(null), action(t, 'edit_complaint', { demands: ['refund'] }))).toMatchObject({ code: 'no_complaint_record' });
  });

  it('public updates carry an optional promised time that must lie ahead', () => {
    const t = acknowledged();
    const later = plusMinutes(t0, 120).toISOString();
    const u = step(t, action(t, 'post_public_update', { text: '已为您安排退款，预计 2 小时内到账', promisedBy: later }));
    expect(u.publicUpdates).toEqual([{ text: '已为您安排退款，预计 2 小时内到账', at: plusMinutes(t0, 1).toISOString(), by: 'alice', promisedBy: later }]);
    expect(refused(u, action(u, 'post_public_update', { text: 'x', promisedBy: t0.toISOString() }))).toMatchObject({ code: 'promise_in_past' });
  });
});

describe('remedies from the knowledge base', () => {
  it('an entry that needs a lead waits for approval whatever its amount, and the event records the entry and version', () => {
    const t0k = acknowledged();
    const r = applyAction(plan, t0k, action(t0k, 'propose_remedy', { remedy: { kind: 'visit', currency: 'CNY', description: '上门处理' }, knowledge: { entryId: 'home-visit', version: 3, authority: 'lead' } }), plusMinutes(t0, 2));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.ticket.remedies[0]).toMatchObject({ kind: 'visit', status: 'awaiting_approval' });
    expect(r.events.find((e) => e.type === 'remedy_proposed')).toMatchObject({ knowledge: { entryId: 'home-visit', version: 3 } });
    expect(r.alerts.map((a) => a.type)).toContain('approval_requested');
  });
});
