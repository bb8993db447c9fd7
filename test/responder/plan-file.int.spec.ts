// Real parts: Kafka, Elasticsearch, the responder module, plan files on disk, an HTTP
// receiver on 127.0.0.1. Nothing is mocked.
import fs from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, parseAllowList } from '@vigil/common';
import { ResponderModule } from '../../apps/responder/src/responder.module';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';
import { PlanStore } from '../../apps/responder/src/plan/plan.store';
import { HttpNotifyClient } from '../../apps/responder/src/notify/http-notify.client';
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

  it('refuses webhooks to private addresses unless allowed, reads the chat platform\'s verdict, and ends a hanging attempt', async () => {
    let calls = 0;
    hooks.routes.set('/flaky', (_req, res) => res.writeHead(++calls < 2 ? 500 : 204).end());
    hooks.routes.set('/wecom-limited', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":45009,"errmsg":"api freq out of limit"}'));
    hooks.routes.set('/gone', (_req, res) => res.writeHead(404).end());
    const msg = { kind: 'http' as const, url: `${hooks.url}/flaky`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{}', idempotencyKey: 'a:w', format: 'webhook' as const };

    const strict = new HttpNotifyClient({ timeoutMs: 1_000, maxAttempts: 3, allowedHosts: parseAllowList('') });
    expect(await strict.send('n1', msg)).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(/refusing to connect to 127\.0\.0\.1:\d+.*WEBHOOK_ALLOW_HOSTS/) });
    expect(calls).toBe(0);

    const allowed = new HttpNotifyClient({ timeoutMs: 1_000, maxAttempts: 3, allowedHosts: parseAllowList(`127.0.0.1:${new URL(hooks.url).port}`) });
    expect(await allowed.send('n1', msg)).toMatchObject({ ok: false, code: 500, retryable: true });
    expect(await allowed.send('n1', msg)).toMatchObject({ ok: true, code: 204 });
    // WeCom says 200 with an error code in the body: not delivered, worth another try.
    expect(await allowed.send('n2', { ...msg, url: `${hooks.url}/wecom-limited`, format: 'wecom' })).toMatchObject({ ok: false, code: 200, retryable: true, error: 'wecom error 45009: api freq out of limit' });
    expect(await allowed.send('n3', { ...msg, url: `${hooks.url}/gone` })).toMatchObject({ ok: false, code: 404, retryable: false });

    hooks.routes.set('/hang', () => undefined); // never answers: the timeout ends the attempt
    const quick = new HttpNotifyClient({ timeoutMs: 200, maxAttempts: 2, allowedHosts: parseAllowList(`127.0.0.1:${new URL(hooks.url).port}`) });
    expect(await quick.send('n4', { ...msg, url: `${hooks.url}/hang` })).toMatchObject({ ok: false, retryable: true });
  });
});
