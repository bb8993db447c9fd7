import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import type { SourceHealth } from '@vigil/contracts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { fakeApi } from '../test-support/fake-api';

const at = '2026-11-23T10:00:00.000Z';
const sources: SourceHealth[] = [
  {
    sourceId: 'appstore', status: 'failing', lastErrorAt: at, lastError: 'GET x: HTTP 503', errorCount: 2, consecutiveErrors: 2, itemsEmitted: 0, itemsLastHour: 0, at,
    gaps: [
      { from: '2026-11-23T08:00:00.000Z', to: '2026-11-23T08:30:00.000Z', reason: 'paging limit', open: false },
      { from: '2026-11-23T09:00:00.000Z', to: at, reason: 'error: GET x: HTTP 503', open: true },
    ],
  },
  { sourceId: 'weibo', status: 'stale', lastSuccessAt: at, errorCount: 0, consecutiveErrors: 0, itemsEmitted: 9, itemsLastHour: 4, lagMs: 90_000, gaps: [], at },
  { sourceId: 'new', status: 'never-polled', errorCount: 0, consecutiveErrors: 0, itemsEmitted: 0, itemsLastHour: 0, gaps: [], at },
];
fakeApi(() => ({ sources }));

const SourcesPage = (await import('./SourcesPage.vue')).default;

const mountIn = async (locale: 'en' | 'zh-CN') => {
  const w = mount(SourcesPage, { global: { plugins: [createPinia(), createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
};

describe('SourcesPage', () => {
  it('shows each status and the coverage gaps, the ongoing one first', async () => {
    const w = await mountIn('en');
    const rows = w.findAll('[data-test=sources] tbody tr');
    expect(rows.map((r) => r.find('.status').text())).toEqual(['failing', 'stale', 'not polled yet']);
    const gaps = rows[0].find('[data-test=gaps]');
    expect(gaps.findAll('li').map((li) => li.find('.reason').text())).toEqual(['error: GET x: HTTP 503', 'paging limit']);
    expect(gaps.find('li.open').text()).toContain('ongoing');
    expect(rows[1].find('[data-test=gaps]').text()).toBe('none');
    expect(rows[1].text()).toContain('1m 30s');
  });

  it('speaks Chinese too', async () => {
    const w = await mountIn('zh-CN');
    expect(w.find('thead').text()).toContain('覆盖缺口');
    expect(w.find('.open .badge').text()).toBe('进行中');
    expect(w.findAll('.status').map((s) => s.text())).toEqual(['故障', '停滞', '尚未抓取']);
  });
});
