// Real parts: Kafka, Elasticsearch, the collector, processor, indexer, detector and api in one process
// (as `npm start` runs them) serving the built dashboard, a feed served on 127.0.0.1, and Chromium
// driven by playwright-core. Everything is set up from the dashboard: nothing is seeded (the
// baselines the last test reads are the ones the detector stores for the watch's posts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { TestFeedServer, rss } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';

describe('watches and sources, set up from the dashboard in a real browser', () => {
  const server = new TestFeedServer();
  let app: INestApplication;
  let base: string;
  let browser: Browser;
  let page: Page;
  const firstDay = [
    { guid: 'b1', title: '鲜达外卖', description: '鲜达外卖今天的午饭送得很快' },
    { guid: 'b2', title: '天气', description: '今天天气不错，适合出门' },
  ];

  beforeAll(async () => {
    ensureDashboardBuilt();
    await server.start();
    server.serve('/brand.rss', rss(firstDay));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-browser-sources-'));
    fs.writeFileSync(path.join(dir, 'sources.yaml'), 'sources: []\n');
    const env = testEnv({
      SOURCES_FILE: path.join(dir, 'sources.yaml'), COLLECTOR_ALLOW_HOSTS: `127.0.0.1:${new URL(server.url).port}`, SOURCES_POLL_MS: '300', WATCHES_POLL_MS: '300',
      VIGIL_ADMIN_PASSWORD: 'browser-admin-pw', API_JWT_SECRET: 'w'.repeat(40), API_DASHBOARD_DIR: DASHBOARD_DIST, API_PORT: '0', KAFKA_TOPIC_PARTITIONS: '1',
    });
    app = await NestFactory.create(AllInOneModule.forRoot(env, ['collector', 'processor', 'indexer', 'detector', 'api']), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    await page.goto(base);
    await page.waitForSelector('input[name=username]');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'browser-admin-pw');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=live-status]');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await server.stop();
  });

  it('a test fetch of a bad URL shows the exact error; a good one shows the first items', async () => {
    await page.goto(`${base}/#/sources`);
    await page.click('[data-test=source-add]');
    await page.fill('[data-test=source-id]', 'brand-feed');
    await page.fill('[data-test=source-url]', `${server.url}/missing.rss`);
    await page.fill('[data-test=source-every]', '1s');
    await page.click('[data-test=source-test]');
    await page.waitForSelector('[data-test=test-error]', { timeout: 45_000 });
    expect(await page.textContent('[data-test=test-error]')).toMatch(/missing\.rss: HTTP 404/);
    await screenshot(page, 'watches-01-test-fetch-error');
    await page.fill('[data-test=source-url]', `${server.url}/brand.rss`);
    await page.click('[data-test=source-test]');
    await page.waitForSelector('[data-test=test-ok]', { timeout: 45_000 });
    expect(await page.locator('[data-test=test-item]').count()).toBe(2);
    expect(await page.locator('[data-test=test-result]').innerText()).toContain('鲜达外卖今天的午饭送得很快');
    // Nothing of a test is polled or stored: the feed was asked twice, by the two tests only.
    expect(server.hits.get('/brand.rss')).toBe(1);
  });

  it('a source added in the dashboard is polled, and shows as such', async () => {
    await page.click('[data-test=source-save]');
    await page.waitForSelector('[data-source="brand-feed"]');
    await pollUntil('the collector polling the new source', async () => server.hits.get('/brand.rss') ?? 0, (n) => n >= 2, { timeoutMs: 30_000 });
    await pollUntil(
      'its row showing the items it emitted',
      async () => {
        // A reload: going to the same #/sources address keeps the page (and the rows it loaded).
        await page.reload();
        await page.waitForSelector('[data-source="brand-feed"]');
        const row = page.locator('[data-source="brand-feed"]');
        return [await row.locator('[data-test=status]').innerText(), await row.locator('[data-test=items]').innerText()];
      },
      ([status, items]) => status === 'OK' && items === '2',
      { timeoutMs: 45_000, intervalMs: 1000 },
    );
    await screenshot(page, 'watches-02-source-added');
  });

  it('a watch written in the dashboard: a bad rule shows its position, the preview counts stored posts, the next posts carry it', async () => {
    await page.goto(`${base}/#/watches`);
    await page.click('[data-test=watch-new]');
    await page.fill('[data-test=watch-id]', 'freshdash');
    await page.fill('[data-test=watch-name]', '鲜达外卖 / FreshDash');
    await page.fill('[data-test=brand-name]', '鲜达外卖');
    await page.click('[data-test=rules-add]');
    await page.fill('[data-test=rules-0]', '(退款 OR 没到账');
    await page.waitForSelector('[data-test=rules-0-error]');
    expect(await page.textContent('[data-test=rules-0-error]')).toContain('never closed');
    await screenshot(page, 'watches-03-rule-error');
    await page.fill('[data-test=rules-0]', '退款 NEAR/10 没到账');
    await page.waitForSelector('[data-test=rules-0-ok]');
    // The two posts the source brought are stored by now: the preview finds the brand's one.
    await pollUntil(
      'the preview counting the stored post',
      async () => {
        await page.click('[data-test=preview]');
        await page.waitForSelector('[data-test=preview-count]');
        return page.textContent('[data-test=preview-count]');
      },
      (t) => /\b1 posts? of the last 7 days match/.test(t ?? ''),
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    expect(await page.locator('[data-test=preview-examples] li').innerText()).toContain('鲜达外卖今天的午饭送得很快');
    await page.click('[data-test=watch-save]');
    await page.waitForSelector('[data-test=watch-saved]');
    await screenshot(page, 'watches-04-watch-saved');

    // New posts on the feed: the processor tags them with the watch just saved, no restart.
    server.serve('/brand.rss', rss([...firstDay, { guid: 'b3', title: '投诉', description: '鲜达外卖退款三天了还没到账' }]));
    await page.goto(`${base}/#/search`);
    await pollUntil(
      'the new post found by its watch',
      async () => {
        await page.fill('input[name=watch]', 'freshdash');
        await page.click('[data-test=search-run]');
        await page.waitForSelector('[data-test=search-total]');
        return page.locator('[data-test=hit]').allInnerTexts();
      },
      (hits) => hits.some((h) => h.includes('退款三天了还没到账')),
      { timeoutMs: 45_000, intervalMs: 1500 },
    );
    const hits = await page.locator('[data-test=hit]').allInnerTexts();
    expect(hits.every((h) => h.includes('鲜达外卖 / FreshDash'))).toBe(true);
    expect(hits.some((h) => h.includes('今天天气不错'))).toBe(false);
    await screenshot(page, 'watches-05-search-by-watch');
  });

  it('the new watch is learning its baseline: the Live page lists it with a progress bar, the Watches page says so in its Baseline column', async () => {
    // The detector saw the watch's posts a moment ago: its key is warming up (3 days of history needed).
    await page.goto(`${base}/#/`);
    await pollUntil(
      'the learning watch on the Live page',
      async () => {
        await page.reload();
        await page.waitForSelector('[data-test=live-status]');
        return page.locator('[data-test=baselines-learning] [data-test=baseline-row]').allInnerTexts();
      },
      (rows) => rows.some((r) => r.includes('鲜达外卖 / FreshDash')),
      { timeoutMs: 60_000, intervalMs: 2000 },
    );
    const row = page.locator('[data-test=baseline-row]', { hasText: '鲜达外卖 / FreshDash' });
    expect(await row.innerText()).toMatch(/learning: \d+(\.\d)? of 3 days/);
    expect(await row.locator('[data-test=baseline].warming_up .bar').count()).toBe(1);
    expect(await page.locator('[data-test=baselines-learning] h2').innerText()).toBe('Baselines still learning');
    await screenshot(page, 'watches-06-live-baseline-learning');

    await page.goto(`${base}/#/watches`);
    const cell = page.locator('tr', { hasText: '鲜达外卖 / FreshDash' }).locator('[data-test=baseline]');
    await cell.waitFor({ timeout: 30_000 });
    expect(await cell.getAttribute('class')).toContain('warming_up');
    expect(await cell.innerText()).toMatch(/learning: \d+(\.\d)? of 3 days/);
    expect(await page.locator('th', { hasText: 'Baseline' }).count()).toBe(1);
    await screenshot(page, 'watches-07-watches-baseline-column');
  });
});
