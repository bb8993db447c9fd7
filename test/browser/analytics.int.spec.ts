// Real parts: Elasticsearch, Kafka, the api (HTTP) serving the built dashboard, and Chromium
// driven by playwright-core. A week of tickets and posts is seeded as the responder and the
// indexer store them (test/support/analytics-seed.ts). Every chart of the analytics page is
// screenshot in zh-CN and in en (test/artifacts/screenshots/analytics-*).
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchClient } from '@vigil/search';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { seedStories, seedStoryMentions, storyMentions, weekOfStories } from '../support/analytics-seed';
import { clusterFactory } from '../support/cluster-factory';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, SCREENSHOTS } from '../support/browser';
import { defaultPlan } from '../support/plan-fixtures';
import { testEnv } from '../support/test-env';

const CHARTS = ['volume', 'times', 'sla', 'rates', 'backlog', 'places', 'hotwords', 'share', 'sentiment'];

describe('analytics page in a real browser', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'browser-admin-pw', API_JWT_SECRET: 'c'.repeat(40), API_DASHBOARD_DIR: DASHBOARD_DIST });
  const config = loadApiConfig(env);
  let app: INestApplication;
  let base: string;
  let search: SearchClient;
  let browser: Browser;
  const refused: string[] = [];

  // The page's "last 7 days" ends at the coming local midnight: the seeded week ends there too.
  const midnight = new Date();
  midnight.setHours(24, 0, 0, 0);

  beforeAll(async () => {
    ensureDashboardBuilt();
    search = new SearchClient({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX });
    await search.ensureIndices();
    // Opened up to now only: the last day's stories are moved an hour back from the future.
    const now = Date.now();
    const stories = weekOfStories(midnight.getTime()).map((s) => (s.openedAt > now - 3_600_000 ? { ...s, openedAt: now - 3_600_000 - (s.openedAt - now) / 20 } : s));
    await seedStories(search, defaultPlan(), stories);
    const mentions = storyMentions(midnight.getTime(), 14, 8);
    await seedStoryMentions(search, mentions);
    // A storm cluster whose sample posts are the last days' complaints about late deliveries.
    const storm = mentions.filter((m) => m.analysis.sentiment.label === 'negative' && m.publishedAt > new Date(midnight.getTime() - 3 * 86_400_000).toISOString()).slice(0, 40);
    const cluster = clusterFactory({ id: 'c_storm', label: '送晚 超时 退款', topTerms: ['送晚', '超时', '退款'], sampleMentionIds: storm.map((m) => m.id) });
    await search.es.index({ index: search.names.clusters, id: cluster.id, document: cluster });
    const like = clusterFactory({ id: 'c_like', label: '超时 配送费', topTerms: ['超时', '配送费', '退款'] });
    await search.es.index({ index: search.names.clusters, id: like.id, document: like, refresh: 'wait_for' });
    // Two archived reports as the reporter writes them: one made (with its files), one whose render failed.
    const at = new Date().toISOString();
    const archived = { kind: 'weekly', watch: '_all', language: 'zh-CN', from: new Date(midnight.getTime() - 7 * 86_400_000).toISOString(), to: midnight.toISOString(), timeZone: 'Asia/Shanghai', label: '本周', requestedBy: 'schedule', createdAt: at, updatedAt: at };
    await search.es.index({ index: search.names.reports, id: 'weekly:_all:w:w:zh-CN', document: { ...archived, id: 'weekly:_all:w:w:zh-CN', title: '周报 · 全部监测方案 · 本周', status: 'done', attempts: 1, renderedAt: at, empty: false, headline: { tickets: 12, mentions: 120, negative: 90, slaRate: 0.852, csat: 0.667, breaches: 3 }, deliveries: [{ channel: 'email', target: 'cs-lead@example.com', ok: true, at }], html: '<!doctype html><p>周报</p>', pdf: Buffer.from('%PDF-1.4 test').toString('base64') } });
    await search.es.index({ index: search.names.reports, id: 'weekly:freshdash:w:w:zh-CN', document: { ...archived, watch: 'freshdash', id: 'weekly:freshdash:w:w:zh-CN', title: '周报 · freshdash · 本周', status: 'failed', attempts: 2, error: 'browserType.launch: Failed to launch chromium', nextAttemptAt: at, deliveries: [] }, refresh: 'wait_for' });
    app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await search?.onApplicationShutdown();
  });

  async function signedIn(locale: 'zh-CN' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale, acceptDownloads: true });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused/.test(m.text()) && refused.push(m.text()));
    await page.goto(base);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'browser-admin-pw');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=live-status]');
    await page.goto(`${base}/#/analytics`);
    await page.waitForSelector('[data-test=kpi-volume]');
    for (const c of CHARTS) await page.waitForSelector(`[data-test=chart-${c}] canvas, [data-test=chart-${c}] .empty`);
    return { context, page };
  }

  async function shootCharts(page: Page, locale: string): Promise<void> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-${locale}-page.png`, fullPage: true });
    for (const c of [...CHARTS.map((x) => `chart-${x}`), 'table-groups']) {
      await page.locator(`[data-test=${c}]`).screenshot({ path: `${SCREENSHOTS}/analytics-${locale}-${c}.png` });
    }
  }

  it('zh-CN: the figures of the week beside the week before, every chart drawn, a figure opens its tickets', async () => {
    const { context, page } = await signedIn('zh-CN');
    expect(await page.locator('[data-test=kpi-volume] .value').innerText()).toBe('12');
    expect(await page.locator('[data-test=kpi-volume]').innerText()).toContain('上期：4');
    expect(await page.locator('[data-test=kpi-repeat] .value').innerText()).toBe('8.3%'); // 1 of 12
    expect(await page.locator('nav').innerText()).toContain('统计分析');
    // Every chart drew something (a canvas), none is empty with this data.
    for (const c of CHARTS) expect(await page.locator(`[data-test=chart-${c}] canvas`).count(), c).toBe(1);
    // The definition is in the tile's tooltip.
    await page.hover('[data-test=kpi-fcr] .hint');
    expect(await page.locator('[data-test=kpi-fcr] .pop').innerText()).toContain('从未重开');
    await shootCharts(page, 'zh-CN');

    // The SLA tile lists the breached tickets.
    await page.click('[data-test=kpi-sla]');
    await page.waitForSelector('[data-test=behind-row]');
    const ids = await page.locator('[data-test=behind-row] td:first-child').allInnerTexts();
    expect(ids.sort()).toEqual(['CR-2026-000103', 'CR-2026-000108', 'CR-2026-000110'].sort());
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-zh-CN-behind.png` });
    // The CSV of that list, as downloaded.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=tickets-behind] [data-test=export-csv]')]);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF工单,标题')).toBe(true);
    expect(text).toContain('CR-2026-000108');
    await page.click('[data-test=tickets-behind] .close');

    // A chart as PNG, a table as XLSX (written by the api).
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=chart-volume] [data-test=export-png]')]);
    expect(fs.readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=table-groups] [data-test=export-xlsx]')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  async function shootIncident(page: Page, locale: string): Promise<void> {
    await page.goto(`${base}/#/incidents/cluster/c_storm`);
    await page.waitForSelector('[data-test=incident-summary] p');
    await page.waitForSelector('[data-test=chart-spread] canvas');
    expect(await page.locator('[data-test=incident-first]').innerText()).toMatch(/user\d+/);
    expect((await page.locator('[data-test=incident-summary] p').first().innerText()).length).toBeGreaterThan(10);
    expect(await page.locator('[data-test=incident-related]').innerText()).toContain('超时 配送费');
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-${locale}-incident.png`, fullPage: true });
  }

  it('en: the same page in English, English places by country; the incident view of a cluster', async () => {
    const { context, page } = await signedIn('en');
    expect(await page.locator('[data-test=kpi-volume]').innerText()).toContain('Tickets opened');
    await page.click('[data-test=places-en]');
    await page.waitForSelector('[data-test=chart-places] canvas');
    await shootCharts(page, 'en');
    await shootIncident(page, 'en');
    await context.close();
  });

  it('zh-CN: the incident view, and the search page with paging and a saved search', async () => {
    const { context, page } = await signedIn('zh-CN');
    await shootIncident(page, 'zh-CN');
    await page.goto(`${base}/#/search`);
    await page.selectOption('select[name=riskCue]', []);
    await page.fill('input[name=watch]', 'freshdash');
    await page.click('[data-test=search-run]');
    await page.waitForSelector('[data-test=search-pager]');
    const total = await page.locator('[data-test=search-total]').innerText();
    await page.click('[data-test=page-next]');
    await page.waitForSelector('[data-test=search-pager] >> text=第 2');
    await page.fill('input[name=saveName]', '鲜达全部');
    await page.click('[data-test=search-save]');
    await page.waitForSelector('[data-test=saved-apply] >> text=鲜达全部');
    await page.fill('input[name=watch]', '');
    await page.click('[data-test=saved-apply]');
    await page.waitForSelector('[data-test=search-pager] >> text=第 1');
    expect(await page.locator('[data-test=search-total]').innerText()).toBe(total);
    expect(await page.inputValue('input[name=watch]')).toBe('freshdash');
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-zh-CN-search.png`, fullPage: true });

    // The reports archive: what was made, what failed and why; a PDF downloads.
    await page.goto(`${base}/#/reports`);
    await page.waitForSelector('[data-test=report-row]');
    expect(await page.locator('[data-test=report-error]').innerText()).toContain('Failed to launch chromium');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=report-pdf]')]);
    expect(fs.readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SCREENSHOTS}/analytics-zh-CN-reports.png`, fullPage: true });
    await context.close();
    expect(refused).toEqual([]);
  });
});
