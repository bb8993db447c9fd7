// Real parts: Kafka, Elasticsearch, the responder (with a plan file on disk), the api serving
// the built dashboard, and Chromium driven by playwright-core. Nothing is seeded: the plan on
// the page is the one the responder published, and an edit travels api → plan.edits → responder.
import fs from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planHash } from '@vigil/plan';
import { PlanStore } from '../../apps/responder/src/plan/plan.store';
import { ResponderModule } from '../../apps/responder/src/responder.module';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';
import { startApi, type ApiKit } from '../support/api-kit';
import { DASHBOARD_DIST, ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { pollUntil, testEnv } from '../support/test-env';
import { writeTestPlan } from '../responder/responder-fixtures';

describe('the plan in the dashboard (real browser)', () => {
  const file = writeTestPlan('http://127.0.0.1:9');
  const original = fs.readFileSync(file, 'utf8');
  const env = testEnv({ PLAN_FILE: file, PLAN_WATCH_MS: '200', RESPONDER_TICK_MS: '0', VIGIL_ADMIN_PASSWORD: 'plan-admin-pw', API_JWT_SECRET: 'p'.repeat(40), API_DASHBOARD_DIR: DASHBOARD_DIST });
  let responder: INestApplicationContext;
  let api: ApiKit;
  let browser: Browser;
  let page: Page;
  let token: string;

  const published = async () => (await api.get('/api/plan', token)).body as { version: number; hash: string; name: string };
  const store = () => responder.get(PlanStore);

  beforeAll(async () => {
    ensureDashboardBuilt();
    responder = await NestFactory.createApplicationContext(ResponderModule.forRoot(loadResponderConfig(env)), { logger: false });
    await responder.init();
    api = await startApi(env);
    token = await api.login('admin', 'plan-admin-pw');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await responder?.close();
  });

  it('shows the plan the responder published', async () => {
    await page.goto(`${api.base}/#/plan`);
    await page.waitForSelector('input[name=username]');
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'plan-admin-pw');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=plan-name]');
    expect(await page.textContent('[data-test=plan-name]')).toBe(store().plan.name);
    expect(await page.textContent('[data-test=plan-header]')).toContain('version 1');
    expect(await page.textContent('[data-test=plan-levels]')).toContain('Acknowledge within');
    await screenshot(page, 'plan-summary');
  });

  it('refuses an edit with an error, naming its line and field, and the responder keeps the old plan', async () => {
    const before = await published();
    await page.click('[data-test=plan-edit]');
    const bad = original.replace('minLevel: important', 'minLevel: severe');
    const line = bad.split('\n').findIndex((l) => l.includes('minLevel: severe')) + 1;
    await page.fill('[data-test=plan-text]', bad);
    await page.click('[data-test=plan-save]');
    await page.waitForSelector('[data-test=plan-issues]');
    const issues = await page.textContent('[data-test=plan-issues]');
    expect(issues).toContain(`line ${line},`);
    expect(issues).toContain('opening.minLevel');
    expect(await page.textContent('[data-test=plan-edit-state]')).toContain('Refused');
    // Clicking the error selects the offending line in the editor.
    await page.click('[data-test=plan-issues] button');
    type TextArea = { value: string; selectionStart: number; selectionEnd: number };
    expect(await page.$eval('[data-test=plan-text]', (el) => {
      const t = el as unknown as TextArea;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    })).toContain('severe');
    await screenshot(page, 'plan-edit-refused');
    expect(store().plan.opening.minLevel).toBe('important');
    expect(store().current.hash).toBe(planHash(original));
    expect(await published()).toMatchObject({ version: before.version, hash: before.hash });
  });

  it('takes a valid edit into force through the responder, and shows who made it', async () => {
    const edited = original.replace(/^name: .*$/m, 'name: 第二版 / edited in the browser');
    await page.fill('[data-test=plan-text]', edited);
    await page.click('[data-test=plan-save]');
    await page.waitForSelector('[data-test=plan-accepted]', { timeout: 30_000 });
    expect(await page.textContent('[data-test=plan-name]')).toBe('第二版 / edited in the browser');
    expect(await page.textContent('[data-test=plan-header]')).toContain('edited by admin in the dashboard');
    await pollUntil('the responder to run the edit', async () => store().plan.name, (n) => n === '第二版 / edited in the browser', { timeoutMs: 10_000 });
    expect((await published()).version).toBe(2);
    // The audit trail is searched: an entry shows once Elasticsearch has refreshed (about a second).
    await pollUntil('the edit in the history', async () => {
      await page.click('[data-test=plan-tab-history]');
      await page.waitForSelector('[data-test=plan-versions]');
      return (await page.textContent('[data-test=plan-versions]')) ?? '';
    }, (t) => t.includes('admin (dashboard)'), { timeoutMs: 10_000 });
    await screenshot(page, 'plan-history');
  });
});
