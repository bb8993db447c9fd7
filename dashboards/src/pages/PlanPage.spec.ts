import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { fakeApi, reply, type FakeCall } from '../test-support/fake-api';
import type { PublishedPlan } from '../stores/plan';

const target = (minutes: number) => ({ minutes, clock: 'wall' as const, pausable: false });
const level = (nameZh: string, nameEn: string) => ({ nameZh, nameEn, notify: ['cs_lead'] });
const sla = { acknowledge: target(15), firstResponse: target(60), resolve: target(1440) };
/** Only the parts of a plan the page shows. */
const plan = {
  name: 'Default plan',
  levels: { general: level('一般', 'General'), important: level('重要', 'Important'), urgent: level('紧急', 'Urgent'), major: level('重大', 'Major') },
  sla: { levels: { general: sla, important: sla, urgent: sla, major: sla } },
  opening: { minLevel: 'important' },
  escalation: [{ id: 'not-ack', unless: 'acknowledged', afterMinutes: 30, notify: ['cs_lead'], raiseOneLevel: false }],
  playbook: [{ id: 'respond_soothe', titleZh: '响应安抚', titleEn: 'Respond and soothe' }],
  roles: { cs_lead: { nameZh: '客服主管', nameEn: 'CS lead', contacts: [{ name: 'Wang', phone: '555-0100' }] } },
} as unknown as PublishedPlan['plan'];
const TEXT = 'version: 1\nname: Default plan\nauthority:\n  frontlineMoneyLimit: 500\n';
const published = (over: Partial<PublishedPlan> = {}): PublishedPlan => ({
  version: 3, hash: 'a'.repeat(64), name: 'Default plan', text: TEXT, plan, loadedAt: '2026-11-23T10:00:00.000Z', source: { kind: 'file', file: 'plan.yaml' }, file: 'plan.yaml', ...over,
});

let current = published();
let answerPut: (call: FakeCall) => unknown = () => reply(500);
const calls = fakeApi((call) => {
  if (call.method === 'PUT') return answerPut(call);
  if (call.url.startsWith('/api/plan/versions')) return { versions: [] };
  return current;
});

const PlanPage = (await import('./PlanPage.vue')).default;
const { useAuthStore } = await import('../stores/auth');

async function mountAs(role: 'responder' | 'admin', locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().session = { token: 't', expiresAt: '2999-01-01T00:00:00.000Z', user: { username: 'li', role } } as never;
  const w = mount(PlanPage, { attachTo: document.body, global: { plugins: [pinia, createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
}

describe('PlanPage', () => {
  beforeEach(() => {
    current = published();
    calls.length = 0;
  });

  it('shows responders the plan in force, where it came from, and no edit button', async () => {
    const w = await mountAs('responder');
    expect(w.find('[data-test=plan-name]').text()).toBe('Default plan');
    expect(w.find('[data-test=plan-header]').text()).toContain('version 3');
    expect(w.find('[data-test=plan-header]').text()).toContain('from the plan file plan.yaml');
    expect(w.find('[data-test=plan-levels]').text()).toContain('Acknowledge within');
    expect(w.find('[data-test=plan-edit]').exists()).toBe(false);
    await w.find('[data-test=plan-tab-yaml]').trigger('click');
    expect(w.find('[data-test=plan-yaml]').text()).toContain('frontlineMoneyLimit: 500');
  });

  it('shows the last refused edit with its lines while it is the latest news', async () => {
    current = published({ lastRefused: { at: '2026-11-23T11:00:00.000Z', source: { kind: 'file', file: 'plan.yaml' }, hash: 'b'.repeat(64), errors: [{ file: 'plan.yaml', line: 4, column: 24, path: 'authority.frontlineMoneyLimit', message: 'expected number' }] } });
    const w = await mountAs('responder');
    const box = w.find('[data-test=plan-refused]');
    expect(box.text()).toContain('An edit of the plan file plan.yaml');
    expect(box.text()).toContain('line 4, column 24');
    expect(box.text()).toContain('authority.frontlineMoneyLimit');
  });

  it('refuses an admin’s bad edit at once with line and field, and selects the line when asked', async () => {
    answerPut = () => reply(400, { statusCode: 400, error: 'Bad Request', message: 'the plan is invalid; nothing was changed', errors: [{ file: 'plan.yaml', line: 4, column: 24, path: 'authority.frontlineMoneyLimit', message: 'expected number, received string' }] });
    const w = await mountAs('admin');
    await w.find('[data-test=plan-edit]').trigger('click');
    const area = w.find<HTMLTextAreaElement>('[data-test=plan-text]');
    await area.setValue(TEXT.replace('500', 'lots'));
    await w.find('[data-test=plan-save]').trigger('click');
    await flushPromises();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ text: TEXT.replace('500', 'lots'), baseHash: 'a'.repeat(64) });
    expect(w.find('[data-test=plan-edit-state]').text()).toContain('Refused');
    const issues = w.find('[data-test=plan-issues]');
    expect(issues.text()).toContain('line 4, column 24');
    await issues.find('button').trigger('click');
    const el = area.element;
    expect(el.value.slice(el.selectionStart, el.selectionEnd)).toBe('lots');
    expect(w.find('[data-test=plan-name]').text()).toBe('Default plan');
  });

  it('waits for the responder after a valid edit and shows what it decided', async () => {
    answerPut = () => reply(202, { status: 'sent', requestId: 'req-12345678' });
    const w = await mountAs('admin', 'zh-CN');
    const { usePlanStore } = await import('../stores/plan');
    const store = usePlanStore();
    let looks = 0;
    const decided = store.save(TEXT.replace('Default plan', 'Second'), async () => {
      if (++looks === 2) current = published({ version: 4, name: 'Second', source: { kind: 'dashboard', actor: 'li', requestId: 'req-12345678', at: '2026-11-23T12:00:00.000Z' } });
    });
    expect(await decided).toBe('accepted');
    await flushPromises();
    expect(looks).toBe(2);
    expect(w.find('[data-test=plan-name]').text()).toBe('Second');
    expect(w.find('[data-test=plan-header]').text()).toContain('由 li 在看板中修改');
  });

  it('reports a refusal by the responder with its errors, the plan unchanged', async () => {
    answerPut = () => reply(202, { status: 'sent', requestId: 'req-87654321' });
    await mountAs('admin');
    const { usePlanStore } = await import('../stores/plan');
    const store = usePlanStore();
    current = published({ lastRefused: { at: '2026-11-23T12:00:00.000Z', source: { kind: 'dashboard', actor: 'li', requestId: 'req-87654321' }, hash: 'c'.repeat(64), errors: [{ file: 'plan.yaml', line: 1, column: 1, path: '', message: 'the plan changed while this edit was made' }] } });
    expect(await store.save(TEXT, async () => undefined)).toBe('refused');
    expect(store.edit.errors[0]?.message).toContain('the plan changed');
    expect(store.plan?.version).toBe(3);
  });
});
