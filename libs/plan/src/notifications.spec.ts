import type { Alert, Ticket } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { chatAccepted } from './notification-messages';
import { claimNotifications, dueNotifications, planNotifications, recordDeliveries, withNotifications } from './notifications';
import { defaultPlan, makeSignal, plusMinutes } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

function opened(): { ticket: Ticket; alerts: Alert[] } {
  const d = decideOnSignal(plan, makeSignal({ severity: { level: 'urgent' } }), undefined, undefined, t0);
  if (d.type !== 'open') throw new Error(d.type);
  const c = openTicket(plan, d, 'CR-2026-000001', t0);
  return { ticket: c.ticket, alerts: c.alerts };
}

describe('notifications', () => {
  it("pages each named role through its channels, once per alert and channel, with the plan's webhooks", () => {
    const { ticket, alerts } = opened();
    const planned = planNotifications(plan, ticket, alerts, t0);
    // urgent → cs_lead (wecom-service, email) and duty_officer (wecom-service): one WeCom message for both, one e-mail.
    expect(planned.map((n) => [n.channelId, n.roles])).toEqual([
      ['wecom-service', ['cs_lead', 'duty_officer']],
      ['email', ['cs_lead']],
      ['wecom-crisis-room', []],
    ]);
    const again = planNotifications(plan, withNotifications(ticket, planned), alerts, t0);
    expect(again).toEqual([]);
  });

  it('retries a failure after its back-off, up to the attempt limit, then records it as failed for good', () => {
    const { ticket, alerts } = opened();
    let t = withNotifications(ticket, planNotifications(plan, ticket, alerts, t0).slice(0, 1));
    const policy = { maxAttempts: 2, retryDelay: () => 60_000 };
    t = claimNotifications(t, ['CR-2026-000001:new_ticket:opened:wecom-service'], t0, 120_000).ticket;
    expect(dueNotifications(t, t0)).toEqual([]);
    const r1 = recordDeliveries(t, [{ id: t.notifications[0]!.id, ok: false, code: 503, error: 'HTTP 503', retryable: true }], t0, policy);
    expect(r1.ticket.notifications[0]).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: plusMinutes(t0, 1).toISOString() });
    expect(r1.events).toMatchObject([{ type: 'notification_failed', after: { retryAt: plusMinutes(t0, 1).toISOString() } }]);
    expect(dueNotifications(r1.ticket, t0)).toEqual([]);
    expect(dueNotifications(r1.ticket, plusMinutes(t0, 1))).toHaveLength(1);
    const claimed = claimNotifications(r1.ticket, [t.notifications[0]!.id], plusMinutes(t0, 1), 120_000).ticket;
    const r2 = recordDeliveries(claimed, [{ id: t.notifications[0]!.id, ok: false, code: 503, error: 'HTTP 503', retryable: true }], plusMinutes(t0, 1), policy);
    expect(r2.ticket.notifications[0]).toMatchObject({ status: 'failed', attempts: 2 });
    expect(r2.events[0]!.after).toMatchObject({ final: true });
    // A sender that died holding a claim: the lease runs out and it is due again.
    expect(dueNotifications(claimed, plusMinutes(t0, 4))).toHaveLength(1);
  });

  it("reads the chat platform's verdict from its answer", () => {
    expect(chatAccepted('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(chatAccepted('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({ ok: false, error: 'dingtalk error 310000: sign not match' });
    expect(chatAccepted('feishu', 200, '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}').ok).toBe(false);
    expect(chatAccepted('slack', 200, 'ok')).toEqual({ ok: true });
    expect(chatAccepted('slack', 404, 'no_service')).toEqual({ ok: false, error: 'HTTP 404: no_service' });
  });
});
