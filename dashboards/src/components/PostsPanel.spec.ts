import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { EnrichedMention } from '@vigil/contracts';
import { en } from '../i18n/en';
import { HttpError } from '../api/http';
import { fakeApi, reply } from '../test-support/fake-api';

const requested: string[] = [];
let answer: () => Promise<unknown>;
// The api at the fetch level: the real client builds the URL and maps a 403 to HttpError.
fakeApi(async (call) => {
  requested.push(call.url);
  try {
    return await answer();
  } catch (e) {
    if (e instanceof HttpError) return reply(e.status, { message: e.message });
    throw e;
  }
});

const { default: PostsPanel } = await import('./PostsPanel.vue');

const post = (id: string, text: string): EnrichedMention =>
  ({ id, text, channel: 'review', sourceId: 'appstore', publishedAt: '2026-11-23T10:00:00Z', author: { name: 'li***' }, analysis: { sentiment: { label: 'negative', score: -0.8, confidence: 0.9 } } }) as EnrichedMention;
const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } });
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('PostsPanel', () => {
  beforeEach(() => {
    requested.length = 0;
  });

  it('asks for the ids and renders post text carrying markup as text, with author, channel and sentiment', async () => {
    const text = '<img src=x onerror="window.__xss=1"><b>refund</b>';
    answer = async () => ({ mentions: [post(A, text)], missing: [B] });
    const w = mount(PostsPanel, { props: { ids: [A, B] }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(requested).toEqual([`/api/mentions/by-ids?ids=${A},${B}`]);
    expect(w.find('img').exists()).toBe(false);
    expect(w.find('b').exists()).toBe(false);
    expect(w.find('[data-test=post] .text').text()).toBe(text);
    expect(w.find('[data-test=post] .meta').text()).toMatch(/negative · li\*\*\* · review · appstore/);
    expect(w.find('[data-test=posts-missing]').text()).toContain('1 not found');
  });

  it('tells a viewer that post text needs the analyst role instead of showing an error', async () => {
    answer = async () => {
      throw new HttpError(403, 'Forbidden');
    };
    const w = mount(PostsPanel, { props: { ids: [A] }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.find('[data-test=posts-forbidden]').text()).toBe('Post text needs the analyst role.');
  });

  it('asks for nothing without ids', async () => {
    const w = mount(PostsPanel, { props: { ids: [] }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(requested).toEqual([]);
    expect(w.text()).toContain('No posts.');
  });
});
