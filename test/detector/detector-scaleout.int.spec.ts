// Real parts: Kafka, Elasticsearch, two detector apps in one consumer group, the analysis library.
// Issue 19: the detector scales out; a partition's state goes with the partition in a rebalance.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '@vigil/analysis';
import { mentionId, Signal, type EnrichedMention } from '@vigil/contracts';
import { createDetector, detectionKey } from '@vigil/detection';
import { partitionForKey } from '@vigil/kafka';
import { DetectorModule } from '../../apps/detector/src/detector.module';
import { loadDetectorConfig } from '../../apps/detector/src/detector.config';
import { DetectMentionsUseCase } from '../../apps/detector/src/detect-mentions.usecase';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';

const analyzer = createAnalyzer();
const PARTITIONS = 3;
const T0 = Date.now() - 3 * 3_600_000;
const ISSUES = ['配送超时一个多小时，退款申请被拒绝', '外卖超时两小时没送到，退款一直失败', '订单超时不送，申请退款被驳回', '超时送达饭菜全凉，退款失败客服不理'];
const PLACES = ['阳光花园', '翠湖苑', '金桂园', '滨江一号', '星河湾', '碧水庄园'];

/** Six watches, at least one on each partition of mentions.by-watch (checked below). */
const WATCHES = ['xianda', 'freshdash', 'kuaisong', 'mealgo', 'dashu', 'lemon'];

function post(watch: string, place: string, i: number): EnrichedMention {
  const externalId = `${watch}-${i}`;
  const text = `鲜达外卖在${place}小区${ISSUES[i % ISSUES.length]}，我们小区好几户都这样`;
  const a = analyzer.analyze({ text });
  const at = new Date(T0 + i * 2 * 60_000).toISOString();
  return {
    id: mentionId('weibo', externalId), sourceId: 'weibo', sourceType: 'rss', channel: 'social', externalId,
    author: { id: `${place}业主${i}`, name: `${place}业主${i}`, followers: 200 + i * 37 }, text: a.maskedText, truncated: false,
    publishedAt: at, fetchedAt: at, processedAt: at, analysis: a.analysis, watches: [{ id: watch, rule: watch, competitor: false }],
  };
}

/** Each watch's storm of fifteen households, interleaved in time as they would arrive. */
const storm = Array.from({ length: 15 }, (_, i) => WATCHES.map((w, k) => post(w, PLACES[k]!, i))).flat();

/** What one uninterrupted detector per partition signals for the same stream, in the same order. */
function expectedSignalIds(): Set<string> {
  const detectors = new Map<number, ReturnType<typeof createDetector>>();
  const ids = new Set<string>();
  for (const m of storm) {
    const p = partitionForKey(detectionKey(m), PARTITIONS);
    if (!detectors.has(p)) detectors.set(p, createDetector());
    for (const s of detectors.get(p)!.process(m).signals) ids.add(s.id);
  }
  return ids;
}

describe('detector scale-out: two instances split the watches; one goes mid-storm and the other takes over', () => {
  const env = testEnv({ DETECTOR_TICK_MS: '0', KAFKA_TOPIC_PARTITIONS: String(PARTITIONS) });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  let a: INestApplicationContext | undefined;
  let b: INestApplicationContext | undefined;
  let signals: { key: string | null; value: string }[];

  const start = async () => {
    const app = await NestFactory.createApplicationContext(DetectorModule.forRoot(loadDetectorConfig(env)), { logger: false });
    await app.init();
    return app;
  };
  // One source partition keeps the stream's order, so the reference above sees the same order.
  const send = (ms: EnrichedMention[]) => tc.produce('mentionsEnriched', ms.map((m) => ({ key: 'one', value: JSON.stringify(m) })));
  const ids = () => signals.map((s) => Signal.parse(JSON.parse(s.value)).id);
  const held = (app: INestApplicationContext | undefined) => app!.get(DetectMentionsUseCase).partitions();

  beforeAll(async () => {
    await tc.createTopics(['mentionsEnriched', 'mentionsByWatch', 'signals', 'dlq'], PARTITIONS);
    signals = await tc.collect('signals');
    // One after the other: both would put the same index templates, which a busy server queues.
    a = await start();
    b = await start();
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await tc.close();
  });

  it('the watches cover every partition, and the two instances split them', async () => {
    expect(new Set(WATCHES.map((w) => partitionForKey(w, PARTITIONS))).size).toBe(PARTITIONS);
    const split = await pollUntil('both instances hold partitions', async () => [held(a), held(b)], ([x, y]) => x!.length > 0 && y!.length > 0 && x!.length + y!.length === PARTITIONS, { timeoutMs: 30_000 });
    expect([...split[0]!, ...split[1]!].sort()).toEqual([0, 1, 2]);
  }, 40_000);

  it('every signal an uninterrupted detector gives comes exactly once, across the handover', async () => {
    const expected = expectedSignalIds();
    expect(expected.size).toBeGreaterThanOrEqual(WATCHES.length * 2);
    const first = storm.slice(0, storm.length / 2);
    await send(first);
    // Both instances are working, and have signalled, before one goes.
    const seen = (app: INestApplicationContext) => app.get(DetectMentionsUseCase).stats().seen;
    await pollUntil('both instances busy, signals out', async () => [seen(a!), seen(b!), ids().length], ([x, y, n]) => x! > 0 && y! > 0 && n! > 0, { timeoutMs: 30_000 });
    const closing = a!.close();
    a = undefined;
    await send(storm.slice(first.length));
    await closing;
    await pollUntil('the survivor holds every partition', async () => held(b), (p) => p.length === PARTITIONS, { timeoutMs: 30_000 });
    await pollUntil('every expected signal', async () => ids(), (g) => [...expected].every((id) => g.includes(id)), { timeoutMs: 40_000 });
    await new Promise((r) => setTimeout(r, 2000)); // give a repeat the chance to appear
    const all = ids();
    expect(new Set(all)).toEqual(expected);
    expect(all.length).toBe(new Set(all).size);
  }, 90_000);
});
