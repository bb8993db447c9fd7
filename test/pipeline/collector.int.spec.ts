// Real parts: Kafka, Elasticsearch, HTTP feeds served on 127.0.0.1. Nothing is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawMention } from '@vigil/contracts';
import { SourceStateReader } from '@vigil/search';
import { CollectorModule } from '../../apps/collector/src/collector.module';
import { loadCollectorConfig } from '../../apps/collector/src/collector.config';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TestFeedServer, rss } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';

describe('collector: feeds on 127.0.0.1 → mentions.raw', () => {
  const server = new TestFeedServer();
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let raw: { key: string | null; value: string }[];
  let app: INestApplicationContext | undefined;
  const goodItems = [
    { guid: 'g1', title: '退款失败', description: '鲜达外卖退款一直失败，客服不理人' },
    { guid: 'g2', title: 'Late again', description: 'FreshDash order late again. ' + 'x'.repeat(40_000) },
  ];

  const startCollector = async () => {
    app = await NestFactory.createApplicationContext(CollectorModule.forRoot(loadCollectorConfig(env)), { logger: false });
    await app.init();
  };
  const stopCollector = async () => {
    await app?.close();
    app = undefined;
  };

  beforeAll(async () => {
    await server.start();
    server.serve('/good.rss', rss(goodItems));
    server.serve('/malformed.rss', '<rss><channel><item><title>broken</item></rss');
    server.routes.set('/slow.rss', () => undefined); // never answers
    server.serve('/huge.rss', rss([{ guid: 'h', title: 'h', description: 'y'.repeat(300_000) }]));
    server.routes.set('/busy.rss', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-sources-'));
    const file = path.join(dir, 'sources.yaml');
    const src = (id: string, p: string) => `  - id: ${id}\n    type: rss\n    url: ${server.url}${p}\n    every: 1s\n`;
    fs.writeFileSync(file, `sources:\n${src('good', '/good.rss')}${src('malformed', '/malformed.rss')}${src('missing', '/missing.rss')}${src('slow', '/slow.rss')}${src('huge', '/huge.rss')}${src('busy', '/busy.rss')}`);
    env = testEnv({ SOURCES_FILE: file, COLLECTOR_ALLOW_HOSTS: `127.0.0.1:${new URL(server.url).port}`, FETCH_TIMEOUT_MS: '1000', FETCH_MAX_BYTES: '200000' });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    await startCollector();
    raw = await tc.collect('mentionsRaw');
  });

  afterAll(async () => {
    await stopCollector();
    await tc.close();
    await server.stop();
  });

  it('emits each good item once, an oversized one truncated and flagged', async () => {
    await pollUntil('two raw mentions', async () => raw, (r) => r.length >= 2);
    const mentions = raw.map((r) => RawMention.parse(JSON.parse(r.value)));
    expect(mentions.map((m) => m.externalId).sort()).toEqual(['g1', 'g2']);
    expect(mentions.find((m) => m.externalId === 'g2')).toMatchObject({ truncated: true, sourceId: 'good' });
    expect(raw.every((r, i) => r.key === mentions[i].id)).toBe(true);
  });

  it('records what is wrong with each bad source, and keeps polling the good one', async () => {
    const states = app!.get(SourceStateReader);
    const errorOf = async (id: string) => (await states.get(id))?.lastError ?? '';
    await pollUntil('errors recorded', async () => Promise.all(['malformed', 'missing', 'slow', 'huge', 'busy'].map(errorOf)), (e) => e.every(Boolean), { timeoutMs: 20_000 });
    expect(await errorOf('malformed')).toMatch(/malformed\.rss: not a readable RSS\/Atom feed/);
    expect(await errorOf('missing')).toMatch(/missing\.rss: HTTP 404/);
    expect(await errorOf('slow')).toMatch(/timed out after 1000 ms/);
    expect(await errorOf('huge')).toMatch(/over the 200000-byte cap/);
    expect(await errorOf('busy')).toMatch(/HTTP 429/);
    const hitsBefore = server.hits.get('/good.rss') ?? 0;
    await pollUntil('good source polled again', async () => server.hits.get('/good.rss') ?? 0, (n) => n > hitsBefore, { timeoutMs: 10_000 });
    // The 429 asked for an hour: one request, not one per second.
    expect(server.hits.get('/busy.rss')).toBe(1);
  });

  it('after a restart emits only what is new', async () => {
    await stopCollector();
    server.serve('/good.rss', rss([...goodItems, { guid: 'g3', title: 'new', description: '又超时了，我要投诉到12315' }]));
    await startCollector();
    await pollUntil('the new item', async () => raw, (r) => r.length >= 3);
    // Give the collector several more polls to (wrongly) re-emit old items.
    const polls = server.hits.get('/good.rss') ?? 0;
    await pollUntil('three more polls', async () => server.hits.get('/good.rss') ?? 0, (n) => n >= polls + 3, { timeoutMs: 15_000 });
    expect(raw.map((r) => RawMention.parse(JSON.parse(r.value)).externalId).sort()).toEqual(['g1', 'g2', 'g3']);
  });
});
