import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createI18n } from 'vue-i18n';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { useAuthStore } from '../stores/auth';
import { fakeApi, reply } from '../test-support/fake-api';

const at = '2026-12-06T10:00:00.000Z';
const report = { language: 'zh', accepted: true, reason: 'not worse on the held-out set', corrections: 120, heldOut: { n: 6000, before: 0.912, after: 0.915 }, check: { n: 30, before: 0.5, after: 0.8 } };
const status = (done: number) => ({
  components: [
    { component: 'sentiment', source: 'published', modelVersion: 3, publishedAt: at, learnsFromCorrections: true, pendingCorrections: 4, trainedOn: [{ language: 'zh', note: 'deployment update', rows: 49881, corrections: 120 }] },
    { component: 'emotion', source: 'rules', modelVersion: 0, learnsFromCorrections: false, pendingCorrections: 2, trainedOn: [] },
    { component: 'category', source: 'rules', modelVersion: 0, learnsFromCorrections: false, pendingCorrections: 7, trainedOn: [] },
    { component: 'cues', source: 'rules', modelVersion: 0, learnsFromCorrections: false, pendingCorrections: 1, trainedOn: [] },
  ],
  heldOut: [report], heldOutFrom: 'published', lastRun: null, lastCorrectionAt: at, pendingCorrections: 9,
  rescoring: { modelVersion: 3, windowDays: 30, since: '2026-11-06T10:00:00.000Z', total: 2000, done },
});

const ModelsPage = (await import('./ModelsPage.vue')).default;

async function mountAs(locale: 'en' | 'zh-CN') {
  const pinia = createPinia();
  setActivePinia(pinia);
  useAuthStore().session = { token: 't', expiresAt: new Date(Date.now() + 60_000).toISOString(), user: { username: 'ana', role: 'analyst' } };
  const w = mount(ModelsPage, { global: { plugins: [pinia, createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })] } });
  await flushPromises();
  return w;
}

