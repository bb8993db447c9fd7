// Real parts: Kafka (the project's own broker). Nothing is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaClient } from '@vigil/kafka';
import { KafkaProgress } from './kafka-progress';
import { KafkaTestClient } from '../../../../test/support/kafka-test-client';
import { testEnv } from '../../../../test/support/test-env';

/** The replay's read of a topic, failing after `ms` instead of hanging the file until the test time-out. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

describe('KafkaProgress (what vigil replay reads back) against a real broker', () => {
  const env = testEnv();
  const client = new KafkaClient({ brokers: env.KAFKA_BROKERS!.split(','), clientId: 'test', topicPrefix: env.VIGIL_TOPIC_PREFIX! });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const progress = new KafkaProgress(client);

  beforeAll(async () => {
    await client.ensureTopics(['signals', 'alerts']);
  });
  afterAll(async () => {
    await tc.close();
    await client.onApplicationShutdown();
  });

  /** Sends each list in its own transaction, committed or aborted, as the detector sends signals. */
  async function transactions(topic: string, runs: { values: number[]; commit: boolean }[]): Promise<void> {
    const tx = tc.kafka.producer({ transactionalId: `${env.VIGIL_TOPIC_PREFIX}-${topic}-tx`, idempotent: true, maxInFlightRequests: 1 });
    await tx.connect();
    for (const { values, commit } of runs) {
      const t = await tx.transaction();
      await t.send({ topic, messages: values.map((n) => ({ key: 'k', value: JSON.stringify({ n }) })) });
      await (commit ? t.commit() : t.abort());
    }
    await tx.disconnect();
  }

  it('reads a transactional topic whose last offset is a commit marker to its end, committed messages only', async () => {
    // Offsets 0-1 values, 2 marker, 3 aborted, 4 marker, 5 value, 6 marker: no message at the topic's last offset.
    await transactions(client.topic('signals'), [
      { values: [1, 2], commit: true },
      { values: [3], commit: false },
      { values: [4], commit: true },
    ]);
    const values = await within(30_000, 'reading signals', progress.readAll('signals', 20_000));
    expect(values.map((v) => (JSON.parse(v) as { n: number }).n)).toEqual([1, 2, 4]);
  });

  it('reads a topic that ends with an aborted transaction to its end', async () => {
    await transactions(client.topic('alerts'), [
      { values: [1], commit: true },
      { values: [2, 3], commit: false },
    ]);
    const values = await within(30_000, 'reading alerts', progress.readAll('alerts', 20_000));
    expect(values.map((v) => (JSON.parse(v) as { n: number }).n)).toEqual([1]);
  });
});
