// Real parts: Kafka, Elasticsearch, the responder module and the detector module (two apps on one
// topic prefix). The responder's clock is a ManualClock; nothing else is mocked. Issue #14: a ticket
// resolved as a real incident reaches the detector, which confirms its window to the watch's
// baselines, and finds it again after a restart; a false alarm confirms nothing.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { IncidentOutcome, type Ticket } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { DetectorModule } from '../../apps/detector/src/detector.module';
import { loadDetectorConfig } from '../../apps/detector/src/detector.config';
import { DetectMentionsUseCase } from '../../apps/detector/src/detect-mentions.usecase';
import { TicketsRepository } from '../../apps/responder/src/tickets/tickets.repository';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TestFeedServer } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';
import { makeAction, makeSignal, startResponder, writeTestPlan } from '../responder/responder-fixtures';

const WINDOW_START = '2026-03-02T00:20:00.000Z';
const burst = { dimension: 'watch', value: 'brand-a', score: 6, observed: 30, baseline: 10, windowStart: WINDOW_START, windowEnd: '2026-03-02T01:00:00.000Z' };

describe('a ticket resolved as a real incident teaches its watch\'s baselines nothing (issue #14)', () => {
  const hooks = new TestFeedServer();
  const clock = new ManualClock(new Date('2026-03-02T01:00:00.000Z'));
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let responder: INestApplicationContext;
  let detector: INestApplicationContext | undefined;
  let repo: TicketsRepository;
  let outcomes: { key: string | null; value: string }[];

  const send = (topic: 'signals' | 'ticketActions', key: string, value: unknown) => tc.produce(topic, [{ key, value: JSON.stringify(value) }]);
  const startDetector = async () => {
    detector = await NestFactory.createApplicationContext(DetectorModule.forRoot(loadDetectorConfig(env)), { logger: false });
    await detector.init();
  };
  const confirmed = () => detector!.get(DetectMentionsUseCase).confirmed();
  /** Opens a ticket on a burst of brand-a, acknowledges it and resolves it with `outcome`. */
  const resolveAs = async (key: string, outcome: 'incident' | 'false_alarm'): Promise<Ticket> => {
    const signal = makeSignal({ kind: 'burst', key, watchId: 'brand-a', burst });
    await send('signals', key, signal);
    const [open] = await pollUntil(`a ticket on ${key}`, async () => (await repo.refresh(), (await repo.listOpen()).filter((t) => t.incidentKey === key)), (ts) => ts.length === 1);
    const id = open!.id;
    await send('ticketActions', id, makeAction(id, 'acknowledge'));
    clock.advance(180 * 60_000);
    await send('ticketActions', id, makeAction(id, 'resolve', { rootCause: 'third_party', note: '暴雨导致配送延误', outcome }));
    return pollUntil(`${id} resolved`, async () => (await repo.get(id))?.ticket, (t) => t?.state === 'resolved') as Promise<Ticket>;
  };

  beforeAll(async () => {
    await hooks.start();
    env = testEnv({ PLAN_FILE: writeTestPlan(hooks.url), WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${new URL(hooks.url).port}`, RESPONDER_TICK_MS: '0', PLAN_WATCH_MS: '0', DETECTOR_TICK_MS: '0' });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    responder = await startResponder(env, clock);
    repo = responder.get(TicketsRepository);
    outcomes = await tc.collect('incidentOutcomes');
    await startDetector();
  });

  afterAll(async () => {
    await detector?.close();
    await responder?.close();
    await tc.close();
    await hooks.stop();
    const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
    await search.deleteIndices(`${env.VIGIL_INDEX_PREFIX}*`);
    await search.onApplicationShutdown();
  });

  it('a real incident reaches the detector with its window, from the burst window start to the resolution, and survives a restart', async () => {
    const t = await resolveAs('burst:watch:brand-a', 'incident');
    expect(t.outcome).toMatchObject({ value: 'incident', by: 'alice' });
    const window = { id: `${t.id}@brand-a`, watchId: 'brand-a', from: WINDOW_START, to: t.resolvedAt };
    const seen = await pollUntil('the detector holds the confirmed window', async () => confirmed(), (c) => c.windows.length === 1 && c.held.length > 0);
    expect(seen).toMatchObject({ windows: [window], incidents: 1, falseAlarms: 0 });
    // Every partition's detector the instance holds was told (times in ms): what its baselines obey.
    const inDetector = { id: window.id, watchId: 'brand-a', from: Date.parse(WINDOW_START), to: Date.parse(t.resolvedAt!) };
    for (const h of seen.held) expect(h.windows).toEqual([inDetector]);
    // One message on the topic, keyed by the ticket: what a restarted detector reads again.
    expect(outcomes.map((m) => [m.key, IncidentOutcome.parse(JSON.parse(m.value)).outcome])).toEqual([[t.id, 'incident']]);

    await detector!.close();
    await startDetector();
    const again = await pollUntil('the restarted detector reads the window again', async () => confirmed(), (c) => c.windows.length === 1 && c.held.length > 0 && c.held.every((h) => h.windows.length === 1));
    expect(again.windows).toEqual([window]);
    for (const h of again.held) expect(h.windows).toEqual([inDetector]);
  });

  it('a false alarm is counted and confirms nothing', async () => {
    const t = await resolveAs('burst:watch:brand-a:quiet', 'false_alarm');
    const seen = await pollUntil('the detector counts the false alarm', async () => confirmed(), (c) => c.falseAlarms === 1);
    expect(seen.windows.map((w) => w.id)).toEqual([expect.stringMatching(/@brand-a$/)]);
    expect(seen.windows.some((w) => w.id.startsWith(t.id))).toBe(false);
    for (const h of seen.held) expect(h.windows.map((w) => w.id)).toEqual(seen.windows.map((w) => w.id));
  });
});
