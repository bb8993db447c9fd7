// Real parts: Kafka, Elasticsearch, the indexer, the api serving the built dashboard, and Chromium
// driven by playwright-core. An analyst corrects a post in the browser; the correction travels
// api → mentions.corrections → indexer → Elasticsearch and the page reads it back from there.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrichedMention } from '@vigil/contracts';
import { IndexerModule } from '../../apps/indexer/src/indexer.module';
import { loadIndexerConfig } from '../../apps/indexer/src/indexer.config';
import { startApi, type ApiKit } from '../support/api-kit';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { KafkaTestClient } from '../support/kafka-test-client';
import { mentionFactory } from '../support/mention-factory';
import { pollUntil, testEnv } from '../support/test-env';

/** A stranger's post with markup in it: the page must show it as text. */
const TEXT = '退款拖了三周还没到账 <img src=x onerror="document.title=\'pwned\'"> 再不处理就找媒体曝光';

describe('analysts correct a post in the dashboard (real browser)', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'corr-admin-pw', API_JWT_SECRET: 'k'.repeat(40), API_DASHBOARD_DIR: DASHBOARD_DIST });
  let indexer: INestApplication;
  let api: ApiKit;
  let tc: KafkaTestClient;
  let browser: Browser;
  let analyst: string;
  const post = mentionFactory('browser-corr', { text: TEXT, publishedAt: new Date(Date.now() - 60_000).toISOString() }, {
    language: 'zh', tokens: ['退款', '到账', '媒体', '曝光'], sentiment: { label: 'neutral', score: 0.1, confidence: 0.5 }, emotion: { level: 'calm', intensity: 0.1 },
    riskCues: [{ kind: 'media', evidence: '媒体曝光', start: 30, end: 34, confidence: 0.8 }], riskScore: 20,
  });
  const byId = async (id: string) => ((await api.get(`/api/mentions/by-ids?ids=${id}`, analyst)).body.mentions as EnrichedMention[])[0];

  async function signIn(locale: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1300, height: 900 }, locale });
    await page.goto(`${api.base}/#/search`);
    await page.waitForSelector('input[name=username]');
    await page.fill('input[name=username]', 'ana');
    await page.fill('input[name=password]', 'ana-password-1');
    await page.click('[data-test=login-submit]');
    return page;
  }

  beforeAll(async () => {
    ensureDashboardBuilt();
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    indexer = await NestFactory.create(IndexerModule.forRoot(loadIndexerConfig(env)), { logger: false });
    await indexer.init();
    api = await startApi(env);
    const admin = await api.login('admin', 'corr-admin-pw');
    const r = await fetch(`${api.base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ username: 'ana', role: 'analyst', password: 'ana-password-1' }) });
    expect(r.status).toBe(201);
    analyst = await api.login('ana', 'ana-password-1');
    await tc.produce('mentionsEnriched', [{ key: post.id, value: JSON.stringify(post) }]);
    await pollUntil('the post indexed', () => byId(post.id), (m) => !!m, { timeoutMs: 60_000 });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await indexer?.close();
    await tc?.close();
  });

  it('from a search result: corrects sentiment, emotion and risk cues; the result shows the stored correction at once', async () => {
    const page = await signIn('en-US');
    await page.waitForSelector('[data-test=search-run]');
    await page.click('[data-test=search-run]');
    await page.waitForSelector('[data-test=hit] [data-test=correct]');
    expect(await page.textContent('[data-test=hit] .text')).toBe(TEXT);
    expect(await page.$('[data-test=hit] img')).toBeNull();
    await page.click('[data-test=hit] [data-test=correct]');
    await page.selectOption('[data-test=correction-sentiment]', 'negative');
    await page.selectOption('[data-test=correction-emotion]', 'agitated');
    await page.check('[data-test=cue-regulator]');
    await screenshot(page, 'correction-form');
    await page.click('[data-test=correction-save]');
    await page.waitForSelector('[data-test=hit] [data-test=corrected]');
    expect(await page.textContent('[data-test=hit] [data-test=corrected]')).toBe('corrected by ana · the model said neutral');
    expect(await page.textContent('[data-test=hit-sentiment]')).toBe('negative');
    expect(await page.title()).not.toBe('pwned');
    // What the page shows is what the indexer stored.
    const m = await byId(post.id);
    expect(m.correction).toMatchObject({ by: 'ana', sentiment: 'negative', emotion: 'agitated', riskCues: ['media', 'regulator'] });
    expect(m.analysis.riskCues.map((c) => c.kind)).toEqual(['media', 'regulator']);
    await screenshot(page, 'correction-search');
    await page.close();
  });

  it('on the post page (zh-CN): the analysis, the model answer beside the correction, and the trail', async () => {
    const page = await signIn('zh-CN');
    await page.waitForSelector('[data-test=search-run]');
    await page.goto(`${api.base}/#/posts/${post.id}`);
    await page.waitForSelector('[data-test=corrections]');
    expect(await page.textContent('[data-test=post] .text')).toBe(TEXT);
    expect(await page.textContent('[data-test=post-sentiment]')).toBe('负面');
    expect(await page.textContent('[data-test=post-emotion]')).toContain('激动');
    expect(await page.textContent('[data-test=post-cues]')).toBe('媒体 “媒体曝光”, 监管部门 （分析员标注）');
    expect(await page.textContent('[data-test=post-original]')).toContain('中性');
    const rows = await page.$$eval('[data-test=corrections] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('ana');
    expect(rows[0]).toContain('情绪: 平静');
    expect(rows[0]).toContain('风险线索: 媒体, 监管部门');
    // A second correction from the post page: categories only; the trail grows, the sentiment stays.
    await page.click('[data-test=correct]');
    await page.fill('[data-test=correction-categories]', 'refund, service_attitude');
    await page.click('[data-test=correction-save]');
    // A locator, not a string predicate: the dashboard's CSP refuses evaluating strings.
    await page.locator('[data-test=corrections] tbody tr').nth(1).waitFor();
    expect(await page.textContent('[data-test=post-categories]')).toBe('refund, service_attitude');
    expect(await page.textContent('[data-test=post-sentiment]')).toBe('负面');
    await screenshot(page, 'correction-post-zh');
    await page.close();
  });
});
