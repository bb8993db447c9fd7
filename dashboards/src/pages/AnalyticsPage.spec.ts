import { describe, expect, it } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { defineComponent, h, type PropType } from 'vue';
import type { ChartView } from '../analytics/chart-options';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { fakeApi } from '../test-support/fake-api';

const none = { count: 0, p50: null, p90: null };
const zero = { of: 0, count: 0, rate: null };
const values = (volume: number) => ({ volume, acknowledge: none, firstResponse: none, handling: none, sla: zero, fcr: zero, reopen: zero, repeat: zero, escalations: { ...zero, steps: 0 }, csat: { ...zero, average: null }, precision: zero });
const ROOT_CAUSES = ['incidental', 'process', 'system', 'product', 'third_party', 'not_recorded'];
const report = {
  filter: { from: '2026-11-30T16:00:00.000Z', to: '2026-12-07T16:00:00.000Z', tz: 'UTC', watch: [], team: [], level: [], category: [], channel: [], rootCause: [] },
  previous: { from: '2026-11-23T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
  current: values(4),
  previousValues: values(1),
  interval: 'day',
  trend: [{ key: '2026-12-01T00:00:00.000Z', ...values(4) }],
  previousTrend: [{ key: '2026-11-24T00:00:00.000Z', ...values(1) }],
  sla: [],
  backlog: { asOf: '2026-12-07T04:00:00.000Z', buckets: [] },
  groups: [],
  rootCauses: [
    { key: 'incidental', count: 0, previous: 0 },
    { key: 'process', count: 2, previous: 1 },
    { key: 'system', count: 1, previous: 0 },
    { key: 'product', count: 0, previous: 0 },
    { key: 'third_party', count: 0, previous: 0 },
    { key: 'not_recorded', count: 1, previous: 3 },
  ],
};
const overview = { filter: {}, mentions: 0, negative: 0, places: [], regions: { zh: [], en: [] }, hotWords: [], ubiquitous: [], shareOfVoice: [] };
const behind = { total: 1, page: 1, size: 20, tickets: [{ id: 'CR-2026-000007', title: '退款 <b>慢</b>', level: 'important', state: 'closed', openedAt: '2026-12-01T02:00:00.000Z', value: 'process' }] };

// The api as it answers the page: filter lists, the ticket figures, the post figures, the tickets behind a bar.
const calls = fakeApi((call) => {
  if (call.url.startsWith('/api/analytics/dimensions')) return { watch: ['freshdash'], team: [], level: [], category: [], channel: [], rootCause: ROOT_CAUSES };
  if (call.url.startsWith('/api/analytics/tickets/behind')) return behind;
  if (call.url.startsWith('/api/analytics/tickets')) return report;
  if (call.url.startsWith('/api/analytics/mentions')) return overview;
  return {};
});

/** ECharts needs a canvas jsdom lacks: the stand-in shows what a chart is given (its table) and lets a bar be clicked. */
const ChartPanel = defineComponent({
  props: { id: String, title: String, hint: String, view: { type: Object as PropType<ChartView>, required: true }, height: Number, empty: String },
  emits: ['pick'],
  setup(p, { emit }) {
    return () =>
      h('section', { 'data-test': `chart-${p.id}` }, [
        h('h3', p.title),
        ...p.view.table.rows.map((row, i) => h('button', { 'data-test': 'bar', onClick: () => emit('pick', { dataIndex: i, seriesIndex: 0 }) }, row.join(' | '))),
      ]);
  },
});

const AnalyticsPage = (await import('./AnalyticsPage.vue')).default;

async function mountPage(locale: 'en' | 'zh-CN') {
  const w = mount(AnalyticsPage, { global: { plugins: [createPinia(), createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })], stubs: { ChartPanel, RouterLink: RouterLinkStub } } });
  await flushPromises();
  return w;
}
const query = (prefix: string) => new URLSearchParams(calls.filter((c) => c.url.startsWith(prefix)).at(-1)!.url.split('?')[1]);

describe('AnalyticsPage root cause', () => {
  it('charts tickets by root cause in words, this period beside the one before, "not recorded" last', async () => {
    const w = await mountPage('zh-CN');
    const chart = w.find('[data-test=chart-rootCauses]');
    expect(chart.find('h3').text()).toBe('工单根因分布');
    expect(chart.findAll('[data-test=bar]').map((b) => b.text())).toEqual(['偶发 | 0 | 0', '流程 | 2 | 1', '系统 | 1 | 0', '产品 | 0 | 0', '第三方 | 0 | 0', '未记录 | 1 | 3']);
    const en = await mountPage('en');
    expect(en.find('[data-test=chart-rootCauses] h3').text()).toBe('Tickets by root cause');
    expect(en.findAll('[data-test=chart-rootCauses] [data-test=bar]').at(-1)!.text()).toBe('Not recorded | 1 | 3');
  });

  it('filters by root cause: the list offers every kind, and the choice goes to the ticket figures only', async () => {
    const w = await mountPage('zh-CN');
    const select = w.find('select[name=rootCause]');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['全部', '偶发', '流程', '系统', '产品', '第三方', '未记录']);
    calls.length = 0;
    await select.setValue('not_recorded');
    await w.find('[data-test=analytics-filters]').trigger('submit');
    await flushPromises();
    expect(query('/api/analytics/tickets').getAll('rootCause')).toEqual(['not_recorded']);
    // Posts have no root cause: the post figures are not narrowed by it.
    expect(query('/api/analytics/mentions').has('rootCause')).toBe(false);
  });

  it('a bar lists the tickets behind it, each with its root cause in words and its title as text', async () => {
    const w = await mountPage('en');
    calls.length = 0;
    await w.findAll('[data-test=chart-rootCauses] [data-test=bar]')[1]!.trigger('click');
    await flushPromises();
    const q = query('/api/analytics/tickets/behind');
    expect([q.get('kpi'), q.get('dimension'), q.get('value')]).toEqual(['rootCause', 'rootCause', 'process']);
    const drawer = w.find('[data-test=tickets-behind]');
    expect(drawer.text()).toContain('Tickets behind: Root cause');
    expect(drawer.text()).toContain('Process');
    expect(drawer.text()).toContain('退款 <b>慢</b>');
    expect(drawer.find('b').exists()).toBe(false);
  });
});
