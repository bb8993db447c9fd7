// Real parts: Kafka, Elasticsearch, the responder module (two instances), the api module on
// 127.0.0.1, plan files on disk. Nothing is mocked; the clocks are the system's.
import fs from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanEdit, type PublishedPlan } from '@vigil/contracts';
import { planHash } from '@vigil/plan';
import { PlanStore } from '../../apps/responder/src/plan/plan.store';
import { ResponderModule } from '../../apps/responder/src/responder.module';
import { loadResponderConfig } from '../../apps/responder/src/responder.config';
import { startApi, type ApiKit } from '../support/api-kit';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { writeTestPlan } from './responder-fixtures';

type PlanAnswer = PublishedPlan & { plan: { name: string; opening: { minLevel: string } } };

describe('the plan the responder runs, published for the api; edits from the dashboard', () => {
  const file = writeTestPlan('http://127.0.0.1:9');
  const original = fs.readFileSync(file, 'utf8');
  const env = testEnv({ PLAN_FILE: file, PLAN_WATCH_MS: '100', RESPONDER_TICK_MS: '0', VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'y'.repeat(40) });
  const responders: INestApplicationContext[] = [];
  let api: ApiKit;
  let tc: KafkaTestClient;
  let admin: string;

  const startResponder = async () => {
    const app = await NestFactory.createApplicationContext(ResponderModule.forRoot(loadResponderConfig(env)), { logger: false });
    await app.init();
    responders.push(app);
    return app;
  };
  const stopResponder = async (app: INestApplicationContext) => {
    await app.close();
    responders.splice(responders.indexOf(app), 1);
  };
  const plan = async () => (await api.get('/api/plan', admin)) as { status: number; body: PlanAnswer & Record<string, unknown> };
  const put = async (body: unknown, token = admin) => {
    const r = await fetch(`${api.base}/api/plan`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & { errors?: { line: number; path: string; message: string }[] } };
  };
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  beforeAll(async () => {
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    await startResponder();
    api = await startApi(env);
    admin = await api.login('admin', 'admin-password-1');
  });

  afterAll(async () => {
    for (const app of [...responders]) await app.close();
    await api?.close();
    await tc?.close();
  });

  it('serves the plan the responder published at start, not a file of its own', async () => {
    const r = await plan();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 1, hash: planHash(original), file: 'plan.yaml', source: { kind: 'file', file: 'plan.yaml' }, text: original });
    expect(r.body.plan.opening.minLevel).toBe('important');
    expect(r.body).not.toHaveProperty('lastRefused');
  });

  it('answers with the old plan and the refusal after a bad edit of the file (it answered 500 before)', async () => {
    const store = responders[0].get(PlanStore);
    const bad = original.replace('minLevel: important', 'minLevel: severe');
    fs.writeFileSync(file, bad);
    expect(store.reload()).toBe(false);
    const r = await pollUntil('the refusal to be published', plan, (x) => x.body.lastRefused !== undefined);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 1, hash: planHash(original) });
    expect(r.body.plan.opening.minLevel).toBe('important');
    expect(r.body.lastRefused).toMatchObject({ source: { kind: 'file', file: 'plan.yaml' }, hash: planHash(bad) });
    expect(r.body.lastRefused!.errors).toContainEqual(expect.objectContaining({ file: 'plan.yaml', path: 'opening.minLevel', line: lineOf(bad, 'minLevel: severe') }));
    expect(store.plan.opening.minLevel).toBe('important');
    fs.writeFileSync(file, original);
    expect(store.reload()).toBe(false);
  });

  it('refuses a bad edit from the dashboard at once, with line and field, and sends nothing', async () => {
    const before = await plan();
    const bad = original.replace(/^name: .*$/m, 'name: edited').replace('frontlineMoneyLimit: 500', 'frontlineMoneyLimit: lots');
    const r = await put({ text: bad, baseHash: before.body.hash });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(expect.objectContaining({ path: 'authority.frontlineMoneyLimit', line: lineOf(bad, 'frontlineMoneyLimit: lots') }));
    expect((await put({ text: original.replace(/^name: .*$/m, 'name: edited'), baseHash: '0'.repeat(64) })).status).toBe(409);
    expect((await put({ text: original, baseHash: before.body.hash })).body).toEqual({ status: 'unchanged' });
    expect((await put({ text: original, baseHash: before.body.hash }, 'not-a-token')).status).toBe(401);
    const created = await fetch(`${api.base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ username: 'rita', role: 'responder', password: 'responder-pass-1' }) });
    expect(created.status).toBe(201);
    const rita = await api.login('rita', 'responder-pass-1');
    expect((await api.get('/api/plan', rita)).status).toBe(200);
    expect((await put({ text: original, baseHash: before.body.hash }, rita)).status).toBe(403);
    expect((await plan()).body).toMatchObject({ version: before.body.version, hash: before.body.hash });
    expect(responders[0].get(PlanStore).plan.name).toBe(before.body.name);
  });

  it('takes a valid edit into force through the responder, audited with who and when; a second instance follows', async () => {
    const second = await startResponder();
    const before = await plan();
    const edited = original.replace(/^name: .*$/m, 'name: 第二版 / edited in the dashboard');
    const r = await put({ text: edited, baseHash: before.body.hash });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: 'sent', requestId: expect.any(String) });
    const after = await pollUntil('the edit to be published', plan, (x) => x.body.source?.requestId === r.body.requestId);
    expect(after.body).toMatchObject({ version: before.body.version + 1, hash: planHash(edited), name: '第二版 / edited in the dashboard', source: { kind: 'dashboard', actor: 'admin' }, text: edited });
    for (const app of responders) await pollUntil('each responder to run the edit', async () => app.get(PlanStore).plan.name, (n) => n === '第二版 / edited in the dashboard', { timeoutMs: 10_000 });
    const versions = await pollUntil('the audit trail', async () => (await api.get('/api/plan/versions', admin)).body.versions as Record<string, unknown>[], (v) => v.some((x) => x.version === after.body.version));
    expect(versions.find((x) => x.version === after.body.version)).toMatchObject({ outcome: 'accepted', source: { kind: 'dashboard', actor: 'admin', requestId: r.body.requestId } });
    expect(versions.some((x) => x.outcome === 'refused' && (x.source as { kind: string }).kind === 'file')).toBe(true);
    await stopResponder(second);
  });

  it('the responder decides: an edit that reaches it invalid or started from an old version is refused, and the plan in force stays', async () => {
    const before = await plan();
    const store = responders[0].get(PlanStore);
    const send = (edit: PlanEdit) => tc.produce('planEdits', [{ key: 'plan', value: JSON.stringify(edit) }]);
    const at = new Date().toISOString();
    await send({ requestId: 'edit-invalid-1', actor: 'mallory', at, text: 'name: [unclosed', baseHash: before.body.hash });
    const refused = await pollUntil('the invalid edit to be refused', plan, (x) => x.body.lastRefused?.source.requestId === 'edit-invalid-1');
    expect(refused.body.lastRefused).toMatchObject({ source: { kind: 'dashboard', actor: 'mallory' }, errors: [expect.objectContaining({ message: expect.stringMatching(/^YAML syntax/) })] });
    await send({ requestId: 'edit-stale-1', actor: 'mallory', at, text: original.replace(/^name: .*$/m, 'name: stale'), baseHash: planHash(original) });
    const stale = await pollUntil('the stale edit to be refused', plan, (x) => x.body.lastRefused?.source.requestId === 'edit-stale-1');
    expect(stale.body.lastRefused!.errors[0].message).toMatch(/the plan changed while this edit was made/);
    expect(stale.body).toMatchObject({ version: before.body.version, hash: before.body.hash });
    expect(store.plan.name).toBe(before.body.name);
  });

  it('keeps an edit made in the dashboard across a restart; a file changed while it was down wins', async () => {
    const edited = (await plan()).body;
    await stopResponder(responders[0]);
    await startResponder();
    expect(responders[0].get(PlanStore).plan.name).toBe(edited.name);
    expect((await plan()).body).toMatchObject({ version: edited.version, hash: edited.hash });

    await stopResponder(responders[0]);
    const changed = original.replace(/^name: .*$/m, 'name: from the file');
    fs.writeFileSync(file, changed);
    await startResponder();
    expect(responders[0].get(PlanStore).plan.name).toBe('from the file');
    expect((await plan()).body).toMatchObject({ version: edited.version + 1, hash: planHash(changed), source: { kind: 'file' } });
  });
});
