// Real parts: Kafka, Elasticsearch, the responder module, plan files on disk, an HTTP
// receiver on 127.0.0.1. Nothing is mocked.
import fs from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { ResponderModule } from '../../apps/responder/src/responder.module';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';
import { PlanStore } from '../../apps/responder/src/plan/plan.store';
import { WebhookSender } from '../../apps/responder/src/notify/webhook-sender';
import { TestFeedServer } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';
import { startResponder, writeTestPlan } from './responder-fixtures';

describe('responder: the contingency plan file and outbound webhooks', () => {
  const hooks = new TestFeedServer();
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    await hooks.start();
  });
  afterAll(async () => {
    await app?.close();
    await hooks.stop();
  });

  it('refuses to start on a bad plan, naming file, line, column and field', () => {
    const file = writeTestPlan(hooks.url, (t) => t.replace('warnAtFraction: 0.8', 'warnAtFraction: 1.8').replace('notify: [cs_lead]\n  urgent', 'notify: [cs_boss]\n  urgent'));
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const warnLine = lines.findIndex((l) => l.includes('warnAtFraction: 1.8')) + 1;
    const env = testEnv({ PLAN_FILE: file });
    let message = '';
    try {
      ResponderModule.forRoot(loadResponderConfig(env));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('invalid contingency plan');
    expect(message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${warnLine}:\\d+ sla\\.warnAtFraction: `));
  });

  it('reloads a changed plan, and keeps the old one in force when the new version is invalid', async () => {
    const file = writeTestPlan(hooks.url);
    const env = testEnv({ PLAN_FILE: file, PLAN_WATCH_MS: '50', RESPONDER_TICK_MS: '0' });
    app = await startResponder(env, new ManualClock(new Date('2026-03-02T01:00:00Z')));
    const store = app.get(PlanStore);
    const original = fs.readFileSync(file, 'utf8');

    fs.writeFileSync(file, original.replace(/^name: .*$/m, 'name: 第二版 / second edition'));
    await pollUntil('the watcher to take the new plan', async () => store.plan.name, (n) => n === '第二版 / second edition', { timeoutMs: 10_000 });
    const version = store.version;

    // A broken edit (syntax error, then a schema error): refused, the second edition stays.
    fs.writeFileSync(file, original.replace(/^name: .*$/m, 'name: [unclosed'));
    expect(store.reload()).toBe(false);
    fs.writeFileSync(file, original.replace(/^name: .*$/m, 'name: third').replace('minLevel: important', 'minLevel: severe'));
    expect(store.reload()).toBe(false);
    expect(store.plan.name).toBe('第二版 / second edition');
    expect(store.plan.opening.minLevel).toBe('important');
    expect(store.version).toBe(version);

    // Fixed again: taken.
    fs.writeFileSync(file, original.replace(/^name: .*$/m, 'name: fourth'));
    await pollUntil('the fixed plan', async () => store.plan.name, (n) => n === 'fourth', { timeoutMs: 10_000 });
    await app.close();
    app = undefined;
  });

  it('refuses webhooks to private addresses unless allowed, and retries server errors with back-off', async () => {
    let calls = 0;
    hooks.routes.set('/flaky', (_req, res) => res.writeHead(++calls < 3 ? 500 : 204).end());
    const req = { webhookId: 'w', url: `${hooks.url}/flaky`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{}', dedupId: 'a:w' };

    const strict = new WebhookSender({ timeoutMs: 1_000, maxAttempts: 3, allowedHosts: new Set() });
    const refused = await strict.enqueue(req, { ticketId: 'CR-2026-000001' });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/refusing to fetch 127\.0\.0\.1.*WEBHOOK_ALLOW_HOSTS/) });
    expect(calls).toBe(0);

    const allowed = new WebhookSender({ timeoutMs: 1_000, maxAttempts: 3, allowedHosts: new Set(['127.0.0.1']) });
    expect(await allowed.enqueue(req, { ticketId: 'CR-2026-000001' })).toMatchObject({ ok: true, attempts: 3, status: 204 });

    hooks.routes.set('/hang', () => undefined); // never answers: the timeout ends each attempt
    const quick = new WebhookSender({ timeoutMs: 200, maxAttempts: 2, allowedHosts: new Set(['127.0.0.1']) });
    expect(await quick.enqueue({ ...req, url: `${hooks.url}/hang` }, { ticketId: 'CR-2026-000001' })).toMatchObject({ ok: false, attempts: 2 });
  });
});
