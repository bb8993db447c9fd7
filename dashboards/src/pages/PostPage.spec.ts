import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import type { EnrichedMention, StoredCorrection } from '@vigil/contracts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { fakeApi, reply, type FakeCall } from '../test-support/fake-api';

const ID = 'a'.repeat(32);
/** A stranger's post: markup in it must show as text. */
const TEXT = '退款拖了三周 <img src=x onerror="alert(1)"> 再不退就找12315';
const modelSaid = (): EnrichedMention => ({
  id: ID, sourceId: 'weibo', sourceType: 'rss', externalId: 'p1', channel: 'social', text: TEXT, publishedAt: '2026-12-06T10:00:00.000Z',
  fetchedAt: '2026-12-06T10:00:05.000Z', truncated: false, processedAt: '2026-12-06T10:00:06.000Z', author: { name: 'wu' },
  analysis: {
    language: 'zh', tokens: [], sentiment: { label: 'neutral', score: 0, confidence: 0.5 }, emotion: { level: 'calm', intensity: 0.1 },
    categories: [{ id: 'refund', confidence: 0.8 }], entities: { orderIds: [], products: [], places: [], money: [], piiKinds: [] },
    riskCues: [{ kind: 'media', evidence: '曝光', start: 3, end: 5, confidence: 0.6 }], riskScore: 15, riskReasons: [], emojis: [], truncated: false,
  },
}) as EnrichedMention;

/** The api and, behind it, the indexer: a correction is applied on the read after the post (or never, when `indexerDown`). */
let stored: EnrichedMention;
let trail: StoredCorrection[];
let indexerDown = false;
let toApply: EnrichedMention | undefined;
const calls = fakeApi((call: FakeCall) => {
  if (call.method === 'POST') {
    const body = call.body as Partial<StoredCorrection>;
    if (body.categories?.some((x) => !/^[\w.:-]+$/.test(x))) return reply(400, { message: 'categories.0: a category id (letters, digits, _ . : -)' });
    const c = { id: `c${trail.length + 1}`, mentionId: ID, text: TEXT, language: 'zh', by: 'ana', at: '2026-12-07T01:00:00.000Z', previous: { sentiment: stored.analysis.sentiment.label, categories: stored.analysis.categories.map((x) => x.id), emotion: stored.analysis.emotion.level, riskCues: stored.analysis.riskCues.map((x) => x.kind) }, ...body } as StoredCorrection;
    trail.unshift(c);
    toApply = {
      ...stored,
      analysis: { ...stored.analysis, sentiment: { label: 'negative', score: -1, confidence: 1 }, emotion: { level: 'angry', intensity: 1 }, riskCues: [{ kind: 'regulator', evidence: 'marked by ana', start: 0, end: 0, confidence: 1 }], riskScore: 60 },
      correction: { id: c.id, by: 'ana', at: c.at, sentiment: 'negative', emotion: 'angry', riskCues: ['regulator'], original: { sentiment: stored.analysis.sentiment, categories: stored.analysis.categories, emotion: stored.analysis.emotion, riskCues: stored.analysis.riskCues, riskScore: 15 } },
    };
    return reply(202, { correction: c });
  }
  if (call.url.startsWith('/api/mentions/by-ids')) {
    if (toApply && !indexerDown) [stored, toApply] = [toApply, undefined];
    return { mentions: [stored], missing: [] };
  }
  if (call.url === `/api/mentions/${ID}/corrections`) return { corrections: trail };
  return reply(404, { message: 'no route' });
});

const PostPage = (await import('./PostPage.vue')).default;
const { useAuthStore } = await import('../stores/auth');
const { useCorrectionsStore } = await import('../stores/corrections');

