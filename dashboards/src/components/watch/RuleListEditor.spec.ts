import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { en } from '../../i18n/en';
import { fakeApi } from '../../test-support/fake-api';

// The api's own parser answers here as it would: the second rule is bad at character 4.
const calls = fakeApi((c) => {
  const rule = (c.body as { rule: string }).rule;
  return rule.endsWith('OR') ? { ok: false, error: 'OR needs a term after it (at character 4)', reason: 'OR needs a term after it', position: 3 } : { ok: true };
});
const RuleListEditor = (await import('./RuleListEditor.vue')).default;

describe('RuleListEditor', () => {
  it('checks each rule with the api as it is typed, and marks the character a bad one points at', async () => {
    vi.useFakeTimers();
    const w = mount(RuleListEditor, { props: { modelValue: ['退款 NEAR/10 没到账', '退款 OR'], kind: 'rules' }, global: { plugins: [createPinia(), createI18n({ legacy: false, locale: 'en', messages: { en } })] } });
    await vi.advanceTimersByTimeAsync(300);
    vi.useRealTimers();
    await flushPromises();
    expect(calls.map((c) => c.url)).toEqual(['/api/watches/check-rule', '/api/watches/check-rule']);
    expect(w.find('[data-test=rules-0-ok]').exists()).toBe(true);
    const error = w.find('[data-test=rules-1-error]');
    expect(error.text()).toContain('OR needs a term after it');
    expect(error.find('mark').text()).toBe('O');
    await w.find('[data-test=rules-add]').trigger('click');
    expect(w.emitted('update:modelValue')![0]).toEqual([['退款 NEAR/10 没到账', '退款 OR', '']]);
  });
});
