// Real parts: Kafka and Elasticsearch (the project's own servers). Nothing is mocked.
import { afterAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { KafkaClient } from '@vigil/kafka';
import { dropRun } from './drop-run';
import { KafkaTestClient } from '../../../../test/support/kafka-test-client';
import { pollUntil, testEnv } from '../../../../test/support/test-env';

describe('dropRun (what vigil replay leaves on the broker)', () => {
  const env = testEnv();
  const run = env.VIGIL_TOPIC_PREFIX!;
  const client = new KafkaClient({ brokers: env.KAFKA_BROKERS!.split(','), clientId: 'test', topicPrefix: run });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, run);
  // Another run whose prefix starts like this one's: its group is not this run's.
  const otherGroup = `${run}x.detector`;
  const consumers: Consumer[] = [];

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    const admin = await client.getAdmin();
    await admin.deleteGroups([`${run}.busy`, otherGroup]).catch(() => undefined);
    await client.deleteTopicsWithPrefix(`${run}.`).catch(() => undefined);
    await client.onApplicationShutdown();
  });

  /** A member of `groupId` on the run's raw topic that has read its one message (and committed it). */
  async function member(groupId: string): Promise<Consumer> {
    const c = tc.kafka.consumer({ groupId, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
    consumers.push(c);
    let read = 0;
    await c.connect();
    await c.subscribe({ topic: tc.topic('mentionsRaw'), fromBeginning: true });
    await c.run({ eachMessage: async () => void read++ });
    await pollUntil(`${groupId} reading the topic`, async () => read, (n) => n > 0, { timeoutMs: 60_000 });
    return c;
  }

  const listed = async () => (await (await client.getAdmin()).listGroups()).groups.map((g) => g.groupId);

  it("deletes the run's empty consumer groups with its topics, keeps a group that still has a member and other runs' groups", async () => {
    await client.ensureTopics(['mentionsRaw']);
    await tc.produce('mentionsRaw', [{ key: 'k', value: '{}' }]);
    // The busy member stays connected through dropRun (disconnected in afterAll).
    const [done, , other] = await Promise.all([member(client.groupId('processor')), member(client.groupId('busy')), member(otherGroup)]);
    await done.disconnect();
    await other.disconnect();
    expect(await listed()).toEqual(expect.arrayContaining([`${run}.processor`, `${run}.busy`, otherGroup]));

    const dropped = await dropRun(run, env.ELASTICSEARCH_URL!, env.KAFKA_BROKERS!, 'test');

    const left = await listed();
    expect(left).not.toContain(`${run}.processor`);
    expect(left).toContain(`${run}.busy`);
    expect(left).toContain(otherGroup);
    expect(dropped).toEqual({ groups: [`${run}.processor`], groupsInUse: [{ groupId: `${run}.busy`, members: 1 }] });
    expect((await (await client.getAdmin()).listTopics()).filter((t) => t.startsWith(`${run}.`))).toEqual([]);
  });
});