describe('ModelsPage (issue 18: which model is in force, how it was checked, how far re-scoring has come)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows every component with its source, version, training size and pending corrections, in Chinese', async () => {
    const calls = fakeApi((c) => (c.url === '/api/analysis/status' ? status(500) : reply(404)));
    const w = await mountAs('zh-CN');
    expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/analysis/status' });
    const sentiment = w.get('[data-test="component-sentiment"]').text();
    expect(sentiment).toContain('情感');
    expect(sentiment).toContain('本部署的更新');
    expect(sentiment).toContain('v3');
    expect(sentiment).toContain('49,881 条标注数据');
    expect(sentiment).toContain('120 条纠正');
    expect(w.get('[data-test="component-category"]').text()).toContain('规则与词典');
    expect(w.get('[data-test="component-category"]').text()).toContain('7');
    expect(w.get('[data-test="held-out"]').text()).toContain('91.2 % → 91.5 %');
    expect(w.get('[data-test="rescoring"]').text()).toContain('2,000 条中已有 500 条由 v3 打分（25 %）');
  });

  it('looks again while re-scoring runs, and stops once every post is scored', async () => {
    vi.useFakeTimers();
    let done = 500;
    const calls = fakeApi(() => status(done));
    const w = await mountAs('en');
    expect(w.get('[data-test="rescoring"]').text()).toContain('500 of 2,000 posts scored by v3 (25 %)');
    done = 2000;
    await vi.advanceTimersByTimeAsync(5_000);
    await flushPromises();
    expect(w.get('[data-test="rescoring"]').text()).toContain('2,000 of 2,000 posts scored by v3 (100 %)');
    const n = calls.length;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls.length).toBe(n);
  });

  // The run and its reports as the processor stores them now (a code and its parameters) and before (English only).
  const coded = {
    ...status(2000),
    heldOut: [
      { ...report, component: 'sentiment', reasonCode: 'not-worse' },
      { component: 'emotion', accepted: false, reasonCode: 'worse-held-out', reason: 'worse on the held-out set', corrections: 40, heldOut: { n: 2400, before: 0.81, after: 0.7 }, check: { n: 10, before: 0, after: 1 } },
      { component: 'categories', accepted: true, reasonCode: 'not-worse', reason: 'not worse on the held-out set nor on the corrections kept aside', corrections: 40, heldOut: { n: 9, before: 0.1, after: 0.9 }, check: { n: 9, before: 0.1, after: 0.9 } },
    ],
    lastRun: { id: 'run:x', startedAt: at, finishedAt: at, instance: 'p1', outcome: 'published', corrections: 200, reports: [], modelVersion: 4, reason: 'zh, categories updated', reasonCode: 'updated', reasonParams: { components: 'zh, categories' } },
  };

  it('words each update reason in Chinese from its code, never the stored English', async () => {
    fakeApi(() => coded);
    const w = await mountAs('zh-CN');
    expect(w.get('[data-test="report-emotion"]').text()).toContain('情绪');
    expect(w.get('[data-test="report-emotion"]').text()).toContain('在留出集上变差');
    expect(w.get('[data-test="report-emotion"]').text()).toContain('81.0 % → 70.0 %');
    expect(w.get('[data-test="report-categories"]').text()).toContain('分类');
    expect(w.get('[data-test="report-sentiment"]').text()).toContain('中文情感');
    expect(w.get('[data-test="last-run"]').text()).toContain('已更新：中文情感、分类。');
    expect(w.get('[data-test="held-out"]').text() + w.get('[data-test="last-run"]').text()).not.toMatch(/worse|updated|not worse/);
  });

  it('words the same reasons in English, and shows a run stored before the codes with its English reason', async () => {
    fakeApi(() => coded);
    const w = await mountAs('en');
    expect(w.get('[data-test="report-emotion"]').text()).toContain('worse on the held-out set');
    expect(w.get('[data-test="last-run"]').text()).toContain('Updated: Chinese sentiment, Categories.');
    fakeApi(() => ({ ...coded, heldOut: [{ ...report, component: 'sentiment' }], lastRun: { ...coded.lastRun, outcome: 'refused', reason: 'zh: worse on the held-out sets', reasonCode: undefined, reasonParams: undefined } }));
    const old = await mountAs('zh-CN');
    expect(old.get('[data-test="last-run"]').text()).toContain('zh: worse on the held-out sets');
    expect(old.get('[data-test="report-sentiment"]').text()).toContain('not worse on the held-out set');
  });

  // Sentiment reports as the update stores them since the forms: the form kept and every form's out-of-fold accuracy.
  const withForms = {
    ...status(2000),
    heldOut: [
      { ...report, component: 'sentiment', reasonCode: 'not-worse', check: { n: 500, before: 0.792, after: 0.83 }, form: 'layer',
        tried: [{ form: 'layer', accepted: true, reasonCode: 'not-worse', heldOut: 0.929, check: 0.83 }, { form: 'layer-polarity', accepted: true, reasonCode: 'not-worse', heldOut: 0.926, check: 0.798 }, { form: 'finetune', accepted: true, reasonCode: 'not-worse', heldOut: 0.927, check: 0.794 }] },
      { ...report, component: 'sentiment', language: 'en', reasonCode: 'not-worse', form: 'finetune',
        tried: [{ form: 'layer', accepted: false, reasonCode: 'worse-held-out', heldOut: 0.64, check: 0.756 }, { form: 'finetune', accepted: true, reasonCode: 'not-worse', heldOut: 0.673, check: 0.742 }] },
      { component: 'emotion', accepted: true, reasonCode: 'not-worse', reason: 'not worse', corrections: 40, heldOut: { n: 2400, before: 0.81, after: 0.82 } },
    ],
  };

  it("shows which form of the sentiment update was kept and each form's out-of-fold accuracy on the corrections, in Chinese and English", async () => {
    fakeApi(() => withForms);
    const zh = await mountAs('zh-CN');
    expect(zh.get('[data-test="held-out"] thead').text()).toContain('保留的形式');
    const zhCell = zh.get('[data-test="form-sentiment-zh"]');
    expect(zhCell.get('strong').text()).toBe('领域层');
    expect(zhCell.text()).toContain('各形式在纠正上的折外准确率');
    expect(zhCell.get('[data-test="tried-layer"]').text()).toBe('领域层 83.0 %');
    expect(zhCell.get('[data-test="tried-layer"]').classes()).toContain('kept');
    expect(zhCell.get('[data-test="tried-layer-polarity"]').text()).toBe('领域层（不含中性） 79.8 %');
    expect(zhCell.get('[data-test="tried-finetune"]').classes()).not.toContain('kept');
    const enCell = zh.get('[data-test="form-sentiment-en"]');
    expect(enCell.get('strong').text()).toBe('微调');
    expect(enCell.get('[data-test="tried-layer"]').text()).toBe('领域层 75.6 % (未通过留出集)');
    expect(enCell.get('[data-test="tried-finetune"]').classes()).toContain('kept');
    // Emotion has no forms: the cell stays empty.
    expect(zh.get('[data-test="form-emotion-"]').text()).toBe('');
    const en = await mountAs('en');
    expect(en.get('[data-test="form-sentiment-zh"] strong').text()).toBe('domain layer');
    expect(en.get('[data-test="form-sentiment-en"]').text()).toContain('domain layer 75.6 % (refused by the held-out set)');
    expect(en.get('[data-test="form-sentiment-zh"] [data-test="tried-layer-polarity"]').text()).toBe('domain layer without neutral 79.8 %');
    // The out-of-fold check of the form kept, before → after.
    expect(en.get('[data-test="report-sentiment"]').text()).toContain('79.2 % → 83.0 %');
  });

  it('says when no update was published, and shows an api error as text', async () => {
    fakeApi(() => ({ ...status(0), components: status(0).components.map((c) => ({ ...c, source: c.source === 'published' ? 'shipped' : c.source, modelVersion: 0 })), heldOut: [], heldOutFrom: 'none', rescoring: null }));
    const w = await mountAs('en');
    expect(w.get('[data-test="no-held-out"]').text()).toContain('No model update yet');
    expect(w.find('[data-test="no-rescoring"]').exists()).toBe(true);
    fakeApi(() => reply(403, { message: 'needs the analyst role <b>' }));
    const e = await mountAs('en');
    expect(e.get('[data-test="models-error"]').text()).toContain('needs the analyst role <b>');
  });
});
