// Real parts: Kafka, Elasticsearch (reached through a TCP relay the test can cut), the collector,
// processor and indexer modules in one process as `vigil start` composes them, the collector's
// HTTP server (intake, /health) and an RSS feed on 127.0.0.1. Nothing is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchClient } from '@vigil/search';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { CollectorMetrics } from '../../apps/collector/src/metrics/collector-metrics';
import { createIntakeKey } from '../../apps/collector/src/intake/intake-keys';
import { TestFeedServer, rss } from '../support/feed-server';
import { TcpProxy } from '../support/tcp-proxy';
import { pollUntil, testEnv } from '../support/test-env';

describe('Elasticsearch going away and coming back (issue 20, item 1)', () => {
  const feed = new TestFeedServer();
  const key = createIntakeKey('fault-test');
  const rejections: unknown[] = [];
  const onRejection = (e: unknown) => rejections.push(e);
  let proxy: TcpProxy;
  let app: INestApplication;
  let base = '';
  let direct: SearchClient;

  const push = (id: string) =>
    fetch(`${base}/api/intake/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ id, text: `配送又超时了 ${id}`, time: new Date().toISOString() }),
    });
  const indexedIntake = async () => {
    await direct.es.indices.refresh({ index: direct.names.mentions, ignore_unavailable: true, allow_no_indices: true });
    const r = await direct.es.search({ index: direct.names.mentions, size: 0, query: { term: { sourceId: 'intake-form' } }, aggs: { ids: { cardinality: { field: 'id' } } }, ignore_unavailable: true, allow_no_indices: true, track_total_hits: true });
    return { docs: (r.hits.total as { value: number }).value, distinct: (r.aggregations?.ids as { value: number } | undefined)?.value ?? 0 };
  };
  const failedPolls = async () => {
    const m = await app.get(CollectorMetrics).registry.getSingleMetric('vigil_collector_polls_total')!.get();
    return m.values.filter((v) => v.labels.outcome === 'error').reduce((a, v) => a + v.value, 0);
  };
  const health = async () => {
    const started = Date.now();
    const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(15_000) });
    return { status: r.status, ms: Date.now() - started };
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    const env0 = testEnv();
    proxy = await TcpProxy.forUrl(env0.ELASTICSEARCH_URL!).start();
    await feed.start();
    feed.serve('/news.rss', rss([{ guid: 'n1', title: '鲜达外卖', description: '鲜达外卖今天又迟到了' }]));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-fault-'));
    const file = path.join(dir, 'sources.yaml');
    fs.writeFileSync(file, `sources:\n  - { id: news, type: rss, url: "${feed.url}/news.rss", every: 1s }\n`);
    const env = { ...env0, ELASTICSEARCH_URL: proxy.url, SOURCES_FILE: file, COLLECTOR_ALLOW_HOSTS: `127.0.0.1:${new URL(feed.url).port}`, INTAKE_API_KEYS: key.entry, KAFKA_TOPIC_PARTITIONS: '1' };
    direct = new SearchClient({ node: env0.ELASTICSEARCH_URL!, indexPrefix: env0.VIGIL_INDEX_PREFIX! });
    app = await NestFactory.create(AllInOneModule.forRoot(env, ['collector', 'processor', 'indexer']), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await app?.close();
    await proxy?.stop();
    await feed.stop();
    await direct?.onApplicationShutdown();
  });

  it('keeps running while Elasticsearch is gone, answers /health at once, and indexes every accepted post once it is back', async () => {
    for (let i = 0; i < 40; i++) expect((await push(`before-${i}`)).status).toBe(202);
    await pollUntil('the first 40 indexed', indexedIntake, (c) => c.distinct === 40, { timeoutMs: 60_000 });

    await proxy.cut();
    for (let i = 0; i < 60; i++) expect((await push(`during-${i}`)).status).toBe(202);
    const hits = feed.hits.get('/news.rss') ?? 0;
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.ms).toBeLessThan(6_000);
    // Polls fail meanwhile (no cursor to read), and are counted as failed polls, not lost with the scheduler.
    await pollUntil('two failed polls', failedPolls, (n) => n >= 2, { timeoutMs: 60_000 });

    await proxy.start();
    // The scheduler lived through it: the feed is polled again without a restart.
    await pollUntil('polls again after Elasticsearch is back', async () => feed.hits.get('/news.rss') ?? 0, (n) => n >= hits + 2, { timeoutMs: 40_000 });
    await pollUntil('all 100 indexed once', indexedIntake, (c) => c.distinct === 100, { timeoutMs: 90_000 });
    expect(await indexedIntake()).toEqual({ docs: 100, distinct: 100 });
    await pollUntil('healthy again', health, (h) => h.status === 200, { timeoutMs: 30_000 });
    expect(rejections.map((e) => String((e as Error)?.message ?? e))).toEqual([]);
  });
});
