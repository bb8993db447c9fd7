import { describe, expect, it } from 'vitest';
import { formatPlanErrors, parsePlan } from './parse-plan';
import { DEFAULT_PLAN_TEXT } from '../../../test/support/plan-fixtures';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const replaceNth = (text: string, from: string, to: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(from, i + 1);
  if (i < 0) throw new Error(`fixture text not found: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
};

describe('parsePlan', () => {
  it('parses the default plan with every section', () => {
    const r = parsePlan(DEFAULT_PLAN_TEXT, 'default-plan.yaml');
    if (!r.ok) throw new Error(formatPlanErrors(r.errors));
    expect(r.plan.authority.frontlineMoneyLimit).toBe(500);
    expect(r.plan.calendar.timeZone).toBe('Asia/Shanghai');
    expect(Object.keys(r.plan.roles).sort()).toEqual(['cs_lead', 'duty_officer', 'frontline', 'legal', 'pr_spokesperson', 'product_owner']);
    expect(r.plan.playbook.map((s) => s.titleZh)).toEqual(['响应安抚', '记录事实', '调查原因', '提出方案', '执行跟进', '复盘']);
    expect(r.plan.privacy.mask).toEqual(expect.arrayContaining(['phone', 'id_card', 'email', 'order_id']));
    expect(r.plan.sla.levels.general.firstResponse.minutes).toBe(60);
    expect(r.plan.escalation.find((s) => s.id === 'unresolved-24h')?.afterMinutes).toBe(1440);
    expect(r.plan.reports).toMatchObject({ weekly: { enabled: true, at: '09:30', roles: ['cs_lead', 'pr_spokesperson', 'product_owner'] }, languages: ['zh-CN'] });
  });

  it('a plan without a reports section gets daily, weekly and monthly reports at 09:00 to no role', () => {
    const r = parsePlan(DEFAULT_PLAN_TEXT.slice(0, DEFAULT_PLAN_TEXT.indexOf('\nreports:')), 'old-plan.yaml');
    if (!r.ok) throw new Error(formatPlanErrors(r.errors));
    expect(r.plan.reports).toEqual({ daily: { enabled: true, at: '09:00', roles: [] }, weekly: { enabled: true, at: '09:00', roles: [] }, monthly: { enabled: true, at: '09:00', roles: [] }, languages: ['zh-CN'], webhooks: [] });
  });

  const cases: { name: string; edit: (t: string) => string; path: string; needle: string; message: RegExp }[] = [
    {
      name: 'wrong type',
      edit: (t) => t.replace('frontlineMoneyLimit: 500', 'frontlineMoneyLimit: lots'),
      path: 'authority.frontlineMoneyLimit',
      needle: 'frontlineMoneyLimit: lots',
      message: /number/,
    },
    {
      name: 'unknown level',
      edit: (t) => replaceNth(t, '    level: urgent\n', '    level: critical\n'),
      path: 'triggers.2.level',
      needle: 'level: critical',
      message: /general|important|urgent|major/,
    },
    {
      name: 'missing field',
      edit: (t) => replaceNth(t, '    afterMinutes: 60\n', '', 0),
      path: 'escalation.1.afterMinutes',
      needle: '- id: not-acknowledged-60m',
      message: /missing required field/,
    },
    {
      name: 'misspelt key',
      edit: (t) => replaceNth(t, 'escalateImmediately: true', 'escalateImmediatly: true', 1),
      path: 'triggers.1.escalateImmediatly',
      needle: 'escalateImmediatly',
      message: /unknown field "escalateImmediatly"/,
    },
    {
      name: 'unknown role in a report',
      edit: (t) => t.replace('weekly:  { at: "09:30", roles: [cs_lead, pr_spokesperson, product_owner] }', 'weekly:  { at: "09:30", roles: [cs_lead, ceo] }'),
      path: 'reports.weekly.roles.1',
      needle: 'roles: [cs_lead, ceo]',
      message: /unknown role "ceo"/,
    },
    {
      name: 'bad report time',
      edit: (t) => t.replace('daily:   { at: "09:00"', 'daily:   { at: "9 am"'),
      path: 'reports.daily.at',
      needle: 'at: "9 am"',
      message: /HH:MM/,
    },
    {
      name: 'unknown role',
      edit: (t) => replaceNth(t, 'notify: [cs_lead]\n', 'notify: [cs_boss]\n', 1),
      path: 'triggers.0.notify.0',
      needle: 'notify: [cs_boss]',
      message: /unknown role "cs_boss"/,
    },
    {
      name: 'unknown template placeholder',
      edit: (t) => t.replace('{{alert.detail}}\\nopened', '{{ticket.secret}}\\nopened'),
      path: 'notifications.webhooks.1.body',
      needle: 'body: |',
      message: /unknown placeholder \{\{ticket.secret\}\}/,
    },
    {
      name: 'bad time zone',
      edit: (t) => t.replace('timeZone: Asia/Shanghai', 'timeZone: Asia/Atlantis'),
      path: 'calendar.timeZone',
      needle: 'Asia/Atlantis',
      message: /time zone/,
    },
  ];

  it.each(cases)('names the line and field: $name', ({ edit, path, needle, message }) => {
    const text = edit(DEFAULT_PLAN_TEXT);
    const r = parsePlan(text, 'plan.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === path);
    expect(e, formatPlanErrors(r.errors)).toBeDefined();
    expect(e!.message).toMatch(message);
    // The second webhook's body is the second `body: |` line.
    const expectedLine = needle === 'body: |' ? text.split('\n').findLastIndex((l) => l.includes(needle)) + 1 : lineOf(text, needle);
    expect(e!.line).toBe(expectedLine);
  });

  it('reports YAML syntax errors with line and column', () => {
    const text = DEFAULT_PLAN_TEXT.replace('  minLevel: important\n', '  minLevel: [important\n');
    const r = parsePlan(text, 'plan.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].message).toMatch(/^YAML syntax/);
    expect(r.errors[0].line).toBeGreaterThanOrEqual(lineOf(text, 'minLevel: [important'));
    expect(formatPlanErrors(r.errors)).toMatch(/^plan\.yaml:\d+:\d+ /);
  });

  it('rejects a playbook out of order', () => {
    const text = DEFAULT_PLAN_TEXT.replace('{ id: investigate_cause,', '{ id: TMP,').replace('{ id: propose_remedy,', '{ id: investigate_cause,').replace('{ id: TMP,', '{ id: propose_remedy,');
    const r = parsePlan(text, 'plan.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['playbook.2.id', 'playbook.3.id']);
  });
});
