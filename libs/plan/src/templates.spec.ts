import type { Alert, Ticket } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { decideOnSignal, openTicket } from './decide-on-signal';
import { buildWebhookRequests, jsonEscape, renderTemplate } from './templates';
import { defaultPlan, makeSignal } from '../../../test/support/plan-fixtures';

const plan = defaultPlan();
const t0 = new Date('2026-03-02T01:00:00.000Z');

describe('templates', () => {
  it.each([
    ['quote', 'say "hi"', 'say \\"hi\\"'],
    ['backslash', 'a\\b', 'a\\\\b'],
    ['newline', 'a\nb', 'a\\nb'],
    ['html', '<script>&', '\\u003cscript\\u003e\\u0026'],
    ['placeholder-looking text is not re-expanded', '{{ticket.id}}', '{{ticket.id}}'],
  ])('escapes %s', (_n, value, expected) => {
    expect(jsonEscape(value)).toBe(expected);
  });

  it('renders placeholders with escaped values and keeps the JSON valid', () => {
    const out = renderTemplate('{"t": "{{ ticket.title }}", "id": "{{ticket.id}}", "x": "{{nope}}"}', { 'ticket.title': '退款"失败"\n}', 'ticket.id': 'CR-2026-000001' });
    expect(JSON.parse(out)).toEqual({ t: '退款"失败"\n}', id: 'CR-2026-000001', x: '' });
  });

  it('builds webhook requests for the alert types and levels each webhook wants', () => {
    const d = decideOnSignal(plan, makeSignal({ label: '标题 "含引号"', riskCues: ['media'] }), undefined, undefined, t0);
    if (d.type !== 'open') throw new Error(d.type);
    const { ticket, alerts } = openTicket(plan, d, 'CR-2026-000007', t0);
    const reqs = buildWebhookRequests(plan, ticket as Ticket, alerts[0] as Alert);
    expect(reqs.map((r) => r.webhookId)).toEqual(['wecom-crisis-room']); // the e-mail gateway wants major only
    const body = JSON.parse(reqs[0].body);
    expect(body.text.content).toContain('【紧急】CR-2026-000007 new_ticket');
    expect(body.text.content).toContain('标题 "含引号"');
    expect(reqs[0].dedupId).toBe('CR-2026-000007:new_ticket:opened:wecom-crisis-room');
  });
});
