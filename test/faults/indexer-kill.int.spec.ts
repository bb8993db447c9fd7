// Real parts: Kafka, Elasticsearch (reached by the indexer through a TCP relay the test can make
// hang), the compiled indexer as its own OS process, killed with SIGKILL while a bulk of posts is in
// flight and posts keep arriving. Nothing is mocked. The short fault case of `npm test` (issue #20);
// the whole fault suite is `npm run chaos`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from 'kafkajs';
import { SearchClient } from '@vigil/search';
import { mentionFactory } from '../support/mention-factory';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TcpProxy } from '../support/tcp-proxy';
import { pollUntil, testEnv } from '../support/test-env';

const root = path.resolve(__dirname, '../..');
const indexerMain = path.join(root, 'dist/apps/indexer/src/main.js');
// Small on purpose (bounded: the whole case takes well under a minute on a busy machine).
const STEP = 100;
const TOTAL = 5 * STEP;

const postId = (i: number) => `kill-${i}`;

describe('kill -9 the indexer mid-intake, with a bulk unsent or unanswered: each accepted post once in Elasticsearch', () => {
  // The broker gives a killed member's partitions to the restarted one after the session timeout.
  const direct = testEnv({ KAFKA_SESSION_TIMEOUT_MS: '6000' }, { indices: ['mentions'] });
  const proxy = TcpProxy.forUrl(direct.ELASTICSEARCH_URL!.split(',')[0]!);
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let producer: Producer;
  let search: SearchClient;
  const children: ChildProcess[] = [];
  const ids: string[] = [];

  const startIndexer = () => {
    const child = spawn(process.execPath, [indexerMain], { env: { ...env, PORT: '0', LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    return child;
  };
  /** Posts i..j-1 into mentions.enriched, 50 to a send, acknowledged by every in-sync replica: accepted. */
  const intake = async (from: number, to: number) => {
    for (let i = from; i < to; i += 50) {
      const batch = Array.from({ length: Math.min(50, to - i) }, (_, k) => mentionFactory(postId(i + k)));
      await producer.send({ topic: tc.topic('mentionsEnriched'), acks: -1, messages: batch.map((m) => ({ key: m.id, value: JSON.stringify(m) })) });
      ids.push(...batch.map((m) => m.id));
    }
  };
  const count = async () => {
    await search.es.indices.refresh({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true });
    return (await search.es.count({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true })).count;
  };

  beforeAll(async () => {
    if (!fs.existsSync(indexerMain)) {
      const r = spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('npm run build:server failed');
    }
    await proxy.start();
    env = { ...direct, ELASTICSEARCH_URL: proxy.url };
    search = new SearchClient({ node: direct.ELASTICSEARCH_URL!, indexPrefix: direct.VIGIL_INDEX_PREFIX!, indices: ['mentions'] });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    await tc.createTopics(['mentionsEnriched', 'dlq']);
    producer = tc.kafka.producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await producer?.disconnect();
    await proxy.stop();
    await search?.deleteIndices(`${direct.VIGIL_INDEX_PREFIX}*`).catch(() => undefined);
    await search?.onApplicationShutdown();
    await tc?.close();
  });

  const searchable = async (wanted: string[]) => {
    await search.es.indices.refresh({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true });
    // By the post's own id field, not _id: a document written twice under another _id counts twice.
    const r = await search.es.count({ index: search.names.mentions, query: { terms: { id: wanted } }, ignore_unavailable: true, allow_no_indices: true });
    return r.count;
  };
  const killed = async (child: ChildProcess) => {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  };

  it('redelivers what a killed indexer fetched but did not write, and writes twice nothing it wrote unacknowledged', async () => {
    await intake(0, STEP);
    const first = startIndexer();
    await pollUntil('the indexer to be part-way through', count, (c) => c >= 20, { timeoutMs: 60_000, intervalMs: 200 });

    // 1. Elasticsearch hangs before the write: the next posts are fetched and their bulk sent, never received.
    proxy.stall('requests', /^POST \S*_bulk/);
    await intake(STEP, 2 * STEP);
    const unwritten = ids.slice(STEP, 2 * STEP);
    await pollUntil('a bulk carrying the new posts in flight', async () => proxy.heldText(), (t) => unwritten.some((id) => t.includes(id)), { timeoutMs: 30_000, intervalMs: 100 });
    await killed(first);
    expect(await searchable(unwritten)).toBeLessThan(STEP); // really in flight, not written
    proxy.release();

    // Posts keep arriving while a new indexer starts; it must get the unwritten ones again.
    const second = startIndexer();
    await intake(2 * STEP, 3 * STEP);
    await pollUntil('the posts in flight at the kill written after the restart', () => searchable(ids.slice(0, 3 * STEP)), (c) => c === 3 * STEP, { timeoutMs: 60_000, intervalMs: 250 });

    // 2. Elasticsearch writes, but its answer never arrives: the indexer cannot know, so a restart writes those posts again.
    proxy.stall('answers', /^POST \S*_bulk/);
    await intake(3 * STEP, 4 * STEP);
    const unacknowledged = ids.slice(3 * STEP, 4 * STEP);
    await pollUntil('a bulk of the new posts written but not answered', async () => (proxy.heldText() ? searchable(unacknowledged) : 0), (c) => c > 0, { timeoutMs: 30_000, intervalMs: 100 });
    await killed(second);
    proxy.release();

    const arriving = intake(4 * STEP, TOTAL);
    startIndexer();
    await arriving;
    await pollUntil(`all ${TOTAL} accepted posts searchable`, () => searchable(ids), (c) => c >= TOTAL, { timeoutMs: 60_000, intervalMs: 250 });

    // Exactly once: as many documents as posts, every post found, no post on two documents.
    expect(await count()).toBe(TOTAL);
    const r = await search.es.search({
      index: search.names.mentions,
      size: 0,
      query: { terms: { id: ids } },
      aggs: { twice: { terms: { field: 'id', min_doc_count: 2, size: 10 } } },
      track_total_hits: true,
    });
    expect((r.hits.total as { value: number }).value).toBe(TOTAL);
    expect((r.aggregations!.twice as { buckets: unknown[] }).buckets).toEqual([]);
  }, 180_000);
});
