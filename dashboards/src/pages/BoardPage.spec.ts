import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Ticket } from '@vigil/contracts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { fakeApi } from '../test-support/fake-api';
import { watchesFromQuery, withWatches } from '../stores/board-query';

const ticket = (id: string, watchIds: string[], incidentKey = `cluster:${id}`, triggers: string[] = []) =>
  ({ id, title: id, incidentKey, triggers, level: 'urgent', state: 'open', assignees: [], seq: 1, openedAt: '2026-11-23T10:00:00Z', slaDeadlines: {}, pausedIntervals: [], analytics: { watchIds } }) as unknown as Ticket;
// 000003 is one complaint for a manager (service); 000002 one complaint to the press (crisis).
const stored = [ticket('CR-2026-000001', ['brand-a']), ticket('CR-2026-000002', ['brand-b', 'brand-a'], 'mention:m2', ['media-attention']), ticket('CR-2026-000003', ['brand-b'], 'mention:m3', ['manager-request'])];
const isService = (t: Ticket) => t.incidentKey.startsWith('mention:') && !t.triggers.includes('media-attention');
const watches = [
  { id: 'brand-a', name: '甲品牌', version: 1 },
  { id: 'brand-b', name: 'Brand B', version: 1 },
];
// The api as it answers: tickets filtered by `watch` (any of the ids) and `kind`, the watches list.
const calls = fakeApi((call) => {
  if (call.url.startsWith('/api/watches')) return { watches };
  const q = new URLSearchParams(call.url.split('?')[1]);
  const want = q.getAll('watch');
  const kind = q.get('kind');
  const tickets = stored.filter((t) => (!want.length || t.analytics!.watchIds.some((w) => want.includes(w))) && (!kind || isService(t) === (kind === 'service')));
  return { total: tickets.length, tickets };
});

const BoardPage = (await import('./BoardPage.vue')).default;

async function mountAt(path: string, locale: 'en' | 'zh-CN' = 'en') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/board', name: 'board', component: BoardPage }, { path: '/tickets/:id', name: 'ticket', component: { render: () => null } }] });
  await router.push(path);
  const w = mount(BoardPage, { global: { plugins: [createPinia(), router, createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return { w, router };
}
const shown = (w: Awaited<ReturnType<typeof mountAt>>['w']) => w.findAll('[data-test=ticket-card]').map((c) => c.attributes('data-ticket')).sort();
const ticketReads = () => calls.filter((c) => c.url.startsWith('/api/tickets?')).map((c) => c.url);

describe('BoardPage watch filter', () => {
  it('reads the filter from the link, asks the api for it, and names each card’s watches', async () => {
    calls.length = 0;
    const { w } = await mountAt('/board?watch=brand-b');
    expect(ticketReads()).toEqual(['/api/tickets?state=open&state=acknowledged&state=investigating&state=responding&watch=brand-b&size=150']);
    expect(shown(w)).toEqual(['CR-2026-000002', 'CR-2026-000003']);
    expect((w.find('[data-test=watch-filter]').element as HTMLSelectElement).value).toBe('brand-b');
    const card = w.find('[data-ticket=CR-2026-000002] [data-test=ticket-watches]');
    expect(card.text()).toBe('Watch: Brand B, 甲品牌');
  });

  it('choosing a watch puts it in the URL and reloads; "all" takes it out again', async () => {
    const { w, router } = await mountAt('/board?state=x');
    expect(shown(w)).toHaveLength(3);
    const select = w.find('[data-test=watch-filter]');
    expect(select.findAll('option').map((o) => o.text())).toEqual(['All watches', '甲品牌', 'Brand B']);
    calls.length = 0;
    await select.setValue('brand-a');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ state: 'x', watch: 'brand-a' });
    expect(ticketReads()).toHaveLength(1);
    expect(shown(w)).toEqual(['CR-2026-000001', 'CR-2026-000002']);
    await select.setValue('');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ state: 'x' });
    expect(shown(w)).toHaveLength(3);
  });

  it('speaks Chinese, and shows a linked watch the list does not hold', async () => {
    const { w } = await mountAt('/board?watch=gone', 'zh-CN');
    const options = w.find('[data-test=watch-filter]').findAll('option').map((o) => o.text());
    expect(options).toEqual(['全部方案', '甲品牌', 'Brand B', 'gone']);
    expect(w.text()).toContain('监测方案');
  });
});

describe('BoardPage crisis/service selector', () => {
  it('reads the kind from the link, asks the api for it, and keeps the watch filter beside it', async () => {
    calls.length = 0;
    const { w } = await mountAt('/board?kind=crisis&watch=brand-b');
    expect(ticketReads()).toEqual(['/api/tickets?state=open&state=acknowledged&state=investigating&state=responding&watch=brand-b&kind=crisis&size=150']);
    expect(shown(w)).toEqual(['CR-2026-000002']);
    expect((w.find('[data-test=kind-filter]').element as HTMLSelectElement).value).toBe('crisis');
  });

  it('choosing a kind puts it in the URL and reloads; both kinds takes it out; a bad kind in a link is both', async () => {
    const { w, router } = await mountAt('/board?kind=alarm');
    expect(shown(w)).toHaveLength(3);
    const select = w.find('[data-test=kind-filter]');
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'crisis', 'service']);
    await select.setValue('service');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ kind: 'service' });
    expect(shown(w)).toEqual(['CR-2026-000003']);
    await select.setValue('');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    expect(shown(w)).toHaveLength(3);
  });

  it('a live crisis ticket stays off a service board (the rule is the api’s), and the selector speaks Chinese', async () => {
    const { w } = await mountAt('/board?kind=service', 'zh-CN');
    expect(w.find('[data-test=kind-filter]').findAll('option').map((o) => o.text())).toEqual(['危机与服务', '危机（检测器发现的，及带危机触发条件的单帖）', '服务（单个客户投诉，仅因服务原因开单）']);
    const { useTicketsStore } = await import('../stores/tickets');
    const tickets = useTicketsStore();
    const opened = (t: Ticket) => {
      const { recentRequestIds: _r, ...set } = { ...t, recentRequestIds: [] };
      tickets.onTicketEvent({ eventId: `e-${t.id}`, ticketId: t.id, seq: 1, type: 'opened', actor: 'system:rules', at: '2026-11-23T10:00:00Z', changes: { set, unset: [] } } as never);
    };
    opened(ticket('CR-2026-000009', ['brand-b'], 'mention:m9', ['safety-or-data-leak']));
    opened(ticket('CR-2026-000010', ['brand-b'], 'mention:m10', ['repeat-complaint']));
    opened(ticket('CR-2026-000011', ['brand-a'], 'cluster:x'));
    await flushPromises();
    expect(shown(w)).toEqual(['CR-2026-000003', 'CR-2026-000010']);
  });
});

describe('board query', () => {
  it('reads a comma list or the parameter repeated, and writes a comma list keeping the rest', () => {
    expect(watchesFromQuery({})).toEqual([]);
    expect(watchesFromQuery({ watch: 'a, b,,a' })).toEqual(['a', 'b']);
    expect(watchesFromQuery({ watch: ['a', 'c,b', null] })).toEqual(['a', 'c', 'b']);
    expect(withWatches({ state: 'open', watch: 'a' }, ['b', 'c'])).toEqual({ state: 'open', watch: 'b,c' });
    expect(withWatches({ state: 'open', watch: 'a' }, [])).toEqual({ state: 'open' });
  });
});
