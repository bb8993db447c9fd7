// Real parts: Kafka, Elasticsearch, the responder and the api (HTTP + socket.io serving the built
// dashboard) against them, and Chromium driven by playwright-core with two people signed in at once.
// A single complaint's signal is produced on Kafka as the detector would send it; nothing is mocked.
// The knowledge base holds the demo's seeds (demo/knowledge.yaml), loaded as `npm start` loads them.
import type { AddressInfo } from 'node:net';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyRing, ManualClock, normaliseContact } from '@vigil/common';
import { complaintReference, type Signal } from '@vigil/contracts';
import { ConfigHistoryReader, SearchClient } from '@vigil/search';
import { KnowledgeRepository } from '../../apps/api/src/knowledge/knowledge.repository';
import { loadKnowledgeFile, seedKnowledge } from '../../apps/api/src/knowledge/knowledge-file';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { TicketsRepository } from '../../apps/responder/src/tickets/tickets.repository';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { makeSignal, startResponder, writeTestPlan } from '../responder/responder-fixtures';

const MENTION = 'd'.repeat(32);

describe('a complaint handled from two dashboards at once', () => {
  const keys = DataKeyRing.generateEntry('k1');
  const ring = DataKeyRing.parse(keys);
  const env = testEnv({
    VIGIL_ADMIN_PASSWORD: 'case-admin-pw',
    API_JWT_SECRET: 'c'.repeat(40),
    API_DASHBOARD_DIR: DASHBOARD_DIST,
    VIGIL_DATA_KEYS: keys,
    PLAN_FILE: writeTestPlan('http://127.0.0.1:9'),
    WEBHOOKS_ENABLED: 'false',
    RESPONDER_TICK_MS: '0',
    PLAN_WATCH_MS: '0',
  });
  let responder: INestApplicationContext;
  let app: INestApplication;
  let base: string;
  let tc: KafkaTestClient;
  let browser: Browser;
  let agent: Page;
  let lead: Page;
  let ticketId: string;
  let adminToken: string;

  const signIn = async (page: Page, user: string) => {
    await page.goto(`${base}/#/login`);
    await page.fill('input[name=username]', user);
    await page.fill('input[name=password]', `${user}-password-1`);
    await page.click('[data-test=login-submit]');
    await page.waitForURL(/#\/live/);
  };
  const timeline = (page: Page) => page.locator('.timeline strong').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  const act = async (page: Page, kind: string, fill: Record<string, string> = {}) => {
    await page.selectOption('[data-test=action-kind]', kind);
    for (const [sel, value] of Object.entries(fill)) {
      const el = page.locator(`[data-test=${sel}]`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
      else await el.fill(value);
    }
    await page.click('[data-test=action-submit]');
  };

  beforeAll(async () => {
    ensureDashboardBuilt();
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    responder = await startResponder(env, new ManualClock(new Date()));
    app = await NestFactory.create(ApiModule.forRoot(loadApiConfig(env)), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'case-admin-pw' }) });
    const admin = ((await login.json()) as { token: string }).token;
    adminToken = admin;
    const kbSearch = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await seedKnowledge(new KnowledgeRepository(kbSearch, new ConfigHistoryReader(kbSearch)), loadKnowledgeFile(`${__dirname}/../../demo/knowledge.yaml`, 500), 'seed:test', new Date().toISOString());
    await kbSearch.onApplicationShutdown();
    // The test plan names `agent` (front line) and `lead` (CS lead) as role members.
    for (const u of ['agent', 'lead']) {
      const r = await fetch(`${base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ username: u, role: 'responder', password: `${u}-password-1` }) });
      expect(r.status).toBe(201);
    }
    // A pushed complaint, as the detector hands it on: its post and the contact the collector sealed.
    const contact = { box: ring.seal({ name: '孙女士', phone: '13800138000' }, `contact:${MENTION}`), fields: ['name', 'phone'] as ('name' | 'phone')[], matchKeys: [ring.match('phone', normaliseContact('phone', '13800138000'))] };
    const signal: Signal = makeSignal({
      id: `risk_flag:mention:${MENTION}`,
      kind: 'risk_flag',
      key: `mention:${MENTION}`,
      clusterId: undefined,
      label: '我要找你们经理，退款800元',
      riskCues: ['manager_request'],
      channels: ['form'],
      categories: ['billing_refund'],
      metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: 0, maxMoney: 800 },
      sampleMentionIds: [MENTION],
      post: {
        mentionId: MENTION, sourceId: 'intake-form', sourceType: 'intake', channel: 'form', publishedAt: new Date().toISOString(), author: { name: '孙**' },
        text: '我要找你们经理，退款800元，订单号 2026112300123', language: 'zh', sentiment: -0.8, emotion: { level: 'angry', intensity: 0.8 },
        orderIds: ['2026112300123'], money: [{ amount: 800, currency: 'CNY' }], products: [], places: [], cues: [{ kind: 'manager_request', evidence: '找你们经理' }], contact,
      },
    });
    await tc.produce('signals', [{ key: signal.key, value: JSON.stringify(signal) }]);
    const repo = responder.get(TicketsRepository);
    const t = await pollUntil('the complaint ticket', async () => (await repo.refresh(), (await repo.listOpen()).find((x) => x.complaint?.mentionId === MENTION)), (x) => x !== undefined);
    ticketId = t!.id;
    browser = await launchChromium();
    agent = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    lead = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await signIn(agent, 'agent');
    await signIn(lead, 'lead');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await responder?.close();
    await tc?.close();
    const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await search.onApplicationShutdown();
  });

  it('shows the complaint record, opens the contact for an allowed role, and runs remedy → approval → agreement → resolve live on both pages', async () => {
    // Each page gets the last events live, one after the other: wait for both.
    for (const page of [agent, lead]) {
      await page.goto(`${base}/#/tickets/${ticketId}`);
      await page.waitForSelector('[data-test=complaint-record]');
    }
    expect(await agent.textContent('[data-test=reference]')).toBe(complaintReference(MENTION));
    expect(await agent.textContent('[data-test=description]')).toContain('退款800元');
    expect(await agent.isChecked('[data-test=demands] input[value=refund]')).toBe(true);
    await agent.click('[data-test=show-contact]');
    await agent.waitForSelector('[data-test=contact]:has-text("13800138000")');

    // A form that is not complete is not sent, and says what is missing.
    await agent.click('[data-test=ack]');
    await agent.waitForSelector('[data-test=action-kind] option[value=resolve]', { state: 'attached' });
    await act(agent, 'resolve');
    expect(await agent.textContent('[data-test=form-errors]')).toContain('请填写根因');

    // The remedy comes from the knowledge base: the entries for this category and level, filled in
    // with the record (the masked name and the order, never the contact the agent just opened).
    await agent.waitForSelector('[data-test=kb-pick-remedy-refund-large]');
    expect(await agent.locator('[data-test=kb-picker] [data-test^=kb-pick-]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))).toEqual(
      expect.arrayContaining(['kb-pick-remedy-refund-large', 'kb-pick-remedy-refund-small', 'kb-pick-reply-first-contact']),
    );
    expect(await agent.locator('[data-test^=kb-pick-remedy-reship]').count()).toBe(0);
    await agent.click('[data-test=kb-pick-remedy-refund-large]');
    const draft = await agent.inputValue('[data-test=kb-text]');
    expect(draft).toContain('订单2026112300123');
    expect(draft).toContain('800 CNY');
    expect(draft).not.toContain('13800138000');
    await agent.fill('[data-test=kb-text]', `${draft}（已与客户电话确认）`);
    await screenshot(agent, 'ticket-knowledge-picker');
    await agent.click('[data-test=kb-use]');
    // A promised feedback time set on its own ("we call you back within two hours"): both pages show its countdown.
    await agent.click('[data-test=promise-2h]');
    await lead.waitForSelector('[data-test=promise-left]');
    expect(await lead.textContent('[data-test=promise]')).toContain('agent');
    // The lead's page, without a reload, shows the proposal waiting for them, and approves it.
    await lead.waitForSelector('[data-test=approve-r1]');
    expect(await timeline(lead)).toContain('remedy_proposed');
    await lead.click('[data-test=approve-r1]');
    await agent.waitForSelector('[data-test=agree-r1]');
    expect(await agent.textContent('[data-test=remedy-status-r1]')).toBe('已批准');
    await agent.click('[data-test=agree-r1]');
    await lead.waitForSelector('[data-test=remedy-status-r1]:has-text("客户同意")');
    // The customer's answer came within the promised time: the promise is kept.
    await agent.waitForSelector('[data-test=promise]:has-text("已兑现")');
    await act(agent, 'resolve', { 'f-root-cause': 'system', 'f-note': '退款接口超时，已人工退款' });
    await lead.waitForSelector('[data-test=resolution]');
    // Each page gets the last events live, one after the other: wait for both.
    for (const page of [agent, lead]) {
      await expect.poll(() => timeline(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['acknowledged', 'remedy_proposed', 'remedy_decided', 'agreement_recorded', 'resolved']));
    }
    // The remedy records the entry it came from, and the entry's use is counted once.
    expect(await agent.locator('text=（已与客户电话确认）').count()).toBeGreaterThan(0);
    // Usage is counted from the stored ticket events by a search, which sees them after Elasticsearch's
    // refresh (up to a second, more on a busy server); the pages got the same events live from Kafka
    // before that (failed once in fresh-clone CI, 2026-12-07: read 0 right after the timeline showed them).
    const usage = async () => {
      const kb = await fetch(`${base}/api/knowledge?category=billing_refund`, { headers: { authorization: `Bearer ${adminToken}` } }).then((r) => r.json() as Promise<{ entries: { entry: { id: string }; usage: number }[] }>);
      return Object.fromEntries(['remedy-refund-large', 'remedy-refund-small'].map((id) => [id, kb.entries.find((e) => e.entry.id === id)?.usage]));
    };
    await expect.poll(usage, { timeout: 15_000 }).toEqual({ 'remedy-refund-large': 1, 'remedy-refund-small': 0 });
    await screenshot(agent, 'ticket-complaint-agent');
    await screenshot(lead, 'ticket-complaint-lead');
  });

  it('回访归档: the follow-up waits in the agent\'s queue, is recorded with a CSAT, and the case closes with its review', async () => {
    // Resolving scheduled the follow-up for the agent (the resolver; nobody else was assigned).
    await agent.waitForSelector('[data-test=follow-up]:has-text("待回访")');
    await agent.click('nav a[href="#/follow-ups"]');
    await agent.waitForSelector(`[data-test=fu-queue] tr[data-ticket="${ticketId}"]`);
    await screenshot(agent, 'follow-up-queue');
    await agent.click(`[data-test=fu-queue] tr[data-ticket="${ticketId}"] a`);
    await agent.waitForSelector('[data-test=follow-up-form]');
    // Reached but no score: refused in the form, nothing sent.
    await agent.selectOption('[data-test=fu-outcome]', 'reached');
    await agent.click('[data-test=fu-submit]');
    expect(await agent.textContent('[data-test=fu-error]')).toContain('满意度');
    await agent.selectOption('[data-test=fu-score]', '4');
    await agent.fill('[data-test=fu-comment]', '退款已到账，满意');
    await agent.click('[data-test=fu-submit]');
    await lead.waitForSelector('[data-test=follow-up]:has-text("已回访")');
    expect(await lead.textContent('[data-test=follow-up]')).toContain('CSAT 4/5');
    expect(await agent.isChecked('.checklist li:nth-child(5) input')).toBe(true);
    await act(agent, 'close_with_review', { 'f-review-root': '退款接口超时', 'f-category': 'refund', 'f-actions-taken': '人工退款\n回访确认到账' });
    await lead.waitForSelector('.state:has-text("已关闭")');
    // Each page gets the last events live, one after the other: wait for both.
    for (const page of [agent, lead]) {
      await expect.poll(() => timeline(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['promise_set', 'promise_kept', 'follow_up_scheduled', 'follow_up_recorded', 'closed']));
    }
    await screenshot(agent, 'ticket-follow-up-closed');
  });

  it('an admin manages the knowledge base: an unknown placeholder is shown on its field, a fixed entry is saved, then retired', async () => {
    const admin = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    await admin.goto(`${base}/#/login`);
    await admin.fill('input[name=username]', 'admin');
    await admin.fill('input[name=password]', 'case-admin-pw');
    await admin.click('[data-test=login-submit]');
    await admin.waitForURL(/#\/live/);
    await admin.goto(`${base}/#/knowledge`);
    await admin.waitForSelector('[data-test=kb-row-remedy-refund-large]');
    await admin.click('[data-test=kb-add]');
    await admin.fill('[data-test=kb-f-id]', 'reply-callback');
    await admin.fill('[data-test=kb-f-title-zh]', '回电告知');
    await admin.fill('[data-test=kb-f-title-en]', 'Call back');
    await admin.fill('[data-test=kb-f-text-zh]', '{customer}您好，我们将在{promisedAt}前致电{phone}。');
    await admin.fill('[data-test=kb-f-text-en]', 'Dear {customer}, we will call you by {promisedAt}.');
    await admin.click('[data-test=kb-save]');
    await admin.waitForSelector('[data-test=kb-err-text-zh]:has-text("unknown placeholder {phone}")');
    expect(await admin.locator('[data-test=kb-row-reply-callback]').count()).toBe(0);
    await admin.fill('[data-test=kb-f-text-zh]', '{customer}您好，我们将在{promisedAt}前给您回电。');
    await admin.click('[data-test=kb-save]');
    await admin.waitForSelector('[data-test=kb-row-reply-callback]');
    await screenshot(admin, 'knowledge-page');
    admin.on('dialog', (d) => void d.accept());
    await admin.click('[data-test=kb-retire-reply-callback]');
    await admin.waitForSelector('[data-test=kb-row-reply-callback]', { state: 'detached' });
    await admin.close();
  });
});