async function mountAs(role: 'viewer' | 'analyst', locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().session = { token: 't', expiresAt: '2999-01-01T00:00:00.000Z', user: { username: 'ana', role } } as never;
  Object.assign(useCorrectionsStore().settle, { tries: 3, everyMs: 1 });
  const w = mount(PostPage, { props: { id: ID }, attachTo: document.body, global: { stubs: { RouterLink: RouterLinkStub }, plugins: [pinia, createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
}
const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await flushPromises();
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('PostPage: an analyst corrects a post and sees the trail', () => {
  beforeEach(() => {
    stored = modelSaid();
    trail = [];
    indexerDown = false;
    toApply = undefined;
    calls.length = 0;
  });

  it('renders the post as text (markup is not parsed) and the analysis in words; a viewer gets no correct button', async () => {
    const w = await mountAs('viewer');
    expect(w.find('[data-test=post] .text').text()).toBe(TEXT);
    expect(w.find('[data-test=post] img').exists()).toBe(false);
    expect(w.find('[data-test=post-sentiment]').text()).toBe('neutral');
    expect(w.find('[data-test=post-emotion]').text()).toBe('calm (0.1)');
    expect(w.find('[data-test=post-cues]').text()).toBe('media “曝光”');
    expect(w.find('[data-test=correct]').exists()).toBe(false);
    expect(w.text()).toContain('No corrections yet.');
  });

  it('sends only what changed, shows the post as the indexer stored it with the model answer beside it, and the trail', async () => {
    const w = await mountAs('analyst');
    await w.find('[data-test=correct]').trigger('click');
    await w.find('[data-test=correction-sentiment]').setValue('negative');
    await w.find('[data-test=correction-emotion]').setValue('angry');
    await w.find('[data-test=cue-media]').setValue(false);
    await w.find('[data-test=cue-regulator]').setValue(true);
    await w.find('[data-test=correction-form]').trigger('submit');
    await settle();
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.url, c.body])).toEqual([[`/api/mentions/${ID}/corrections`, { sentiment: 'negative', emotion: 'angry', riskCues: ['regulator'] }]]);
    expect(w.find('[data-test=correction-form]').exists()).toBe(false);
    expect(w.find('[data-test=post-sentiment]').text()).toBe('negative');
    expect(w.find('[data-test=post-emotion]').text()).toBe('angry (1)');
    expect(w.find('[data-test=post-cues]').text()).toBe('regulator (marked by an analyst)');
    expect(w.find('[data-test=post-risk]').text()).toBe('60');
    expect(w.find('[data-test=post-original]').text()).toContain('neutral (0); Categories: refund; Emotion: calm; Risk cues: media “曝光”; Risk score: 15');
    expect(w.find('[data-test=corrected]').text()).toContain('corrected by ana · the model said neutral');
    const rows = w.findAll('[data-test=corrections] tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].text()).toContain('ana');
    expect(rows[0].text()).toContain('neutral; Categories: refund; Emotion: calm; Risk cues: media');
    expect(rows[0].text()).toContain('negative; Emotion: angry; Risk cues: regulator');
  });

  it('when the indexer has not applied it yet, shows what was sent and says so', async () => {
    indexerDown = true;
    const w = await mountAs('analyst');
    await w.find('[data-test=correct]').trigger('click');
    await w.find('[data-test=correction-categories]').setValue('delivery，service_attitude delivery');
    await w.find('[data-test=correction-form]').trigger('submit');
    await settle();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ categories: ['delivery', 'service_attitude'] });
    expect(w.find('[data-test=correction-pending]').text()).toBe('Sent: the post shows it within seconds.');
    expect(w.find('[data-test=post-categories]').text()).toBe('delivery, service_attitude');
    expect(w.find('[data-test=post-sentiment]').text()).toBe('neutral');
    expect(w.find('[data-test=post-original]').text()).toContain('Categories: refund');
  });

  it('saving without a change confirms the sentiment; a refused correction keeps the form open with the reason', async () => {
    const w = await mountAs('analyst');
    await w.find('[data-test=correct]').trigger('click');
    await w.find('[data-test=correction-form]').trigger('submit');
    await settle();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ sentiment: 'neutral' });
    await w.find('[data-test=correct]').trigger('click');
    await w.find('[data-test=correction-categories]').setValue('<b>');
    await w.find('[data-test=correction-form]').trigger('submit');
    await settle();
    expect(w.find('[data-test=correction-error]').text()).toBe('categories.0: a category id (letters, digits, _ . : -)');
    expect(w.find('[data-test=correction-form]').exists()).toBe(true);
  });

  it('speaks Chinese', async () => {
    const w = await mountAs('analyst', 'zh-CN');
    expect(w.find('[data-test=post-emotion]').text()).toBe('平静 (0.1)');
    expect(w.find('[data-test=post-cues]').text()).toBe('媒体 “曝光”');
    await w.find('[data-test=correct]').trigger('click');
    expect(w.find('[data-test=correction-cues]').text()).toContain('监管部门');
    expect(w.find('[data-test=correction-save]').text()).toBe('保存纠正');
    expect(w.text()).toContain('还没有纠正。');
  });
});
