// Real parts: Kafka, Elasticsearch, the responder module (two instances in one consumer group),
// a webhook receiver on 127.0.0.1. The clock is a ManualClock; nothing else is mocked.
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { Alert, TicketEvent, type Ticket } from '@vigil/contracts';
import { SearchClient, TicketEventsReader, TicketSequencesReader } from '@vigil/search';
import { SlaTicker } from '../../apps/responder/src/clock/sla-ticker.service';
import { TicketsRepository } from '../../apps/responder/src/tickets/tickets.repository';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TestFeedServer } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';
import { makeAction, makeSignal, startResponder, writeTestPlan } from './responder-fixtures';

const MIN = 60_000;

describe('responder: signals and actions → tickets, events, alerts, clocks', () => {
  const hooks = new TestFeedServer();
  const hookBodies: { path: string; key: string; body: string }[] = [];
  const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let apps: INestApplicationContext[] = [];
  let repo: TicketsRepository;
  let events: { key: string | null; value: string }[];
  let alerts: { key: string | null; value: string }[];

  const eventsOf = (ticketId: string) => events.map((e) => TicketEvent.parse(JSON.parse(e.value))).filter((e) => e.ticketId === ticketId);
  const alertsOf = (ticketId: string) => alerts.map((a) => Alert.parse(JSON.parse(a.value))).filter((a) => a.ticketId === ticketId);
  const send = (topic: 'signals' | 'ticketActions', key: string, value: unknown) => tc.produce(topic, [{ key, value: JSON.stringify(value) }]);
  const ticketFor = async (incidentKey: string): Promise<Ticket[]> => {
    await repo.refresh();
    const open = await repo.listOpen();
    return open.filter((t) => t.incidentKey === incidentKey);
  };
  const tick = () => apps[0].get(SlaTicker).tick();
  /** The audit trail as stored, read as every reader reads it. */
  const storedEvents = (ticketId: string) => apps[0].get(TicketEventsReader).list(ticketId);

  beforeAll(async () => {
    await hooks.start();
    let wecomCalls = 0;
    hooks.routes.set('/hook/wecom', (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hookBodies.push({ path: '/hook/wecom', key: String(req.headers['idempotency-key']), body });
        // The first delivery fails: the sender must retry.
        res.writeHead(++wecomCalls === 1 ? 503 : 200).end('{}');
      });
    });
    env = testEnv({ PLAN_FILE: writeTestPlan(hooks.url), WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${new URL(hooks.url).port}`, RESPONDER_TICK_MS: '0', PLAN_WATCH_MS: '0' });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    apps.push(await startResponder(env, clock));
    repo = apps[0].get(TicketsRepository);
    events = await tc.collect('ticketEvents');
    alerts = await tc.collect('alerts');
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await tc.close();
    await hooks.stop();
    const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    // By name: Elasticsearch refuses a wildcard delete (the old call's .catch hid that).
    await search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await search.onApplicationShutdown();
  });

  it('signal → ticket → escalation → acknowledge → resolve → close with review, every step audited', async () => {
    const signal = makeSignal({ key: 'cluster:refunds' });
    await send('signals', signal.key, signal);
    const [opened] = await pollUntil('a ticket opened', async () => events.map((e) => TicketEvent.parse(JSON.parse(e.value))), (es) => es.some((e) => e.type === 'opened'));
    const id = opened.ticketId;
    expect(id).toBe('CR-2026-000001');
    expect(opened).toMatchObject({ seq: 1, actor: 'system:detector', after: { level: 'important', incidentKey: 'cluster:refunds' } });
    await pollUntil('new_ticket alert', async () => alertsOf(id), (a) => a.some((x) => x.type === 'new_ticket'));

    // An illegal move is refused with a reason the api can show.
    await send('ticketActions', id, makeAction(id, 'transition', { to: 'investigating' }, 'req-illegal'));
    const rejected = await pollUntil('action_rejected', async () => eventsOf(id), (es) => es.some((e) => e.type === 'action_rejected'));
    expect(rejected.find((e) => e.type === 'action_rejected')).toMatchObject({
      eventId: `${id}:rejected:req-illegal`,
      seq: 0,
      requestId: 'req-illegal',
      note: 'transition',
      error: { code: 'illegal_transition', message: 'cannot go from open to investigating; allowed: acknowledged' },
    });

    // 31 minutes unacknowledged: the 30-minute step fires (and the acknowledge SLA is breached).
    clock.advance(31 * MIN);
    const first = await tick();
    expect(first.fired).toEqual(expect.arrayContaining([`${id}:not-acknowledged-30m@0`, `${id}:sla_breached:acknowledge@0`]));
    expect((await tick()).fired).toEqual([]); // idempotent
    await pollUntil('escalation alert', async () => alertsOf(id), (a) => a.some((x) => x.alertId === `${id}:escalated:not-acknowledged-30m@0`));
    expect(alertsOf(id).find((a) => a.type === 'escalated')!.notify).toEqual(['cs_lead']);

    const ack = makeAction(id, 'acknowledge');
    await send('ticketActions', id, ack);
    await send('ticketActions', id, ack); // redelivered: a no-op
    for (const to of ['investigating', 'responding'] as const) await send('ticketActions', id, makeAction(id, 'transition', { to }));
    await send('ticketActions', id, makeAction(id, 'record_response', { channel: 'weibo', text: '已联系用户' }));
    await send('ticketActions', id, makeAction(id, 'resolve', { rootCause: 'system', note: '支付通道故障，已补发退款' }));
    await send('ticketActions', id, makeAction(id, 'close_with_review', { review: { rootCause: '支付通道故障', category: 'refund', actionsTaken: ['补发退款'], customerSatisfaction: 4 } }));
    const trail = await pollUntil('ticket closed', async () => eventsOf(id), (es) => es.some((e) => e.type === 'closed'));
    expect(trail.filter((e) => e.type === 'acknowledged')).toHaveLength(1);

    // The audit trail in Elasticsearch: every change once, numbered without gaps, with who and what.
    // Read together with the ticket until they agree: the notifier's deliveries (the webhook's retry) are writes
    // of their own after the close, each stored before its events (the outbox), so one read of each could be a
    // write apart either way.
    const { stored, audit } = await pollUntil(
      'audit trail indexed up to the stored ticket',
      async () => ({ stored: await repo.find(id), audit: await storedEvents(id) }),
      (r) => r.audit.some((e) => e.type === 'closed') && r.audit.filter((e) => e.seq > 0).at(-1)?.seq === r.stored?.seq,
    );
    expect(stored).toMatchObject({ state: 'closed', satisfaction: { score: 4 }, review: { rootCause: '支付通道故障' } });
    const changes = audit.filter((e) => e.seq > 0);
    expect(changes.map((e) => e.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(changes.at(-1)!.seq).toBe(stored!.seq);
    expect(changes.map((e) => e.type)).toEqual(expect.arrayContaining(['opened', 'escalation_fired', 'sla_breached', 'acknowledged', 'transitioned', 'response_recorded', 'closed']));
    expect(changes.find((e) => e.type === 'closed')).toMatchObject({ actor: 'alice', before: { state: 'resolved' }, after: { state: 'closed' } });
    expect(audit.filter((e) => e.type === 'action_rejected')).toHaveLength(1);

    // Acting on a closed ticket: refused, clearly.
    await send('ticketActions', id, makeAction(id, 'transition', { to: 'investigating' }, 'req-closed'));
    const after = await pollUntil('second rejection', async () => eventsOf(id), (es) => es.some((e) => e.requestId === 'req-closed'));
    expect(after.find((e) => e.requestId === 'req-closed')!.error).toEqual({ code: 'ticket_closed', message: `${id} is closed; only comments, satisfaction, public updates and reopening` });

    // A comment carrying the customer's phone and order number is stored and published masked (plan.privacy).
    await send('ticketActions', id, makeAction(id, 'comment', { text: '已回电客户 13912345678，订单号 2026112300123 已补发' }, 'req-pii'));
    const [commented] = await pollUntil('masked comment', async () => eventsOf(id).filter((e) => e.requestId === 'req-pii'), (es) => es.length === 1);
    expect(commented.note).toBe('已回电客户 139****5678，订单号 20*********23 已补发');
    const storedTrail = await pollUntil('masked comment indexed', () => storedEvents(id), (es) => es.some((e) => e.requestId === 'req-pii'));
    expect(JSON.stringify(storedTrail)).not.toContain('13912345678');

    // The WeCom webhook got the new ticket after one failed attempt, same idempotency key both times.
    const calls = await pollUntil('webhook retried', async () => hookBodies.filter((h) => h.key === `${id}:new_ticket:opened:wecom-crisis-room`), (h) => h.length >= 2);
    expect(JSON.parse(calls[1].body).text.content).toContain(id);
  });

  it('puts what each write changed on its last event: applied in order they rebuild the stored ticket, and the audit trail keeps none', async () => {
    const id = 'CR-2026-000001';
    // Notifications are delivered after their write and their results written back: let them settle first.
    const stored = await pollUntil('notifications settled', () => repo.find(id), (t) => !!t && t.notifications.every((n) => n.status === 'sent' || n.status === 'failed'));
    await pollUntil('every write published', async () => eventsOf(id).map((e) => e.seq), (seqs) => seqs.includes(stored!.seq));
    const seen = new Set<string>();
    // At least once: a redelivered event has the same id and the same changes.
    const published = eventsOf(id).filter((e) => e.seq > 0 && !seen.has(e.eventId) && seen.add(e.eventId));
    expect(published.map((e) => e.seq)).toEqual(published.map((_, i) => i + 1));
    expect(published.at(-1)!.changes).toBeDefined();
    // What a dashboard does with them (dashboards/src/stores/ticket-copy.ts), from nothing.
    let copy: Record<string, unknown> = {};
    for (const e of published) {
      if (!e.changes) continue;
      copy = { ...copy, ...e.changes.set };
      for (const k of e.changes.unset) delete copy[k];
    }
    expect(copy).toEqual(JSON.parse(JSON.stringify({ ...stored, recentRequestIds: undefined })));
    const audit = await storedEvents(id);
    expect(audit.length).toBeGreaterThan(5);
    expect(audit.filter((e) => 'changes' in e)).toEqual([]);
  });

  it('20 concurrent signals for one incident over 3 partitions and 2 instances, with duplicates → exactly one ticket', async () => {
    apps.push(await startResponder(env, clock));
    const key = 'burst:category:logistics';
    const signals = Array.from({ length: 20 }, (_, i) => makeSignal({ key, kind: 'burst', id: `burst-${i}`, sampleMentionIds: [`bm-${i}`] }));
    // Different message keys spread them over the partitions, so both instances race.
    const messages = [...signals, ...signals.slice(0, 5)].map((s, i) => ({ key: `spread-${i}`, value: JSON.stringify(s) }));
    await tc.produce('signals', messages);
    const tickets = await pollUntil('all 20 signals on one ticket', () => ticketFor(key), (ts) => ts.some((t) => t.evidence.signalCount >= 20), { timeoutMs: 45_000 });
    expect(tickets).toHaveLength(1);
    const [t] = tickets;
    expect(t.evidence.signalCount).toBe(20);
    expect(new Set(t.evidence.signalIds).size).toBe(20);
    // Losers of the opening race shared the winner's number: no ids were burnt.
    const search = apps[0].get(SearchClient);
    // Slots are written by id (realtime gets); a search sees them only after a refresh.
    await search.es.indices.refresh({ index: search.names.ticketSequences });
    const numbers = await apps[0].get(TicketSequencesReader).taken(2026);
    expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    expect(Number(t.id.slice(8))).toBe(Math.max(...numbers));
    // Kafka delivery is at least once (a racer may publish a pending outbox again): one event per id.
    // The ticket is stored before its events go out (the outbox): they are polled until every write's is in, not read once.
    const published = await pollUntil('every write published', async () => eventsOf(t.id), (es) => new Set(es.map((e) => e.eventId)).size >= t.seq);
    expect(new Set(published.filter((e) => e.type === 'opened').map((e) => e.eventId))).toEqual(new Set([`${t.id}:1`]));
    expect(new Set(published.map((e) => e.eventId)).size).toBe(t.seq);
    const audit = await pollUntil('audit trail indexed', () => storedEvents(t.id), (es) => es.length >= t.seq);
    expect(audit.map((e) => e.seq)).toEqual(audit.map((_, i) => i + 1));
    expect(audit.filter((e) => e.type === 'opened')).toHaveLength(1);
    expect(audit.filter((e) => e.type === 'evidence_attached')).toHaveLength(19);
  });

  it('a restart in the middle of an escalation: the step due while down fires once after the restart', async () => {
    const key = 'cluster:cold-food';
    await send('signals', key, makeSignal({ key }));
    const [t] = await pollUntil('ticket opened', () => ticketFor(key), (ts) => ts.length === 1);
    clock.advance(31 * MIN);
    expect((await tick()).fired).toContain(`${t.id}:not-acknowledged-30m@0`);

    for (const app of apps) await app.close();
    apps = [];
    clock.advance(30 * MIN); // the 60-minute steps come due while nothing runs
    apps.push(await startResponder(env, clock));
    repo = apps[0].get(TicketsRepository);

    const fired = (await tick()).fired.filter((f) => f.startsWith(t.id));
    expect(fired).toEqual(expect.arrayContaining([`${t.id}:not-acknowledged-60m@0`, `${t.id}:no-response-1h@0`]));
    expect(fired).not.toContain(`${t.id}:not-acknowledged-30m@0`);
    expect((await tick()).fired.filter((f) => f.startsWith(t.id))).toEqual([]);

    const audit = await pollUntil('escalations indexed', () => storedEvents(t.id), (es) => es.filter((e) => e.type === 'escalation_fired').length >= 3);
    const steps = audit.filter((e) => e.type === 'escalation_fired').map((e) => (e.after as { stepId: string }).stepId);
    expect(steps.sort()).toEqual(['no-response-1h', 'not-acknowledged-30m', 'not-acknowledged-60m']);
    expect((await repo.find(t.id))!.escalations.map((e) => e.stepId).sort()).toEqual(steps);
  });

  it('a change written but not published before a crash is published by the next pass (outbox)', async () => {
    const [t] = await ticketFor('cluster:cold-food');
    const stored = (await repo.get(t.id))!;
    const seq = stored.ticket.seq + 1;
    const event = { eventId: `${t.id}:${seq}`, ticketId: t.id, seq, type: 'commented' as const, actor: 'bob', at: clock.now().toISOString(), note: 'written, then the process died' };
    // What TicketWriter.commit leaves behind when the process dies right after the write.
    expect(await repo.write({ ...stored.ticket, seq, commentCount: stored.ticket.commentCount + 1 }, { events: [event], alerts: [] }, stored)).toBeDefined();
    await tick();
    await pollUntil('the orphaned event published', async () => eventsOf(t.id), (es) => es.some((e) => e.eventId === event.eventId));
    expect((await repo.get(t.id))!.outbox).toBeUndefined();
    expect((await pollUntil('and stored', () => storedEvents(t.id), (es) => es.some((e) => e.seq === seq))).find((e) => e.seq === seq)).toMatchObject({ actor: 'bob', type: 'commented' });
  });

  it('merges two tickets of one storm: the merged one points at the survivor, and later signals for it land there', async () => {
    const [a, b] = ['cluster:leak-a', 'cluster:leak-b'];
    await send('signals', a, makeSignal({ key: a }));
    await send('signals', b, makeSignal({ key: b }));
    const [ta] = await pollUntil('ticket a', () => ticketFor(a), (ts) => ts.length === 1);
    const [tb] = await pollUntil('ticket b', () => ticketFor(b), (ts) => ts.length === 1);
    await send('ticketActions', tb.id, makeAction(tb.id, 'merge', { intoTicketId: ta.id, reason: '同一批漏液投诉' }, 'req-merge'));
    const merged = await pollUntil('b merged into a', async () => (await repo.find(tb.id))!, (t) => t.state === 'merged');
    expect(merged.mergedInto).toBe(ta.id);
    const survivor = await pollUntil('a knows b', async () => (await repo.find(ta.id))!, (t) => t.mergedFrom.includes(tb.id));
    expect(survivor.state).not.toBe('merged');
    // A later signal on b's incident key follows the merge to a; no new ticket opens for b.
    const late = makeSignal({ key: b, id: 'leak-b-late', kind: 'cluster_grew' });
    await send('signals', b, late);
    await pollUntil('the late signal on a', async () => (await repo.find(ta.id))!, (t) => t.evidence.signalIds.includes('leak-b-late'));
    await repo.refresh();
    expect((await repo.listOpen()).filter((t) => t.incidentKey === b)).toEqual([]);
    // Merging into a ticket that is itself merged is refused with a clear error.
    await send('ticketActions', ta.id, makeAction(ta.id, 'merge', { intoTicketId: tb.id }, 'req-merge-back'));
    const [refused] = await pollUntil('merge back refused', async () => eventsOf(ta.id).filter((e) => e.requestId === 'req-merge-back'), (es) => es.length === 1);
    expect(refused.type).toBe('action_rejected');
    expect(refused.error?.message).toMatch(/merged/);
  });

  it('the clock pages through every open ticket, not just the first page', async () => {
    await repo.refresh();
    const paged: string[] = [];
    for await (const t of repo.eachOpen(2)) paged.push(t.id);
    expect(paged.length).toBeGreaterThan(2);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.sort()).toEqual((await repo.listOpen()).map((t) => t.id).sort());
  });
});
