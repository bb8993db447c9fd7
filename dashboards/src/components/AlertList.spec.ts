import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { Alert } from '@vigil/contracts';
import { en } from '../i18n/en';
import AlertList from './AlertList.vue';

describe('AlertList', () => {
  it('renders a title carrying markup as text, never as elements', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } });
    const title = '<img src=x onerror="window.__xss=1"><b>bold</b>';
    const alerts: Alert[] = [{ alertId: 'a1', type: 'new_ticket', ticketId: 'CR-2026-000001', level: 'major', title, at: '2026-11-23T10:00:00Z', notify: [] }];
    const w = mount(AlertList, { props: { alerts }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } });
    expect(w.find('img').exists()).toBe(false);
    expect(w.find('b').exists()).toBe(false);
    expect(w.find('.title').text()).toBe(title);
    expect(w.text()).toContain('New ticket');
  });

  it('names the watches an alert is about (by name when known), and nothing for the implicit _all', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } });
    const base = { type: 'new_ticket' as const, level: 'urgent' as const, title: 't', at: '2026-11-23T10:00:00Z', notify: [] };
    const alerts: Alert[] = [
      { ...base, alertId: 'a1', ticketId: 'CR-2026-000001', watchIds: ['brand-a', 'brand-x'] },
      { ...base, alertId: 'a2', ticketId: 'CR-2026-000002', watchIds: ['_all'] },
    ];
    const w = mount(AlertList, { props: { alerts, watchNames: { 'brand-a': '甲品牌' } }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } });
    expect(w.findAll('[data-test=alert-watches]').map((x) => x.text())).toEqual(['Watch: 甲品牌, brand-x']);
  });
});
