// Real parts: Kafka, Elasticsearch, the responder module and the api module (HTTP) on 127.0.0.1.
// Signals of two watches go through the responder, which opens their tickets; the api lists them
// filtered by watch (analytics.watchIds). The responder's clock is a ManualClock; nothing is mocked.
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { Alert, ticketKind, type PostFacts, type RiskCueKind, type Ticket } from '@vigil/contracts';
import { startApi, type ApiKit } from '../support/api-kit';
import { TestFeedServer } from '../support/feed-server';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { makeSignal, startResponder, writeTestPlan } from '../responder/responder-fixtures';

type List = { total: number; tickets: Ticket[] };

describe('api: GET /api/tickets?watch= and ?kind= filter the tickets', () => {
  const hooks = new TestFeedServer();
  const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let responder: INestApplicationContext;
  let api: ApiKit;
  let token: string;
  let alerts: { key: string | null; value: string }[];

  const list = async (query: string) => {
    const r = await api.get(`/api/tickets${query}`, token);
    return { status: r.status, body: r.body as unknown as List };
  };
  const keysOf = (l: List) => l.tickets.map((t) => t.incidentKey).sort();

  beforeAll(async () => {
    await hooks.start();
    // Notifications of the default plan go to this receiver and are accepted.
    for (const p of ['/hook/wecom', '/hook/wecom-service', '/hook/mail']) hooks.routes.set(p, (_req, res) => res.writeHead(200).end('{}'));
    env = testEnv({
      PLAN_FILE: writeTestPlan(hooks.url),
      WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${new URL(hooks.url).port}`,
      RESPONDER_TICK_MS: '0',
      PLAN_WATCH_MS: '0',
      VIGIL_ADMIN_PASSWORD: 'admin-password-1',
      API_JWT_SECRET: 'w'.repeat(40),
    });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    responder = await startResponder(env, clock);
    api = await startApi(env);
    token = await api.login('admin', 'admin-password-1');
    alerts = await tc.collect('alerts');
  });

  afterAll(async () => {
    await responder?.close();
    await tc?.close();
    await hooks.stop();
    // By name: Elasticsearch refuses a wildcard delete.
    await api?.search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await api?.close();
  });

  it('signals of two watches open tickets; ?watch=a returns only the tickets of a', async () => {
    const signals = [
      makeSignal({ key: 'cluster:a-refunds', watchId: 'brand-a' }),
      makeSignal({ key: 'cluster:b-refunds', watchId: 'brand-b' }),
      makeSignal({ key: 'cluster:a-delivery', watchId: 'brand-a' }),
    ];
    await tc.produce('signals', signals.map((s) => ({ key: s.key, value: JSON.stringify(s) })));
    const all = await pollUntil('three tickets listed', () => list(''), (r) => r.body.total === 3);
    expect(all.body.tickets.map((t) => t.analytics?.watchIds).flat().sort()).toEqual(['brand-a', 'brand-a', 'brand-b']);

    const a = await list('?watch=brand-a');
    expect(a.status).toBe(200);
    expect(a.body.total).toBe(2);
    expect(keysOf(a.body)).toEqual(['cluster:a-delivery', 'cluster:a-refunds']);
    expect(keysOf((await list('?watch=brand-b')).body)).toEqual(['cluster:b-refunds']);
    // A comma list or the parameter repeated: a ticket of any of them; with the other filters.
    expect((await list('?watch=brand-a,brand-b')).body.total).toBe(3);
    expect((await list('?watch=brand-b&watch=brand-a')).body.total).toBe(3);
    expect(keysOf((await list('?watch=brand-b&state=open')).body)).toEqual(['cluster:b-refunds']);
    expect((await list('?watch=brand-b&state=resolved')).body.total).toBe(0);
    // A watch without tickets is an empty list, not an error.
    expect((await list('?watch=brand-c')).body).toEqual({ total: 0, tickets: [] });
  });

  it('refuses a watch filter that is no watch id, saying which parameter', async () => {
    const r = await api.get('/api/tickets?watch=Brand%20A', token);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('watch');
    expect((await list(`?watch=${Array.from({ length: 51 }, (_, i) => `w${i}`).join(',')}`)).status).toBe(400);
  });

  it('the alerts of a ticket carry its watch ids', async () => {
    const b = (await list('?watch=brand-b')).body.tickets[0]!;
    const got = await pollUntil('the new_ticket alert of brand-b', async () => alerts.map((m) => Alert.parse(JSON.parse(m.value))).filter((x) => x.ticketId === b.id), (xs) => xs.some((x) => x.type === 'new_ticket'));
    expect(got.every((x) => x.watchIds?.join() === 'brand-b')).toBe(true);
  });

  // One complaint each: a manager asked for (a service trigger only) and the press (a crisis trigger).
  const single = (n: number, cue: RiskCueKind, text: string) => {
    const mentionId = String(n).repeat(32);
    const post: PostFacts = {
      mentionId, sourceId: 'intake-form', sourceType: 'intake', channel: 'form', publishedAt: clock.now().toISOString(),
      author: { id: `user-${n}`, name: '周先生' }, text, language: 'zh', sentiment: -0.8, emotion: { level: 'angry', intensity: 0.8 },
      orderIds: [], money: [], products: [], places: [], cues: [{ kind: cue, evidence: text, confidence: 0.95 }],
    };
    return makeSignal({ id: `risk_flag:mention:${mentionId}`, kind: 'risk_flag', key: `mention:${mentionId}`, clusterId: undefined, watchId: 'brand-a', riskCues: [cue], channels: ['form'], metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: 0 }, post });
  };

  it('?kind=service lists single complaints opened for service reasons only; ?kind=crisis the rest', async () => {
    const signals = [single(7, 'manager_request', '我要找你们经理，退款还没到'), single(8, 'media', '我已经联系了记者')];
    await tc.produce('signals', signals.map((s) => ({ key: s.key, value: JSON.stringify(s) })));
    await pollUntil('five tickets listed', () => list(''), (r) => r.body.total === 5);
    const service = await list('?kind=service');
    expect(service.status).toBe(200);
    expect(keysOf(service.body)).toEqual([signals[0]!.key]);
    const crisis = await list('?kind=crisis');
    expect(keysOf(crisis.body)).toEqual(['cluster:a-delivery', 'cluster:a-refunds', 'cluster:b-refunds', signals[1]!.key].sort());
    // The query and the eval's rule (ticketKind) agree on every ticket.
    for (const t of service.body.tickets) expect(ticketKind(t)).toBe('service');
    for (const t of crisis.body.tickets) expect(ticketKind(t)).toBe('crisis');
    expect(crisis.body.tickets.find((t) => t.incidentKey === signals[1]!.key)?.triggers).toContain('media-attention');
    // With the other filters; absent = both kinds.
    expect((await list('?kind=service&watch=brand-b')).body.total).toBe(0);
    expect((await list('?kind=crisis&watch=brand-b')).body.total).toBe(1);
    expect((await list('')).body.total).toBe(5);
  });

  it('refuses a kind that is neither crisis nor service, saying which parameter', async () => {
    for (const q of ['?kind=alarm', '?kind=', '?kind=crisis&kind=service']) {
      const r = await api.get(`/api/tickets${q}`, token);
      expect(r.status, q).toBe(400);
      expect(JSON.stringify(r.body), q).toContain('kind');
    }
  });
});
