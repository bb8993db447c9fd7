import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import type { Ticket } from '@vigil/contracts';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { fakeApi } from '../../test-support/fake-api';

// Issue #14: the team says, when resolving or closing, whether the ticket was a real incident.
const calls = fakeApi(() => ({ requestId: 'r', ticketId: 'CR-2026-000007', type: 'resolve' }));
const ActionForms = (await import('./ActionForms.vue')).default;

const working = { id: 'CR-2026-000007', state: 'investigating', level: 'important', pausedIntervals: [], complaint: undefined } as unknown as Ticket;
const mountIn = async (ticket: Ticket, locale: 'en' | 'zh-CN' = 'en') => {
  const w = mount(ActionForms, { props: { ticket }, global: { plugins: [createPinia(), createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
};
const posted = () => calls.filter((c) => c.method === 'POST' && c.url.endsWith('/actions')).map((c) => c.body as Record<string, unknown>);

describe('ActionForms: the outcome of a ticket', () => {
  it('resolving offers real incident / false alarm / other and sends the choice', async () => {
    const w = await mountIn(working);
    await w.find('[data-test=action-kind]').setValue('resolve');
    expect(w.findAll('[data-test=f-outcome] label').map((l) => l.text())).toEqual(['real incident', 'false alarm', 'other']);
    await w.find('[data-test=f-root-cause]').setValue('third_party');
    await w.find('[data-test=f-note]').setValue('暴雨导致配送延误');
    await w.find('[data-test=f-outcome-incident]').setValue(true);
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(posted().at(-1)).toMatchObject({ type: 'resolve', rootCause: 'third_party', note: '暴雨导致配送延误', outcome: 'incident' });
  });

  it('left unchosen, nothing is judged; closing sends only a changed judgement', async () => {
    const w = await mountIn(working);
    await w.find('[data-test=action-kind]').setValue('resolve');
    await w.find('[data-test=f-root-cause]').setValue('process');
    await w.find('[data-test=f-note]').setValue('已处理');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(posted().at(-1)).not.toHaveProperty('outcome');

    const resolved = { ...working, state: 'resolved', outcome: { value: 'incident', by: 'alice', at: '2026-03-02T04:00:00.000Z' } } as Ticket;
    const c = await mountIn(resolved, 'zh-CN');
    await c.find('[data-test=action-kind]').setValue('close_with_review');
    expect((c.find('[data-test=f-outcome-incident]').element as HTMLInputElement).checked).toBe(true);
    expect(c.find('[data-test=f-outcome]').text()).toContain('误报');
    await c.find('[data-test=f-review-root]').setValue('暴雨');
    await c.find('[data-test=f-category]').setValue('logistics');
    await c.find('[data-test=f-actions-taken]').setValue('补偿');
    await c.find('[data-test=f-score]').setValue('4');
    await c.find('form').trigger('submit');
    await flushPromises();
    expect(posted().at(-1)).toMatchObject({ type: 'close_with_review' });
    expect(posted().at(-1)).not.toHaveProperty('outcome');
    await c.find('[data-test=f-review-root]').setValue('暴雨');
    await c.find('[data-test=f-category]').setValue('logistics');
    await c.find('[data-test=f-actions-taken]').setValue('补偿');
    await c.find('[data-test=f-outcome-false_alarm]').setValue(true);
    await c.find('form').trigger('submit');
    await flushPromises();
    expect(posted().at(-1)).toMatchObject({ type: 'close_with_review', outcome: 'false_alarm' });
  });
});
