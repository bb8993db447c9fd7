import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { fakeApi } from '../test-support/fake-api';

const at = '2026-12-07T04:00:00.000Z';
const watch = (id: string, name: string) => ({
  id, name, version: 1, updatedAt: at, updatedBy: 'admin', enabled: true, competitor: false, brands: [{ name, aliases: [] }], rules: [], exclusions: [], owners: [],
});
fakeApi((call) => {
  if (call.url.startsWith('/api/baselines')) {
    return {
      watches: [
        { watchId: 'new', state: 'warming_up', learning: true, hoursSeen: 36, hoursNeeded: 72, since: at, at, reason: '1.5 of 3 days of history', expectedPerHour: 0, categories: 2, categoriesNotReady: 2 },
        { watchId: 'old', state: 'ready', learning: false, hoursSeen: 400, hoursNeeded: 72, since: at, at, reason: 'baseline learnt', expectedPerHour: 12, categories: 0, categoriesNotReady: 0 },
      ],
    };
  }
  return { watches: [watch('new', 'New brand'), watch('old', 'Old brand'), watch('none', 'Quiet brand')] };
});

const WatchesPage = (await import('./WatchesPage.vue')).default;

const mountIn = async (locale: 'en' | 'zh-CN') => {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: WatchesPage }, { path: '/w/:id', name: 'watch', component: WatchesPage }, { path: '/new', name: 'watch-new', component: WatchesPage }] });
  const w = mount(WatchesPage, { global: { plugins: [createPinia(), router, createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
};

describe('WatchesPage: the baseline of each watch', () => {
  it('says a new watch is learning, how far, and a learnt one is ready (en)', async () => {
    const w = await mountIn('en');
    const rows = w.findAll('[data-test=watch-row]');
    expect(rows.map((r) => r.find('.baseline').text())).toEqual(['learning: 1.5 of 3 days 2 of 2 categories not ready', 'ready', 'no data yet']);
    expect(rows[0].find('.bar span').attributes('style')).toContain('width: 50%');
  });

  it('in Chinese', async () => {
    const w = await mountIn('zh-CN');
    const rows = w.findAll('[data-test=watch-row]');
    expect(rows[0].find('.baseline').text()).toContain('学习中：1.5 / 3 天');
    expect(rows[1].find('.baseline').text()).toBe('已就绪');
  });
});
