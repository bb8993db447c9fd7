import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { TicketEvent } from '@vigil/contracts';
import { PrivacyMasker } from './privacy-masker';
import { readPlanFileSync, type PlanStore } from '../plan/plan.store';

const base = readPlanFileSync(path.resolve(__dirname, '../../../../libs/plan/default-plan.yaml'));
const masker = (privacy = base.plan.privacy) => new PrivacyMasker({ plan: { ...base.plan, privacy } } as unknown as PlanStore);
const NOTE = '客户电话 13912345678，邮箱 li.lei@example.com，订单号 2026112300123，身份证 11010519491231002X';

describe('PrivacyMasker', () => {
  it('masks phones, e-mails, ID numbers and order numbers people type into a ticket', () => {
    const out = masker().text(NOTE, 'tickets');
    expect(out).toContain('139****5678');
    expect(out).not.toContain('13912345678');
    expect(out).not.toContain('li.lei@example.com');
    expect(out).not.toContain('11010519491231002X');
    expect(out).toContain('20*********23');
  });

  it('leaves a surface the plan does not name alone, and masks only the kinds it names', () => {
    expect(masker({ ...base.plan.privacy, maskIn: ['webhooks'] }).text(NOTE, 'tickets')).toBe(NOTE);
    const phonesOnly = masker({ ...base.plan.privacy, mask: ['phone'] }).text(NOTE, 'webhooks');
    expect(phonesOnly).toContain('139****5678');
    expect(phonesOnly).toContain('2026112300123');
  });

  it('masks notes and before/after of events and the title of alerts in a change', () => {
    const event: TicketEvent = { eventId: 'CR-2026-000001:3', ticketId: 'CR-2026-000001', seq: 3, type: 'commented', actor: 'alice', at: '2026-03-02T01:00:00.000Z', note: NOTE, after: { text: '回电 13912345678' } };
    const c = masker().change({ ticket: { review: { rootCause: '用户 13912345678 的地址错了' } } as never, events: [event], alerts: [] });
    expect(c.events[0].note).toContain('139****5678');
    expect(JSON.stringify(c.events[0].after)).not.toContain('13912345678');
    expect(JSON.stringify(c.ticket.review)).not.toContain('13912345678');
    expect(c.events[0].eventId).toBe(event.eventId);
  });

  it("masks the follow-up's comment and a promise's wording", () => {
    const ticket = { followUp: { cycle: 0, dueAt: '2026-03-03T10:00:00.000Z', assignee: 'alice', comment: '客户说回拨 13912345678' }, promise: { dueAt: '2026-03-02T03:00:00.000Z', by: 'alice', at: '2026-03-02T01:00:00.000Z', text: '两小时内回电 13912345678' } };
    const c = masker().change({ ticket: ticket as never, events: [], alerts: [] });
    expect(c.ticket.followUp!.comment).toContain('139****5678');
    expect(c.ticket.promise!.text).toContain('139****5678');
    expect(c.ticket.followUp!.dueAt).toBe(ticket.followUp.dueAt);
  });
});
