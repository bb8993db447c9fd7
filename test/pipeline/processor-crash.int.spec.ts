// Real parts: Kafka, Elasticsearch, the compiled processor as its own OS process
// (killed with SIGKILL mid-stream), the indexer in this process. Nothing is mocked.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionId, type RawMention } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { IndexerModule } from '../../apps/indexer/src/indexer.module';
import { loadIndexerConfig } from '../../apps/indexer/src/indexer.config';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';

const root = path.resolve(__dirname, '../..');
const processorMain = path.join(root, 'dist/apps/processor/src/main.js');
const N = 4000;

function rawMention(i: number): RawMention {
  const externalId = `post-${i}`;
  return {
    id: mentionId('crash-test', externalId),
    sourceId: 'crash-test',
    sourceType: 'replay',
    channel: 'social',
    externalId,
    text: i % 2 ? `鲜达外卖第${i}单又超时了，退款也不给，太差了` : `FreshDash order ${i} arrived late and cold, refund please`,
    truncated: false,
    publishedAt: new Date(Date.UTC(2026, 10, 23, 0, 0, i % 3600)).toISOString(),
    fetchedAt: '2026-11-23T01:00:00.000Z',
  };
}

describe('kill -9 the processor mid-stream: every item is in Elasticsearch exactly once', () => {
  const env = testEnv();
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  let indexer: INestApplicationContext;
  let search: SearchClient;
  const children: ChildProcess[] = [];

  const startProcessor = () => {
    const child = spawn(process.execPath, [processorMain], { env: { ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    return child;
  };
  const count = async () => (await search.es.count({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true })).count;

  beforeAll(async () => {
    if (!fs.existsSync(processorMain)) {
      const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('npm run build failed');
    }
    await tc.createTopics(['mentionsRaw', 'mentionsEnriched', 'dlq']);
    indexer = await NestFactory.createApplicationContext(IndexerModule.forRoot(loadIndexerConfig(env)), { logger: false });
    await indexer.init();
    search = indexer.get(SearchClient);
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await indexer?.close();
    await tc.close();
  });

  it('recovers after SIGKILL without losing or duplicating a mention', async () => {
    for (let i = 0; i < N; i += 500) {
      await tc.produce('mentionsRaw', Array.from({ length: 500 }, (_, k) => rawMention(i + k)).map((m) => ({ key: m.id, value: JSON.stringify(m) })));
    }
    // Progress is read from what the processor has produced, not from Elasticsearch: the indexer's
    // bulks are large enough to land all N at once, long after the processor was done.
    const enriched = await tc.collect('mentionsEnriched');
    const first = startProcessor();
    const mid = await pollUntil('the processor to be part-way through', async () => enriched.length, (c) => c >= 200, { timeoutMs: 90_000, intervalMs: 20 });
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = enriched.length;
    expect(atKill).toBeLessThan(N); // really mid-stream
    startProcessor();
    await pollUntil(`all ${N} mentions indexed`, count, (c) => c >= N, { timeoutMs: 150_000, intervalMs: 500 });
    await search.es.indices.refresh({ index: search.names.mentions });
    expect(await count()).toBe(N);
    const ids = await search.es.search({ index: search.names.mentions, size: 0, aggs: { ids: { cardinality: { field: 'id', precision_threshold: 40000 } } } });
    expect((ids.aggregations!.ids as { value: number }).value).toBe(N);
    expect(mid).toBeGreaterThan(0);
  });
});
