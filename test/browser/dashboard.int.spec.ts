// Real parts: Kafka, Elasticsearch, the api (HTTP + socket.io) serving the built dashboard,
// and Chromium driven by playwright-core. Tickets, mentions, source state and a cluster are
// seeded in Elasticsearch as the responder, indexer, collector and detector would write them;
// alerts and ticket events are produced on Kafka as the responder would. The responder and
// the detector themselves are not running.
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterDoc, mentionId, TicketAction, type Alert, type TicketEvent } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { KafkaTestClient } from '../support/kafka-test-client';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { pollUntil, testEnv } from '../support/test-env';
import { seedTicket } from '../support/ticket-factory';

const XSS = '<img src=x onerror=window.__xss=1>';
const TICKET = 'CR-2026-000042';
const CLUSTER = 'c_0123456789abcdef';
const ZH_POST = '鲜达外卖又送晚了两个小时，退款申请还被拒绝';
/** The ids seedMentions gives the posts below (mentionFactory's source is `test-source`). */
const XSS_ID = mentionId('test-source', 'xss');
const ZH_ID = mentionId('test-source', 'zh');

describe('dashboard in a real browser', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'browser-admin-pw', API_JWT_SECRET: 'b'.repeat(40), API_DASHBOARD_DIR: DASHBOARD_DIST });
  const config = loadApiConfig(env);
  let app: INestApplication;
  let base: string;
  let tc: KafkaTestClient;
  let search: SearchClient;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    ensureDashboardBuilt();
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    search = new SearchClient({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX });
    app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    // Every index with its mapping, as any app creates them at start (keyword ticketId, dates), so the api's filters match.
    await search.ensureIndices();
    await seedTicket(search, { id: TICKET, title: '鲜达外卖大面积配送延误 / FreshDash late deliveries', level: 'urgent', evidence: { signalIds: ['s1', 's2'], mentionIds: ['a'.repeat(32), ZH_ID], signalCount: 2, maxSize: 37 } });
    const t0 = Date.now() - 5 * 60_000;
    for (const [i, type, after] of [[1, 'opened', { state: 'open', level: 'urgent' }], [2, 'evidence_attached', { signalCount: 2 }]] as const) {
      await search.es.index({ index: search.names.ticketEvents, id: `${TICKET}:${i}`, document: { eventId: `${TICKET}:${i}`, ticketId: TICKET, seq: i, type, actor: 'responder', at: new Date(t0 + i * 60_000).toISOString(), after }, refresh: 'wait_for' });
    }
    await seedTicket(search, { id: 'CR-2026-000043', title: 'App crashes on login', level: 'important', state: 'acknowledged', acknowledgedAt: new Date().toISOString() });
    await seedMentions(search, [
      mentionFactory('xss', { text: `Refund refused ${XSS} again`, title: `FreshDash ${XSS}` }),
      mentionFactory('zh', { text: ZH_POST, channel: 'review', author: { name: '王***' } }, { language: 'zh', tokens: ['鲜达', '外卖', '退款', '拒绝'], categories: [{ id: 'delivery', confidence: 0.9 }], entities: { orderIds: [], money: [], places: [{ name: '上海', kind: 'city' }], products: [], piiKinds: [] } }),
      mentionFactory('pos', { text: 'FreshDash refund arrived quickly, thanks' }, { sentiment: { score: 0.6, label: 'positive', confidence: 0.8 }, tokens: ['freshdash', 'refund', 'thanks'] }),
    ]);
    await search.es.index({ index: search.names.sourceState, id: 'weibo', document: { sourceId: 'weibo', updatedAt: new Date().toISOString(), lastSuccessAt: new Date().toISOString(), errorCount: 0, itemsEmitted: 120, cursor: {} }, refresh: 'wait_for' });
    await search.es.index({ index: search.names.sourceState, id: 'appstore', document: { sourceId: 'appstore', updatedAt: new Date().toISOString(), lastErrorAt: new Date().toISOString(), lastError: 'HTTP 503 from itunes.apple.com', errorCount: 4, itemsEmitted: 0, cursor: {}, gaps: [{ from: new Date(t0).toISOString(), to: new Date().toISOString(), reason: 'error: HTTP 503 from itunes.apple.com', open: true }] }, refresh: 'wait_for' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    // Chromium reports every Content-Security-Policy refusal on the console: collected over all pages.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await tc?.close();
    await search?.onApplicationShutdown();
  });

  it('signs in and connects the live feed', async () => {
    await page.goto(base);
    await page.waitForSelector('input[name=username]');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=login-error]');
    await screenshot(page, '01-login-failed');
    await page.fill('input[name=password]', 'browser-admin-pw');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=live-status].live', { timeout: 20_000 });
    expect(await page.textContent('[data-test=no-alerts]')).toBeTruthy();
  });

  it('shows an alert produced on Kafka live, without a reload, with its title as inert text', async () => {
    const alert: Alert = { alertId: `${TICKET}:new_ticket`, type: 'new_ticket', ticketId: TICKET, level: 'urgent', title: `配送延误 ${XSS}`, at: new Date().toISOString(), notify: ['cs_lead'], detail: '37 posts in 20 minutes' };
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    // A fresh consumer group reads from "latest": resend until the api's consumer has joined (the id dedupes).
    await pollUntil(
      'the alert on the page',
      async () => {
        await tc.produce('alerts', [{ key: TICKET, value: JSON.stringify(alert) }]);
        return page.locator('[data-test=alert]').count();
      },
      (n) => n >= 1,
      { intervalMs: 1500, timeoutMs: 45_000 },
    );
    expect(await page.locator('[data-test=alert]').count()).toBe(1);
    const text = await page.locator('[data-test=alert]').first().innerText();
    expect(text).toContain(XSS);
    expect(text).toContain(TICKET);
    expect(await page.locator('[data-test=alerts] img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(navigations).toEqual([]);
    // Live counters: enriched mentions arriving on Kafka move the KPIs and the timeline.
    await pollUntil(
      'the mentions-per-minute KPI',
      async () => {
        const ms = ['n1', 'n2', 'p1'].map((id) => mentionFactory(`${id}-${Date.now()}`, {}, id.startsWith('p') ? { sentiment: { score: 0.5, label: 'positive', confidence: 0.9 } } : {}));
        await tc.produce('mentionsEnriched', ms.map((m) => ({ key: m.id, value: JSON.stringify(m) })));
        return Number(await page.locator('[data-test=kpi-rate] .value').innerText());
      },
      (n) => n >= 3,
      { intervalMs: 2000, timeoutMs: 45_000 },
    );
    expect(await page.locator('[data-test=kpi-negative] .value').innerText()).toMatch(/^\d+%$/);
    await page.locator('.live canvas').first().waitFor();
    await screenshot(page, '02-live');
  });

  it('acknowledges a ticket from the board: a ticket.actions message goes to the responder, its event updates the card', async () => {
    const actions = await tc.collect('ticketActions');
    await page.goto(`${base}/#/board`);
    const card = page.locator(`[data-ticket="${TICKET}"]`);
    await card.waitFor();
    await screenshot(page, '03-board');
    await card.locator('[data-test=ack]').click();
    await card.locator('[data-test=sent]').waitFor();
    const [msg] = await pollUntil('an acknowledge on ticket.actions', async () => actions, (a) => a.length >= 1);
    const action = TicketAction.parse(JSON.parse(msg.value));
    expect(msg.key).toBe(TICKET);
    expect(action).toMatchObject({ type: 'acknowledge', ticketId: TICKET, actor: 'admin' });
    // What the responder would answer: the event on tickets.events (and the document in Elasticsearch).
    const at = new Date().toISOString();
    await search.es.update({ index: search.names.tickets, id: TICKET, doc: { state: 'acknowledged', acknowledgedAt: at, seq: 2 }, refresh: 'wait_for' });
    const event: TicketEvent = { eventId: `${TICKET}:2`, ticketId: TICKET, seq: 2, type: 'acknowledged', actor: 'admin', at, requestId: action.requestId, after: { state: 'acknowledged', acknowledgedAt: at } };
    await tc.produce('ticketEvents', [{ key: TICKET, value: JSON.stringify(event) }]);
    await card.locator('[data-test=ack]').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await card.locator('[data-test=sent]').count()).toBe(0);
    await screenshot(page, '04-board-acknowledged');
  });

  it('shows a ticket with its checklist, holding statement and evidence', async () => {
    await page.goto(`${base}/#/tickets/${TICKET}`);
    await page.waitForSelector('text=我们已关注到相关反馈');
    expect(await page.locator('.checklist li').count()).toBe(6);
    await page.waitForSelector('.timeline li');
    expect(await page.locator('.timeline li').count()).toBe(2);
    // Evidence posts by id (newest first): the seeded one as text, the unknown id counted as not found.
    const evidence = page.locator('[data-test=evidence-posts]');
    await evidence.locator('[data-test=post]').first().waitFor();
    expect(await evidence.locator('[data-test=post]').count()).toBe(1);
    const post = await evidence.locator('[data-test=post]').innerText();
    expect(post).toContain(ZH_POST);
    expect(post).toContain('王***');
    expect(post).toContain('review');
    expect(await evidence.locator('[data-test=posts-missing]').innerText()).toContain('1 条未找到');
    await screenshot(page, '05-ticket');
  });

  it('runs a search with charts, and a post carrying markup renders inert', async () => {
    await page.goto(`${base}/#/search`);
    await page.fill('input[name=q]', 'refund');
    await page.click('[data-test=search-run]');
    await page.waitForSelector('[data-test=hit]');
    expect(await page.textContent('[data-test=search-total]')).toContain('2');
    const hits = await page.locator('[data-test=hits]').innerText();
    expect(hits).toContain(`Refund refused ${XSS} again`);
    expect(await page.locator('[data-test=hits] img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.waitForTimeout(300); // let ECharts finish its first paint before the picture
    await screenshot(page, '06-search');
    // A chart's tooltip (ECharts writes its markup with style attributes) must also live under the CSP.
    const chart = page.locator('canvas').first();
    const box = (await chart.boundingBox())!;
    for (const f of [0.3, 0.5, 0.7]) await page.mouse.move(box.x + box.width * f, box.y + box.height * 0.6);
    await page.waitForTimeout(300);
    await page.fill('input[name=q]', '');
    await page.click('[data-test=search-run]');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[data-test=search-total]')?.textContent?.includes('3'));
  });

  it('is honest about missing clusters and shows source health', async () => {
    await page.goto(`${base}/#/clusters`);
    await page.waitForSelector('[data-test=clusters-empty]');
    await screenshot(page, '07-clusters-empty');
    await page.goto(`${base}/#/sources`);
    await page.waitForSelector('[data-test=sources]');
    expect(await page.locator('[data-test=sources]').innerText()).toContain('HTTP 503');
    // The collector's coverage gap reaches people: the ongoing one is marked.
    expect(await page.locator('[data-test=gaps] li.open').innerText()).toContain('进行中');
    await screenshot(page, '08-sources');
  });

  it('shows a cluster: growth, severity factors and sample posts, a post carrying markup as inert text', async () => {
    const now = Date.now();
    // What the detector writes (ClusterRecord.toDoc plus the severity its repository adds).
    const doc = ClusterDoc.parse({
      id: CLUSTER, label: '鲜达 退款 拒绝 配送 超时', topTerms: ['鲜达', '退款', '拒绝', '配送', '超时'], language: 'zh',
      firstSeen: new Date(now - 50 * 60_000).toISOString(), lastSeen: new Date(now - 60_000).toISOString(),
      size: 23, distinctAuthors: 19, channels: ['social', 'review'], places: ['上海', '阳光花园'], products: [], categories: ['refund', 'delivery'],
      orderBatches: [], riskCues: ['media', 'compensation_demand'], meanSentiment: -0.72, meanEmotionIntensity: 0.64, reach: 5400, maxMoney: 88,
      sampleMentionIds: [XSS_ID, ZH_ID], velocityPerHour: 23, growth: 23, status: 'active',
      severity: {
        level: 'urgent', score: 68.4,
        factors: [
          { factor: 'volume', value: 23, contribution: 7.9, note: '23 posts' },
          { factor: 'reach', value: 5400, contribution: 14.9, note: 'combined reach 5400' },
          { factor: 'distinct_authors', value: 19, contribution: 16.2, note: '19 distinct authors' },
          { factor: 'risk_cue', value: 2, contribution: 18, note: 'cues: compensation_demand, media' },
          { factor: 'emotion', value: 0.6, contribution: 6.4, note: 'mean emotion intensity 0.6' },
          { factor: 'velocity', value: 23, contribution: 5, note: '23 posts/hour' },
        ],
      },
      state: {
        version: 1, signatures: [], terms: {}, authorHashes: [], counts: { channels: {}, places: {}, products: {}, categories: {}, orderBatches: {}, riskCues: {} },
        recentTimes: Array.from({ length: 23 }, (_, i) => now - 50 * 60_000 + Math.round(Math.sqrt(i / 22) * 49 * 60_000)),
        sentimentSum: -16.6, emotionSum: 14.7, reachSum: 5400, maxMoney: 88, nearDuplicates: 3, suspiciousAccounts: 0, coordinatedPosts: 0, signalled: { newAt: 5, grewAt: 20 },
      },
    });
    await search.es.index({ index: search.names.clusters, id: CLUSTER, document: doc, refresh: 'wait_for' });
    await page.goto(`${base}/#/clusters/${CLUSTER}`);
    await page.waitForSelector('[data-test=post]');
    expect(await page.locator('[data-test=cluster-label]').innerText()).toBe(doc.label);
    expect(await page.locator('[data-test=cluster-places]').innerText()).toBe('上海, 阳光花园');
    const facts = await page.locator('[data-test=cluster-facts]').innerText();
    expect(facts).toMatch(/作者数\s+19/);
    expect(facts).toMatch(/风险线索\s+媒体, 索赔/);
    expect(await page.locator('main header').innerText()).toContain('状态: 活跃');
    // Sample posts in the cluster's order; the markup is shown, not run.
    const posts = await page.locator('[data-test=post]').allInnerTexts();
    expect(posts).toHaveLength(2);
    expect(posts[0]).toContain(`Refund refused ${XSS} again`);
    expect(posts[0]).toContain(`FreshDash ${XSS}`);
    expect(posts[1]).toContain(ZH_POST);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The severity and why: level badge, score, factors largest first (zh-CN page).
    expect(await page.locator('[data-test=severity] .badge').innerText()).toBe('紧急');
    expect(await page.locator('[data-test=severity-score]').innerText()).toContain('68.4');
    const rows = await page.locator('[data-test=factor]').evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: { factor: string } }).dataset.factor));
    expect(rows).toEqual(['risk_cue', 'distinct_authors', 'reach', 'volume', 'emotion', 'velocity']);
    expect(await page.locator('[data-test=factor]').first().innerText()).toContain('cues: compensation_demand, media');
    // The growth chart of the recent post times, titled with what it covers.
    await page.locator('[data-test=growth] canvas').first().waitFor();
    expect(await page.locator('[data-test=growth] h2').innerText()).toContain('23');
    // A full-page capture re-emulates the viewport, and headless Chromium then shows this canvas
    // from a stale layer (on screen it is right); a viewport as tall as the page needs no re-emulation.
    const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1400, height });
    await page.waitForTimeout(300); // let ECharts finish its paint before the picture
    await screenshot(page, '07b-cluster');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('routes by role and sign-in: a deep link survives the sign-in form, a page above the role is refused', async () => {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'browser-admin-pw' }) });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ username: 'wang', role: 'viewer', password: 'viewer-password' }) });
    expect(created.status).toBe(201);
    await page.click('[data-test=logout]');
    await page.waitForSelector('input[name=username]');
    // A link someone shared, opened while signed out: the form first, then that ticket.
    await page.goto(`${base}/#/tickets/${TICKET}`);
    await page.waitForSelector('input[name=username]');
    expect(new URL(page.url()).hash).toBe(`#/login?redirect=/tickets/${TICKET}`);
    await page.fill('input[name=username]', 'wang');
    await page.fill('input[name=password]', 'viewer-password');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('text=我们已关注到相关反馈');
    expect(new URL(page.url()).hash).toBe(`#/tickets/${TICKET}`);
    // A viewer has no search link, and the search page's URL says why instead of showing it.
    expect(await page.locator('nav a').allInnerTexts()).not.toContain('搜索');
    await page.goto(`${base}/#/search`);
    await page.waitForSelector('[data-test=forbidden]');
    expect(await page.locator('[data-test=forbidden]').innerText()).toContain('分析员');
    await screenshot(page, '09-forbidden');
  });

  it('keeps the session out of script reach, survives a reload, and lets an admin disable a user and revoke a key (issue 20, items 6 and 8)', async () => {
    const api = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
      const r = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
      return { status: r.status, body: (await r.json().catch(() => ({}))) as Record<string, unknown> };
    };
    await page.click('[data-test=logout]');
    await page.waitForSelector('input[name=username]');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'browser-admin-pw');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=live-status].live', { timeout: 20_000 });
    // The access token is in memory only; the session cookie is httpOnly: no script can read either.
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'vigil_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const visible = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { cookie: string }; localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null }; sessionStorage: { length: number } };
      const stored = Array.from({ length: g.localStorage.length }, (_, i) => `${g.localStorage.key(i)}=${g.localStorage.getItem(g.localStorage.key(i)!)}`);
      return { cookie: g.document.cookie, stored, session: g.sessionStorage.length };
    });
    expect(visible.cookie).not.toContain('vigil_session');
    expect(visible.stored.filter((kv) => /eyJ|token|session/i.test(kv))).toEqual([]);
    expect(visible.session).toBe(0);
    // A reload signs in again from the cookie, without the form.
    await page.reload();
    await page.waitForSelector('[data-test=live-status].live', { timeout: 20_000 });
    expect(await page.locator('input[name=username]').count()).toBe(0);

    const wangToken = String((await api('/api/auth/login', { method: 'POST', body: { username: 'wang', password: 'viewer-password' } })).body.token);
    const adminToken = String((await api('/api/auth/login', { method: 'POST', body: { username: 'admin', password: 'browser-admin-pw' } })).body.token);
    const key = String((await api('/api/api-keys', { method: 'POST', token: adminToken, body: { name: 'etl-bot', role: 'viewer' } })).body.key);
    expect((await api('/api/tickets', { token: wangToken })).status).toBe(200);
    expect((await fetch(`${base}/api/tickets`, { headers: { 'x-api-key': key } })).status).toBe(200);

    page.on('dialog', (d) => void d.accept());
    await page.click('nav a[href="#/users"]');
    await page.waitForSelector('[data-user=wang]');
    await page.click('[data-user=wang] [data-test=user-disable]');
    await page.waitForSelector('[data-user=wang] [data-test=user-enable]');
    expect(await page.locator('[data-user=wang]').innerText()).toContain('已停用');
    expect((await api('/api/tickets', { token: wangToken })).status).toBe(401);
    await page.click('[data-key=etl-bot] [data-test=key-revoke]');
    await page.waitForSelector('[data-key=etl-bot].revoked');
    expect((await fetch(`${base}/api/tickets`, { headers: { 'x-api-key': key } })).status).toBe(401);
    await page.waitForSelector('[data-test=audit] tr.user_disabled');
    await screenshot(page, '10-users');
  });

  it('works under its Content-Security-Policy: no page above met a refusal (issue 20, item 8)', async () => {
    const r = await fetch(base);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
  });
});
