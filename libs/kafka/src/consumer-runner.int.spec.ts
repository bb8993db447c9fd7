// Real parts: Kafka (the project's own broker). Nothing is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '@vigil/common';
import { DeadLetter } from '@vigil/contracts';
import { KafkaClient } from './kafka-client';
import { MessageProducer } from './message-producer';
import { ConsumerRunner, type ConsumedMessage } from './consumer-runner';
import { KafkaTestClient } from '../../../test/support/kafka-test-client';
import { pollUntil, testEnv } from '../../../test/support/test-env';

const Item = z.object({ n: z.number().int() });
type Item = z.infer<typeof Item>;

describe('ConsumerRunner against a real broker', () => {
  const env = testEnv();
  const client = new KafkaClient({ brokers: env.KAFKA_BROKERS!.split(','), clientId: 'test', topicPrefix: env.VIGIL_TOPIC_PREFIX! });
  const producer = new MessageProducer(client);
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const runners: ConsumerRunner<Item>[] = [];
  const logger = createLogger('test', 'warn');

  beforeAll(async () => {
    await client.ensureTopics(['mentionsRaw', 'dlq']);
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await tc.close();
    await producer.onApplicationShutdown();
    await client.onApplicationShutdown();
  });

  it('sends invalid messages to the DLQ with the error and where they came from, and keeps going', async () => {
    const got: number[] = [];
    const r = new ConsumerRunner<Item>(client, producer, {
      groupId: `${env.VIGIL_TOPIC_PREFIX}-g1`,
      topic: 'mentionsRaw',
      schema: Item,
      logger,
      handle: async (ms) => void got.push(...ms.map((m) => m.value.n)),
    });
    runners.push(r);
    await r.start();
    const dlq = await tc.collect('dlq');
    await tc.produce('mentionsRaw', [
      { key: 'a', value: JSON.stringify({ n: 1 }) },
      { key: 'a', value: '{not json' },
      { key: 'a', value: JSON.stringify({ n: 'two' }) },
      { key: 'a', value: JSON.stringify({ n: 3 }) },
    ]);
    await pollUntil('valid messages handled', async () => got, (g) => g.length >= 2);
    expect(got).toEqual([1, 3]);
    const letters = await pollUntil('two dead letters', async () => dlq, (d) => d.length >= 2);
    const parsed = letters.map((l) => DeadLetter.parse(JSON.parse(l.value)));
    expect(parsed.map((p) => p.error)).toEqual([expect.stringMatching(/^not JSON/), expect.stringMatching(/^schema: n: /)]);
    expect(parsed[0]).toMatchObject({ sourceTopic: tc.topic('mentionsRaw'), key: 'a', value: '{not json', consumerGroup: `${env.VIGIL_TOPIC_PREFIX}-g1` });
    expect(Number(parsed[1].offset)).toBeGreaterThan(Number(parsed[0].offset));
  });

  it('retries a failing handler without committing, so nothing is lost', async () => {
    const seen: ConsumedMessage<Item>[] = [];
    let failuresLeft = 2;
    const r = new ConsumerRunner<Item>(client, producer, {
      groupId: `${env.VIGIL_TOPIC_PREFIX}-g2`,
      topic: 'mentionsRaw',
      schema: Item,
      logger,
      handle: async (ms) => {
        if (failuresLeft-- > 0) throw new Error('elasticsearch is down');
        seen.push(...ms);
      },
    });
    runners.push(r);
    await r.start();
    // g2 reads from the beginning: the two valid messages of the first test, then this one.
    await tc.produce('mentionsRaw', [{ key: 'b', value: JSON.stringify({ n: 42 }) }]);
    await pollUntil('all valid messages handled after the failures', async () => seen, (s) => s.some((m) => m.value.n === 42), { timeoutMs: 45_000 });
    expect(seen.map((m) => m.value.n).sort((a, b) => a - b)).toEqual([1, 3, 42]);
  });
  it('cuts chunks by bytes, in offset order, and commits each batch, so a restart in the group redelivers nothing', async () => {
    const groupId = `${env.VIGIL_TOPIC_PREFIX}-g3`;
    const calls: number[][] = [];
    // ~130 bytes a message: a 500-byte cap allows at most 3 in a handler call.
    const pad = 'x'.repeat(110);
    const start = (into: number[][]) => {
      const r = new ConsumerRunner<Item>(client, producer, { groupId, topic: 'mentionsRaw', schema: Item, logger, chunkBytes: 500, handle: async (ms) => void into.push(ms.map((m) => m.value.n)) });
      runners.push(r);
      return r;
    };
    const first = start(calls);
    await first.start();
    await tc.produce('mentionsRaw', Array.from({ length: 20 }, (_, i) => ({ key: 'c', value: JSON.stringify({ n: 100 + i, pad }) })));
    await pollUntil('the 20 padded messages handled', async () => calls.flat().filter((n) => n >= 100), (ns) => ns.length >= 20);
    const padded = calls.filter((c) => c.some((n) => n >= 100));
    // The group reads from the beginning, so the earlier tests' small messages may share a call: the cap is on bytes.
    expect(padded.every((c) => c.filter((n) => n >= 100).length <= 3)).toBe(true);
    expect(padded.flat().filter((n) => n >= 100)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    await first.stop();

    const again: number[][] = [];
    const second = start(again);
    await second.start();
    await tc.produce('mentionsRaw', [{ key: 'c', value: JSON.stringify({ n: 999 }) }]);
    await pollUntil('the marker handled by the restarted member', async () => again.flat(), (ns) => ns.includes(999), { timeoutMs: 45_000 });
    expect(again.flat()).toEqual([999]);
  });

  it('on a transactional topic: hands over committed messages only, and commits past the transactions\' markers and aborted messages (no lag left)', async () => {
    const groupId = `${env.VIGIL_TOPIC_PREFIX}-g4`;
    const topic = client.topic('signals');
    await client.ensureTopics(['signals']);
    const tx = tc.kafka.producer({ transactionalId: `${env.VIGIL_TOPIC_PREFIX}-tx`, idempotent: true, maxInFlightRequests: 1 });
    await tx.connect();
    const inTransaction = async (ns: number[], commit: boolean) => {
      const t = await tx.transaction();
      await t.send({ topic, messages: ns.map((n) => ({ key: 'd', value: JSON.stringify({ n }) })) });
      await (commit ? t.commit() : t.abort());
    };
    await inTransaction([1, 2], true);
    await inTransaction([3], false);
    await inTransaction([4], true);
    await inTransaction([5], false); // the partition ends with an aborted transaction
    await tx.disconnect();
    const got: number[] = [];
    const r = new ConsumerRunner<Item>(client, producer, { groupId, topic: 'signals', schema: Item, logger, handle: async (ms) => void got.push(...ms.map((m) => m.value.n)) });
    runners.push(r);
    await r.start();
    const admin = await client.getAdmin();
    const lag = async () => {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId: client.groupId(groupId), topics: [topic] });
      const at = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
      return ends.reduce((sum, p) => sum + Number(p.high) - Math.max(at.get(p.partition) ?? -1, Number(p.low)), 0);
    };
    await pollUntil('every committed message handled', async () => got, (g) => g.length >= 3);
    await pollUntil('nothing left behind the group\'s commits', lag, (n) => n === 0, { timeoutMs: 30_000 });
    expect(got).toEqual([1, 2, 4]);
  });
});
