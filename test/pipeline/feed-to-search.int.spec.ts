// Real parts: Kafka, Elasticsearch, every app (collector, processor, indexer, api) in
// one process as `npm start` runs them, a feed served on 127.0.0.1. Nothing is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetter } from '@vigil/contracts';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TestFeedServer, rss } from '../support/feed-server';
import { pollUntil, testEnv } from '../support/test-env';

describe('end to end: a feed on 127.0.0.1 becomes searchable through the API', () => {
  const server = new TestFeedServer();
  let app: INestApplication;
  let api: string;
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let token: string;

  beforeAll(async () => {
    await server.start();
    server.serve(
      '/brand.rss',
      rss([
        { guid: 'a1', title: '鲜达外卖投诉', description: '鲜达外卖又送晚了两个小时，退款申请还被拒绝，我要打12315投诉！联系电话13812345678', author: '张女士', pubDate: 'Mon, 23 Nov 2026 08:00:00 GMT' },
        { guid: 'a2', title: 'FreshDash', description: 'FreshDash refund rejected again, worst service ever. I will sue.', author: 'mike', pubDate: 'Mon, 23 Nov 2026 09:00:00 GMT' },
        { guid: 'a3', title: '好评', description: '今天的午饭送得很快，味道很好', author: '小王', pubDate: 'Sun, 22 Nov 2026 12:00:00 GMT' },
      ]),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
    fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n  - id: brand\n    type: rss\n    url: ${server.url}/brand.rss\n    every: 2s\n    channel: social\n`);
    env = testEnv({ SOURCES_FILE: path.join(dir, 'sources.yaml'), COLLECTOR_ALLOW_HOSTS: `127.0.0.1:${new URL(server.url).port}`, API_PORT: '0', VIGIL_ADMIN_PASSWORD: 'e2e-admin-password', REPORT_TICK_MS: '0' });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    app = await NestFactory.create(AllInOneModule.forRoot(env), { logger: false });
    await app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    // Search needs a signed-in user: the admin made at first start.
    const login = await fetch(`${api}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'e2e-admin-password' }) });
    token = ((await login.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await app?.close();
    await tc?.close();
    await server.stop();
  });

  const search = async (query: string) => {
    const r = await fetch(`${api}/api/mentions/search?${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: (await r.json()) as { total: number; hits: { id: string; text: string; analysis: { language: string; sentiment: { label: string } } }[]; aggregations: Record<string, { key: string; count: number }[]> } };
  };

  it('finds the posts by Chinese and English words, with language, masking and counts', async () => {
    const all = await pollUntil('three mentions searchable', () => search('size=10'), (r) => r.body.total === 3, { timeoutMs: 60_000 });
    expect(all.status).toBe(200);
    const zh = await search(`q=${encodeURIComponent('退款')}`);
    expect(zh.body.hits.map((h) => h.analysis.language)).toEqual(['zh']);
    // The phone number is masked before it is stored.
    expect(zh.body.hits[0].text).not.toContain('13812345678');
    expect(zh.body.hits[0].analysis.sentiment.label).toBe('negative');
    const en = await search('q=refund&language=en');
    expect(en.body.total).toBe(1);
    expect((await search('q=refund&language=zh')).body.total).toBe(0);
    expect(all.body.aggregations.perDay.map((b) => b.count).sort()).toEqual([1, 2]);
    expect(all.body.aggregations.perSource).toEqual([{ key: 'brand', count: 3 }]);
    const day = await search('from=2026-11-23T00:00:00Z&to=2026-11-23T23:59:59Z');
    expect(day.body.total).toBe(2);
  });

  it('refuses a search without credentials', async () => {
    expect((await fetch(`${api}/api/mentions/search?q=x`)).status).toBe(401);
  });

  it('answers a bad query with a 400 naming the field', async () => {
    const r = await search('size=1000&from=yesterday');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/"field":"size"/);
    expect(JSON.stringify(r.body)).toMatch(/"field":"from"/);
  });

  it('sets a message that fails validation aside in the DLQ and keeps the pipeline going', async () => {
    const dlq = await tc.collect('dlq');
    await tc.produce('mentionsRaw', [{ key: 'bad', value: JSON.stringify({ id: 'nope', text: 42 }) }]);
    const letters = await pollUntil('a dead letter', async () => dlq, (d) => d.length >= 1);
    const letter = DeadLetter.parse(JSON.parse(letters[0].value));
    expect(letter).toMatchObject({ sourceTopic: tc.topic('mentionsRaw'), key: 'bad' });
    expect(letter.error).toMatch(/id: mention id must be 32 hex/);
    server.serve('/brand.rss', rss([{ guid: 'a4', title: 'again', description: 'Still no refund from FreshDash', pubDate: 'Mon, 23 Nov 2026 10:00:00 GMT' }]));
    await pollUntil('the next post searchable', () => search('q=still'), (r) => r.body.total === 1, { timeoutMs: 30_000 });
  });

  it('reports health of its dependencies', async () => {
    const r = await fetch(`${api}/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', checks: [{ name: 'kafka', healthy: true }, { name: 'elasticsearch', healthy: true }] });
  });
});
