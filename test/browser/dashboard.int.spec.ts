// Real parts: Kafka, Elasticsearch, the api (HTTP + socket.io) serving the built dashboard,
// and Chromium driven by playwright-core. Tickets, mentions and source state are seeded in
// Elasticsearch as the responder, indexer and collector would write them; alerts and ticket
// events are produced on Kafka as the responder would. The responder itself is not running.
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketAction, type Alert, type TicketEvent } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { responderIndexDefinitions } from '../../apps/responder/src/tickets/tickets.mapping';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { KafkaTestClient } from '../support/kafka-test-client';
import { mentionFactory, seedMentions } from '../support/mention-factory';
import { pollUntil, testEnv } from '../support/test-env';
import { seedTicket } from '../support/ticket-factory';

const XSS = '<img src=x onerror=window.__xss=1>';
const TICKET = 'CR-2026-000042';

describe('dashboard in a real browser', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'browser-admin-pw', API_JWT_SECRET: 'b'.repeat(40), API_DASHBOARD_DIR: DASHBOARD_DIST });
  const config = loadApiConfig(env);
  let app: INestApplication;
  let base: string;
  let tc: KafkaTestClient;
  let search: SearchClient;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureDashboardBuilt();
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    search = new SearchClient({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX });
    app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    // The indices as the responder creates them (keyword ticketId, dates), so the api's filters match.
    for (const def of responderIndexDefinitions(search.names)) search.register(def);
    await search.ensureIndices();
    await seedTicket(search, { id: TICKET, title: '鲜达外卖大面积配送延误 / FreshDash late deliveries', level: 'urgent', evidence: { signalIds: ['s1', 's2'], mentionIds: ['a'.repeat(32)], signalCount: 2, maxSize: 37 } });
    const t0 = Date.now() - 5 * 60_000;
    for (const [i, type, after] of [[1, 'opened', { state: 'open', level: 'urgent' }], [2, 'evidence_attached', { signalCount: 2 }]] as const) {
      await search.es.index({ index: search.names.ticketEvents, id: `${TICKET}:${i}`, document: { eventId: `${TICKET}:${i}`, ticketId: TICKET, seq: i, type, actor: 'responder', at: new Date(t0 + i * 60_000).toISOString(), after }, refresh: 'wait_for' });
    }
    await seedTicket(search, { id: 'CR-2026-000043', title: 'App crashes on login', level: 'important', state: 'acknowledged', acknowledgedAt: new Date().toISOString() });
    await seedMentions(search, [
      mentionFactory('xss', { text: `Refund refused ${XSS} again`, title: `FreshDash ${XSS}` }),
      mentionFactory('zh', { text: '鲜达外卖又送晚了两个小时，退款申请还被拒绝', channel: 'review' }, { language: 'zh', tokens: ['鲜达', '外卖', '退款', '拒绝'], categories: [{ id: 'delivery', confidence: 0.9 }], entities: { orderIds: [], money: [], places: [{ name: '上海', kind: 'city' }], products: [], piiKinds: [] } }),
      mentionFactory('pos', { text: 'FreshDash refund arrived quickly, thanks' }, { sentiment: { score: 0.6, label: 'positive', confidence: 0.8 }, tokens: ['freshdash', 'refund', 'thanks'] }),
    ]);
    await search.es.index({ index: search.names.sourceState, id: 'weibo', document: { sourceId: 'weibo', updatedAt: new Date().toISOString(), lastSuccessAt: new Date().toISOString(), errorCount: 0, itemsEmitted: 120, cursor: {} }, refresh: 'wait_for' });
    await search.es.index({ index: search.names.sourceState, id: 'appstore', document: { sourceId: 'appstore', updatedAt: new Date().toISOString(), lastErrorAt: new Date().toISOString(), lastError: 'HTTP 503 from itunes.apple.com', errorCount: 4, itemsEmitted: 0, cursor: {} }, refresh: 'wait_for' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
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
    await screenshot(page, '08-sources');
  });
});
