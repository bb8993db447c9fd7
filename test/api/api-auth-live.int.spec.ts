// Real parts: Kafka, Elasticsearch, the api module (HTTP + socket.io) on 127.0.0.1.
// Nothing is mocked; tickets are seeded in Elasticsearch as the responder would write them.
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketAction, type Alert, type LiveDelta, type LiveSnapshot } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { ApiModule } from '../../apps/api/src/api.module';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { configureHttpApp } from '../../apps/api/src/http-app';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { seedTicket } from '../support/ticket-factory';
import { seedPlan } from '../support/plan-factory';
import { runUsersAdd } from '../../apps/cli/src/users/users-add.command';

describe('api: auth, roles, tickets and live push', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'x'.repeat(40) });
  const config = loadApiConfig(env);
  let app: INestApplication;
  let base: string;
  let tc: KafkaTestClient;
  let search: SearchClient;
  const sockets: Socket[] = [];

  const req = async (method: string, path: string, opts: { token?: string; key?: string; body?: unknown } = {}) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.key ? { 'x-api-key': opts.key } : {}) },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await r.text();
    return { status: r.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  };
  const login = async (username: string, password: string) => (await req('POST', '/api/auth/login', { body: { username, password } })).body.token as string;

  beforeAll(async () => {
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    search = new SearchClient({ node: config.ELASTICSEARCH_URL, indexPrefix: config.VIGIL_INDEX_PREFIX });
    app = await NestFactory.create(ApiModule.forRoot(config), { logger: false });
    configureHttpApp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    // The api serves the plan a responder published; none runs here.
    await seedPlan(search);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await app?.close();
    await tc?.close();
    await search?.onApplicationShutdown();
  });

  it('refuses the unauthenticated with 401 and keeps health, docs and login public', async () => {
    for (const p of ['/api/mentions/search', '/api/tickets', '/api/clusters', '/api/sources', '/api/plan', '/api/users', '/api/auth/me']) {
      expect((await req('GET', p)).status, p).toBe(401);
    }
    expect((await req('GET', '/api/tickets', { token: 'not-a-jwt' })).status).toBe(401);
    expect((await req('GET', '/health')).status).toBe(200);
    expect((await req('GET', '/api/docs')).status).toBe(200);
    expect((await req('POST', '/api/auth/login', { body: { username: 'admin', password: 'wrong' } })).status).toBe(401);
    expect((await req('POST', '/api/auth/login', { body: { username: 'admin' } })).status).toBe(400);
  });

  it('lets the bootstrapped admin add users and keys; roles below a route get 403', async () => {
    const admin = await login('admin', 'admin-password-1');
    expect((await req('GET', '/api/auth/me', { token: admin })).body).toMatchObject({ name: 'admin', role: 'admin' });
    expect((await req('POST', '/api/users', { token: admin, body: { username: 'vera', role: 'viewer', password: 'viewer-pass-1' } })).status).toBe(201);
    expect((await req('POST', '/api/users', { token: admin, body: { username: 'vera', role: 'viewer', password: 'viewer-pass-1' } })).status).toBe(409);
    const viewer = await login('vera', 'viewer-pass-1');
    expect((await req('GET', '/api/tickets', { token: viewer })).body).toEqual({ total: 0, tickets: [] });
    expect((await req('GET', '/api/clusters', { token: viewer })).body).toEqual({ total: 0, clusters: [] });
    expect((await req('GET', '/api/mentions/search', { token: viewer })).status).toBe(403);
    expect((await req('GET', '/api/users', { token: viewer })).status).toBe(403);
    const key = (await req('POST', '/api/api-keys', { token: admin, body: { name: 'etl', role: 'analyst' } })).body.key as string;
    expect(key).toMatch(/^vgk_/);
    const s = await req('GET', '/api/mentions/search?q=refund&interval=hour', { key });
    expect(s.status).toBe(200);
    expect(s.body.aggregations).toMatchObject({ timeline: [], perChannel: [], topTerms: [], topPlaces: [], perCategory: [] });
    expect((await req('GET', '/api/mentions/search?interval=week', { key })).status).toBe(400);
    expect((await req('GET', '/api/tickets', { key: 'vgk_nope' })).status).toBe(401);
    const csv = await req('GET', '/api/mentions/export.csv', { key });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('id,publishedAt,sourceId');
    const plan = await req('GET', '/api/plan', { token: admin });
    expect(plan.status).toBe(200);
    expect(plan.body.plan.levels.urgent.nameZh).toBe('紧急');
  });

  it('adds a user from the CLI (`vigil users add`) who can then sign in', async () => {
    const out: string[] = [];
    expect(await runUsersAdd('ops', { role: 'responder' }, (l) => out.push(l), env)).toBe(0);
    const password = out.join('').match(/password \(shown once\): (\S+)/)?.[1];
    expect(password).toBeTruthy();
    const token = await login('ops', password!);
    expect((await req('GET', '/api/auth/me', { token })).body).toMatchObject({ name: 'ops', role: 'responder' });
    expect(await runUsersAdd('ops', { role: 'responder' }, (l) => out.push(l), env)).toBe(1);
    expect(await runUsersAdd('ops2', { role: 'boss' }, (l) => out.push(l), env)).toBe(2);
  });

  it('sends a responder’s action to ticket.actions and answers 202 with the requestId', async () => {
    const admin = await login('admin', 'admin-password-1');
    await seedTicket(search, { id: 'CR-2026-000007', title: 'late deliveries' });
    const got = await tc.collect('ticketActions');
    const list = await req('GET', '/api/tickets?state=open&level=urgent', { token: admin });
    expect(list.body.tickets.map((t: { id: string }) => t.id)).toEqual(['CR-2026-000007']);
    expect((await req('GET', '/api/tickets?state=bogus', { token: admin })).status).toBe(400);
    expect((await req('GET', '/api/tickets/CR-2026-000007', { token: admin })).body).toMatchObject({ ticket: { id: 'CR-2026-000007' }, events: [] });
    expect((await req('GET', '/api/tickets/CR-2026-999999', { token: admin })).status).toBe(404);
    const r = await req('POST', '/api/tickets/CR-2026-000007/actions', { token: admin, body: { type: 'acknowledge' } });
    expect(r.status).toBe(202);
    const msgs = await pollUntil('the action on ticket.actions', async () => got, (g) => g.length >= 1);
    expect(msgs[0].key).toBe('CR-2026-000007');
    expect(TicketAction.parse(JSON.parse(msgs[0].value))).toMatchObject({ type: 'acknowledge', ticketId: 'CR-2026-000007', actor: 'admin', requestId: r.body.requestId });
    expect((await req('POST', '/api/tickets/CR-2026-000007/actions', { token: admin, body: { type: 'fly' } })).status).toBe(400);
    // A ticket's outcome (#14) outside the three is refused, naming the field and the three values.
    const bad = await req('POST', '/api/tickets/CR-2026-000007/actions', { token: admin, body: { type: 'resolve', rootCause: 'system', note: '已处理', outcome: 'storm' } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([{ field: 'outcome', message: expect.stringMatching(/incident.*false_alarm.*other/) }]);
    const viewer = await login('vera', 'viewer-pass-1');
    expect((await req('POST', '/api/tickets/CR-2026-000007/actions', { token: viewer, body: { type: 'acknowledge' } })).status).toBe(403);
  });

  it('pushes a snapshot, then alerts as numbered deltas, only to signed-in sockets', async () => {
    const refused = io(base, { path: '/socket.io', transports: ['websocket'], reconnection: false });
    sockets.push(refused);
    const err = await new Promise<Error>((resolve) => refused.on('connect_error', resolve));
    expect(err.message).toBe('unauthenticated');

    const token = await login('vera', 'viewer-pass-1');
    const s = io(base, { path: '/socket.io', transports: ['websocket'], auth: { token } });
    sockets.push(s);
    const snapshots: LiveSnapshot[] = [];
    const deltas: LiveDelta[] = [];
    s.on('live:snapshot', (x) => snapshots.push(x));
    s.on('live:delta', (d) => deltas.push(d));
    s.on('connect', () => s.emit('live:subscribe'));
    const [snap] = await pollUntil('a snapshot', async () => snapshots, (x) => x.length === 1);
    expect(snap.alerts).toEqual([]);
    const alert: Alert = { alertId: 'CR-2026-000007:new_ticket', type: 'new_ticket', ticketId: 'CR-2026-000007', level: 'urgent', title: 'late deliveries', at: new Date().toISOString(), notify: [] };
    // The api reads from "latest" with a fresh group: resend until its consumer has joined (duplicates are dropped by alertId).
    await pollUntil(
      'the alert as a delta',
      async () => {
        await tc.produce('alerts', [{ key: alert.ticketId, value: JSON.stringify(alert) }]);
        return deltas.filter((d) => d.type === 'alert');
      },
      (a) => a.length >= 1,
      { intervalMs: 1000 },
    );
    const alertDeltas = deltas.filter((d) => d.type === 'alert');
    expect(alertDeltas).toHaveLength(1);
    expect(alertDeltas[0]).toMatchObject({ seq: expect.any(Number), instanceId: snap.instanceId, alert: { alertId: alert.alertId } });
    const seqs = deltas.map((d) => d.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(snap.seq + 1);
  });
});
