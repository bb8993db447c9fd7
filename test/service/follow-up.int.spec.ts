// Real parts: Kafka, Elasticsearch, the responder module (stopped and started again as a crash would),
// the api module on 127.0.0.1. The responder's clock is a ManualClock; nothing else is mocked.
import fs from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { Alert, TicketEvent, type PostFacts, type Signal, type Ticket } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { SlaTicker } from '../../apps/responder/src/clock/sla-ticker.service';
import { TicketsRepository } from '../../apps/responder/src/tickets/tickets.repository';
import { startApi, type ApiKit } from '../support/api-kit';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';
import { makeAction, makeSignal, startResponder, writeTestPlan } from '../responder/responder-fixtures';

const MIN = 60_000;

describe('promises, follow-ups and the reopen rules, across a responder restart', () => {
  // Monday 2026-03-02 09:00 in Shanghai (the default plan's calendar).
  const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
  const planFile = writeTestPlan('http://127.0.0.1:9');
  const env = testEnv({ PLAN_FILE: planFile, RESPONDER_TICK_MS: '0', PLAN_WATCH_MS: '0', VIGIL_ADMIN_PASSWORD: 'follow-up-admin-pw', API_JWT_SECRET: 'f'.repeat(40) });
  let tc: KafkaTestClient;
  let responder: INestApplicationContext;
  let api: ApiKit;
  let admin: string;
  let alice: string;
  let events: { key: string | null; value: string }[];
  let alerts: { key: string | null; value: string }[];

  const eventsOf = (id: string) => events.map((e) => TicketEvent.parse(JSON.parse(e.value))).filter((e) => e.ticketId === id);
  const alertsOf = (id: string) => alerts.map((a) => Alert.parse(JSON.parse(a.value))).filter((a) => a.ticketId === id);
  const send = (topic: 'signals' | 'ticketActions', key: string, value: unknown) => tc.produce(topic, [{ key, value: JSON.stringify(value) }]);
  const repo = () => responder.get(TicketsRepository);
  const tick = () => responder.get(SlaTicker).tick();
  const restart = async () => {
    await responder.close();
    responder = await startResponder(env, clock);
  };
  /** Sends the actions one after another, each applied before the next. */
  const act = async (id: string, ...actions: Parameters<typeof makeAction>[]) => {
    for (const [, type, extra] of actions) {
      const a = makeAction(id, type, extra);
      await send('ticketActions', id, a);
      await pollUntil(`${type} on ${id}`, async () => eventsOf(id), (es) => es.some((e) => e.requestId === a.requestId));
    }
  };
  const opened = async (signal: Signal): Promise<string> => {
    await send('signals', signal.key, signal);
    const es = await pollUntil(`a ticket for ${signal.key}`, async () => events.map((e) => TicketEvent.parse(JSON.parse(e.value))), (xs) => xs.some((e) => e.type === 'opened' && e.after?.incidentKey === signal.key));
    return es.find((e) => e.type === 'opened' && e.after?.incidentKey === signal.key)!.ticketId;
  };
  const resolvedTicket = async (signal: Signal): Promise<string> => {
    const id = await opened(signal);
    await act(id, [id, 'acknowledge', {}], [id, 'resolve', { rootCause: 'system', note: '已退款' }]);
    return id;
  };
  const stored = async (id: string): Promise<Ticket> => (await repo().find(id))!;

  beforeAll(async () => {
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    responder = await startResponder(env, clock);
    events = await tc.collect('ticketEvents');
    alerts = await tc.collect('alerts');
    api = await startApi(env);
    admin = await api.login('admin', 'follow-up-admin-pw');
    const created = await fetch(`${api.base}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ username: 'alice', role: 'responder', password: 'alice-password-1' }) });
    expect(created.status).toBe(201);
    alice = await api.login('alice', 'alice-password-1');
  }, 240_000);

  afterAll(async () => {
    await responder?.close();
    await api?.close();
    await tc?.close();
    const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await search.onApplicationShutdown();
  });

  it('a missed promise escalates once and not again after a restart', async () => {
    const id = await opened(makeSignal({ key: 'cluster:promise' }));
    const dueAt = new Date(clock.now().getTime() + 60 * MIN).toISOString();
    await act(id, [id, 'acknowledge', {}], [id, 'propose_remedy', { remedy: { kind: 'refund', amount: 50, currency: 'CNY', description: '退运费' }, promisedBy: dueAt }]);
    expect((await stored(id)).promise).toMatchObject({ dueAt, by: 'alice' });

    clock.advance(59 * MIN);
    expect((await tick()).fired.filter((f) => f.includes('promise'))).toEqual([]);
    clock.advance(2 * MIN);
    expect((await tick()).fired).toContain(`${id}:promise_missed:${(await stored(id)).promise!.at}`);
    expect((await tick()).fired.filter((f) => f.startsWith(id))).toEqual([]);
    await restart();
    expect((await tick()).fired.filter((f) => f.startsWith(id))).toEqual([]);

    await pollUntil('the promise_missed alert', async () => alertsOf(id), (a) => a.some((x) => x.type === 'promise_missed'));
    expect(alertsOf(id).filter((a) => a.type === 'promise_missed')).toMatchObject([{ notify: ['cs_lead'], deadline: dueAt }]);
    // The event goes out before the alert, but to another topic, read by another consumer: polled, not read once.
    await pollUntil('the promise_missed event', async () => eventsOf(id), (es) => es.some((e) => e.type === 'promise_missed'));
    expect(eventsOf(id).filter((e) => e.type === 'promise_missed')).toHaveLength(1);
    expect((await stored(id)).promise!.missedAt).toBe(new Date(Date.parse(dueAt) + MIN).toISOString());
  });

  it('the follow-up falls due after a working day, is queued, overdue once across a restart, and a low score reopens the case', async () => {
    const id = await resolvedTicket(makeSignal({ key: 'cluster:follow-up' }));
    const t = await stored(id);
    // Resolved on Monday (Shanghai): due at Tuesday's close of business, 18:00 = 10:00Z.
    expect(t.followUp).toMatchObject({ dueAt: '2026-03-03T10:00:00.000Z', assignee: 'alice', cycle: 0 });

    await repo().refresh();
    const mine = await api.get('/api/follow-ups?scope=mine', alice);
    expect(mine.status).toBe(200);
    expect((mine.body.tickets as Ticket[]).map((x) => x.id)).toContain(id);
    expect(((await api.get('/api/follow-ups?scope=mine', admin)).body.tickets as Ticket[]).map((x) => x.id)).not.toContain(id);
    expect((await api.get('/api/follow-ups?scope=whose', admin)).status).toBe(400);

    // The responder is down when the follow-up falls due: the first pass after the restart announces it, once.
    await responder.close();
    clock.set(new Date('2026-03-03T10:00:01.000Z'));
    responder = await startResponder(env, clock);
    expect((await tick()).fired).toContain(`${id}:follow_up_overdue@0`);
    expect((await tick()).fired.filter((f) => f.startsWith(id))).toEqual([]);
    await pollUntil('the overdue alert', async () => alertsOf(id), (a) => a.some((x) => x.type === 'follow_up_overdue'));
    expect(alertsOf(id).filter((a) => a.type === 'follow_up_overdue')).toHaveLength(1);

    // Reached, unhappy: 2 ≤ the plan's threshold, so the ticket reopens with the reason on its history.
    await act(id, [id, 'record_follow_up', { outcome: 'reached', score: 2, comment: '退款还没到账' }]);
    const after = await stored(id);
    expect(after).toMatchObject({ state: 'investigating', reopenCount: 1, followUp: { outcome: 'reached', score: 2, doneBy: 'alice' }, satisfaction: { score: 2 } });
    // act() waited for the first event of the action's write; the reopened one is later in the same batch: polled.
    const reopened = await pollUntil('the reopened event', async () => eventsOf(id), (es) => es.some((e) => e.type === 'reopened'));
    expect(reopened.find((e) => e.type === 'reopened')).toMatchObject({ actor: 'system:rules', note: expect.stringContaining('satisfaction 2 at or below 2') });
    await repo().refresh();
    expect(((await api.get('/api/follow-ups?scope=all', admin)).body.tickets as Ticket[]).map((x) => x.id)).not.toContain(id);
  });

  it('a repeat complaint of the same person within 7 days reopens their resolved ticket, once', async () => {
    const post = (n: number, publishedAt: string): PostFacts => ({
      mentionId: `${String(n).repeat(8)}`.padEnd(32, 'f'),
      sourceId: 'intake-form',
      sourceType: 'intake',
      channel: 'form',
      publishedAt,
      author: { id: 'app-user-42', name: '周先生' },
      text: '我要找你们经理，退款还没到',
      language: 'zh',
      sentiment: -0.8,
      emotion: { level: 'angry', intensity: 0.8 },
      orderIds: [],
      money: [],
      products: [],
      places: [],
      cues: [{ kind: 'manager_request', evidence: '找你们经理', confidence: 0.95 }],
    });
    const single = (n: number): Signal => {
      const p = post(n, clock.now().toISOString());
      return makeSignal({ id: `risk_flag:mention:${p.mentionId}`, kind: 'risk_flag', key: `mention:${p.mentionId}`, clusterId: undefined, riskCues: ['manager_request'], channels: ['form'], metrics: { size: 1, distinctAuthors: 1, velocityPerHour: 0, reach: 0 }, post: p });
    };
    const first = await resolvedTicket(single(1));
    await repo().refresh();
    clock.advance(3 * 24 * 60 * MIN);
    const second = single(2);
    const secondId = await opened(second);
    const earlier = await pollUntil('the earlier ticket reopened', () => stored(first), (t) => t.state === 'investigating');
    expect(earlier.reopenCount).toBe(1);
    // The ticket is stored before its events go out (the outbox): the event is polled, not read once.
    const reopened = await pollUntil('the reopened event', async () => eventsOf(first), (es) => es.some((e) => e.type === 'reopened'));
    expect(reopened.find((e) => e.type === 'reopened')).toMatchObject({ actor: 'system:rules', note: expect.stringContaining(`repeat complaint ${secondId}`) });
    // Redelivered (a crash before the offset was committed): the rule does not fire again.
    await send('signals', second.key, second);
    await send('signals', second.key, second);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await stored(first)).reopenCount).toBe(1);
    expect(eventsOf(first).filter((e) => e.type === 'repeat_complaint')).toHaveLength(1);
  });

  it('refuses a plan edit with a follow-up beyond 3 working days, naming the field and line', async () => {
    const plan = (await api.get('/api/plan', admin)).body as { hash: string; text: string };
    const bad = plan.text.replace('afterWorkingDays: 1', 'afterWorkingDays: 5');
    const r = await fetch(`${api.base}/api/plan`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ text: bad, baseHash: plan.hash }) });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { errors: { path: string; line: number; message: string }[] };
    expect(body.errors).toContainEqual(expect.objectContaining({ path: 'followUp.afterWorkingDays', line: bad.split('\n').findIndex((l) => l.includes('afterWorkingDays: 5')) + 1, message: expect.stringContaining('1 to 3 working days') }));
    expect(fs.readFileSync(planFile, 'utf8')).toContain('afterWorkingDays: 1');
  });
});
