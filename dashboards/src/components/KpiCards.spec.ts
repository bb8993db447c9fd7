import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { en } from '../i18n/en';
import KpiCards from './KpiCards.vue';

const i18n = () => createI18n({ legacy: false, locale: 'en', messages: { en } });

describe('KpiCards', () => {
  it('shows the last hour against the usual, and open tickets by level', () => {
    const w = mount(KpiCards, {
      props: { openTickets: 3, ticketsByLevel: { major: 1, urgent: 2 }, volume: { current: { total: 42, negative: 30 }, baseline: 10, ratio: 4.2 } },
      global: { plugins: [i18n()] },
    });
    const volume = w.find('[data-test=kpi-volume]');
    expect(volume.text()).toContain('42');
    expect(volume.text()).toContain('×4.2');
    expect(volume.text()).toContain('usual 10');
    expect(volume.find('.value').classes()).toContain('bad');
    expect(w.find('[data-test=kpi-tickets]').text()).toMatch(/Major 1.*Urgent 2/);
  });

  it('says when there is no history instead of a ratio', () => {
    const w = mount(KpiCards, { props: { openTickets: 0, volume: { current: { total: 5, negative: 0 }, baseline: 0, ratio: null } }, global: { plugins: [i18n()] } });
    expect(w.find('[data-test=kpi-volume]').text()).toContain('no history to compare yet');
    expect(w.find('[data-test=kpi-volume]').text()).not.toContain('×');
  });
});
