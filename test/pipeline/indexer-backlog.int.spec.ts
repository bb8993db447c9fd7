// Real parts: Kafka, Elasticsearch, the indexer module as `vigil start` composes it. Nothing is mocked.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkIndexer, SearchClient } from '@vigil/search';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { KafkaTestClient } from '../support/kafka-test-client';
import { mentionFactory } from '../support/mention-factory';
import { pollUntil, testEnv } from '../support/test-env';

const POSTS = 3_400;
const OLD_MONTHS = 3;
const DAY = 24 * 3600_000;

/**
 * A backlog on one partition arrives in fetches of up to INDEXER_BULK_BYTES (5 MB), so one chunk
 * holds thousands of posts. The indexer looked for each post's copies in other months with one
 * search of `size: 4 × posts`, which Elasticsearch refuses above 10,000: such a chunk failed and
 * was retried forever, and nothing behind it was indexed. Here every post of the backlog also has
 * a stale copy in each of three older months (a re-dated post whose earlier moves crashed halfway),
 * 10,200 copies in all, more than one search may return.
 */
describe('indexer: a backlog of thousands of posts in one chunk, each with copies in older months', () => {
  const env = testEnv({ KAFKA_TOPIC_PARTITIONS: '1', INDEXER_MONTHLY_INDICES: '6' }, { indices: ['mentions', 'corrections'] });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  const now = Date.now();
  const posts = Array.from({ length: POSTS }, (_, i) => mentionFactory(`backlog-${i}`, { publishedAt: new Date(now).toISOString() }));
  let app: INestApplicationContext | undefined;
  let dlq: { value: string }[];

  beforeAll(async () => {
    await tc.createTopics(['mentionsEnriched', 'dlq'], 1);
    dlq = await tc.collect('dlq');
    await search.ensureIndices(['mentions', 'corrections']);
    const bulk = new BulkIndexer(search);
    for (let m = 1; m <= OLD_MONTHS; m++) {
      const at = new Date(now - m * 31 * DAY).toISOString();
      const r = await bulk.index(posts.map((p) => ({ index: search.names.mentionsFor(at, { months: 6 }), id: p.id, doc: { ...p, publishedAt: at } })));
      expect(r.failed).toEqual([]);
    }
    await search.es.indices.refresh({ index: search.names.mentions });
    expect((await search.es.count({ index: search.names.mentions })).count).toBe(POSTS * OLD_MONTHS);
    // The whole backlog is on the topic before the indexer starts, as after an outage.
    for (let i = 0; i < POSTS; i += 500) await tc.produce('mentionsEnriched', posts.slice(i, i + 500).map((p) => ({ key: p.id, value: JSON.stringify(p) })));
    app = await NestFactory.createApplicationContext(AllInOneModule.forRoot(env, ['indexer']), { logger: false });
    await app.init();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await tc.close();
    await search.onApplicationShutdown();
  });

  it('indexes every post once, in its own month, and removes every older copy', async () => {
    const target = search.names.mentionsFor(new Date(now), { months: 6 });
    const counts = async () => {
      await search.es.indices.refresh({ index: search.names.mentions });
      const r = await search.es.search({ index: search.names.mentions, size: 0, aggs: { byIndex: { terms: { field: '_index', size: 10 } } } });
      return Object.fromEntries((r.aggregations!.byIndex as { buckets: { key: string; doc_count: number }[] }).buckets.map((b) => [b.key, b.doc_count]));
    };
    const final = await pollUntil('every post in its month and no older copy', counts, (c) => c[target] === POSTS && Object.keys(c).length === 1, { timeoutMs: 120_000, intervalMs: 1_000 });
    expect(final).toEqual({ [target]: POSTS });
    expect(dlq).toEqual([]);
  }, 150_000);
});
