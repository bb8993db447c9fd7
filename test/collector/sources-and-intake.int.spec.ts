// Real parts: Kafka, Elasticsearch, the collector's HTTP server (intake, /metrics), and a Mastodon-like
// and an App Store-like server on 127.0.0.1 answering in their real wire formats. Nothing is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintReference, mentionId, RawMention } from '@vigil/contracts';
import { applyHttpSecurity, DataKeyRing, readProgressToken } from '@vigil/common';
import { SourceStateReader } from '@vigil/search';
import { CollectorModule } from '../../apps/collector/src/collector.module';
import { loadCollectorConfig } from '../../apps/collector/src/collector.config';
import { createIntakeKey } from '../../apps/collector/src/intake/intake-keys';
import { compareIds, type MastodonStatus } from '../../apps/collector/src/sources/mastodon/mastodon-status';
import { KafkaTestClient } from '../support/kafka-test-client';
import { TestFeedServer } from '../support/feed-server';
import { fixture } from '../support/collector-kit';
import { pollUntil, testEnv } from '../support/test-env';

describe('collector: App Store, Mastodon and intake → mentions.raw, with health', () => {
  const server = new TestFeedServer();
  const key = createIntakeKey('web-form');
  const dataKeys = DataKeyRing.generateEntry('k1');
  const scraper = createIntakeKey('prometheus');
  const all: MastodonStatus[] = JSON.parse(fixture('mastodon/tag-freshdash.json'));
  let timeline = all.filter((s) => compareIds(s.id, '113500000000000103') <= 0);
  let env: NodeJS.ProcessEnv;
  let tc: KafkaTestClient;
  let raw: { key: string | null; value: string }[];
  let app: INestApplication | undefined;
  let base = '';

  const start = async () => {
    app = await NestFactory.create(CollectorModule.forRoot(loadCollectorConfig(env)), { logger: false });
    applyHttpSecurity(app); // as the collector's main.ts does
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  };
  const mentions = () => raw.map((r) => RawMention.parse(JSON.parse(r.value)));
  const push = (channel: string, body: unknown, auth = `Bearer ${key.key}`) =>
    fetch(`${base}/api/intake/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    await server.start();
    server.routes.set('/api/v1/timelines/tag/FreshDash', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const u = new URL(req.url!, server.url);
      const minId = u.searchParams.get('min_id');
      const limit = Number(u.searchParams.get('limit'));
      const asc = [...timeline].sort((a, b) => compareIds(a.id, b.id));
      const page = (minId ? asc.filter((s) => compareIds(s.id, minId) > 0).slice(0, limit) : asc.slice(-limit)).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    });
    server.serve('/gb/rss/customerreviews/page=1/id=1510826067/sortby=mostrecent/json', fixture('appstore/1510826067_gb_1.json'), 'application/json');
    server.serve('/gb/rss/customerreviews/page=2/id=1510826067/sortby=mostrecent/json', fixture('appstore/1510826067_gb_2.json'), 'application/json');
    server.routes.set('/down.json', (_q, res) => res.writeHead(503).end());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-sources-'));
    const file = path.join(dir, 'sources.yaml');
    fs.writeFileSync(
      file,
      `sources:
  - { id: masto, type: mastodon, instance: "${server.url}", hashtag: FreshDash, limit: 40, every: 1s }
  - { id: appstore-gb, type: appstore, appId: 1510826067, country: gb, baseUrl: "${server.url}", every: 1h }
  - { id: down, type: json, url: "${server.url}/down.json", every: 1s, fields: { id: id, text: text } }
hosts:
  "127.0.0.1": { rate: 20 }
`,
    );
    env = testEnv({ SOURCES_FILE: file, COLLECTOR_ALLOW_HOSTS: `127.0.0.1:${new URL(server.url).port}`, FETCH_TIMEOUT_MS: '1000', INTAKE_API_KEYS: key.entry, INTAKE_MAX_BYTES: '4096', METRICS_TOKENS: scraper.entry, VIGIL_DATA_KEYS: dataKeys });
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    await start();
    raw = await tc.collect('mentionsRaw');
  });

  afterAll(async () => {
    await app?.close();
    await tc.close();
    await server.stop();
  });

  it('emits App Store reviews and the latest Mastodon page, in the raw-mention contract', async () => {
    await pollUntil('7 mentions', async () => raw, (r) => r.length >= 7);
    const byId = new Map(mentions().map((m) => [m.externalId, m]));
    expect(byId.get('6504352127')).toMatchObject({ sourceType: 'appstore', channel: 'appstore', rating: 5, meta: { appVersion: '1.1.0' } });
    expect(byId.get('113500000000000102')).toMatchObject({ sourceType: 'mastodon', channel: 'social', langHint: 'zh', author: { followers: 3400 } });
  });

  it('intake: 401 without a valid key, 400 naming bad fields, 413 when oversized, one mention id for a repeated caller id', async () => {
    const body = { id: 'form-42', text: '阳光花园小区退款失败，老人等了两小时', time: new Date().toISOString(), author: { name: '孙女士' }, contact: { phone: '13800138000' } };
    expect((await push('form', body, 'Bearer nope')).status).toBe(401);
    expect((await push('form', body, '')).status).toBe(401);
    const bad = await push('form', { id: '', text: 'x', time: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual(['id', 'time']);
    expect((await push('fax', body)).status).toBe(400);
    // A form post is refused before it is parsed (issue 20, item 9).
    const form = await fetch(`${base}/api/intake/form`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${key.key}` }, body: 'id=f1&text=hello&time=2026-11-23T08:00:00Z' });
    expect(form.status).toBe(415);
    expect((await push('form', { ...body, text: '退'.repeat(3000) })).status).toBe(413);

    const first = await push('form', body);
    const second = await push('form', body);
    expect([first.status, second.status]).toEqual([202, 202]);
    type Accepted = { mentionId: string; duplicate: boolean; reference: string; progressPath: string };
    const a = (await first.json()) as Accepted;
    const b = (await second.json()) as Accepted;
    const id = mentionId('intake-form', 'form-42');
    expect(a).toEqual({ mentionId: id, duplicate: false, reference: complaintReference(id), progressPath: expect.stringMatching(/^\/p\/[A-Za-z0-9_-]{43}$/) });
    expect(b).toEqual({ ...a, duplicate: true });
    const ring = DataKeyRing.parse(dataKeys);
    expect(readProgressToken(ring, a.progressPath.slice(3))).toBe(id);
    const [msg] = await pollUntil('the intake message on Kafka', async () => raw.filter((r) => r.value.includes('form-42')), (l) => l.length >= 1);
    // The phone and the full name never travel in the clear: sealed before Kafka, bound to the mention id.
    expect(msg!.value).not.toContain('13800138000');
    expect(msg!.value).not.toContain('孙女士');
    const m = RawMention.parse(JSON.parse(msg!.value));
    expect(m).toMatchObject({ id, channel: 'form', externalId: 'form-42', author: { name: '孙**' }, contact: { fields: ['name', 'phone'] } });
    expect(ring.open(m.contact!.box, `contact:${id}`)).toEqual({ name: '孙女士', phone: '13800138000' });
    // What the customer wrote into the text is masked before mentions.raw too (issue 20, item 11).
    expect((await push('form', { id: 'form-43', text: '退款失败，请打 13900139000 或写信到 li.na@example.com', time: new Date().toISOString() })).status).toBe(202);
    const [typed] = await pollUntil('the typed-in contact on Kafka', async () => raw.filter((r) => r.value.includes('form-43')), (l) => l.length >= 1);
    expect(typed!.value).not.toContain('13900139000');
    expect(typed!.value).not.toContain('li.na@example.com');
    expect(RawMention.parse(JSON.parse(typed!.value))).toMatchObject({ text: expect.stringContaining('139****9000'), piiKinds: expect.arrayContaining(['phone', 'email']) });
  });

  it('records an open coverage gap for a failing source and shows it in health and /metrics', async () => {
    const states = app!.get(SourceStateReader);
    // Also until the App Store's state is written: it is saved after its mentions were sent, so it may come a moment after them.
    const health = await pollUntil('down failing, the App Store recorded', () => states.health(new Date()), (h) => h.find((x) => x.sourceId === 'down')?.status === 'failing' && h.some((x) => x.sourceId === 'appstore-gb'));
    const down = health.find((x) => x.sourceId === 'down')!;
    expect(down.gaps).toEqual([expect.objectContaining({ open: true, reason: expect.stringMatching(/error: GET .*down\.json: HTTP 503/) })]);
    expect(health.find((x) => x.sourceId === 'appstore-gb')).toMatchObject({ status: 'ok', itemsLastHour: 4, gaps: [] });
    // /metrics is behind a scrape token (issue 20, item 11).
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${key.key}` } })).status).toBe(401);
    const metrics = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${scraper.key}` } })).text();
    expect(metrics).toMatch(/vigil_source_open_gap\{source="down"\} 1/);
    expect(metrics).toMatch(/vigil_source_items_last_hour\{source="appstore-gb"\} 4/);
    expect(metrics).toMatch(/vigil_intake_messages_total\{channel="form",duplicate="true"\} 1/);
  });

  it('after a restart reads Mastodon on from its cursor: no re-emit, no skip', async () => {
    await app!.close();
    app = undefined;
    timeline = all;
    await start();
    const want = all.map((s) => s.id).sort();
    await pollUntil('all statuses', async () => mentions().filter((m) => m.sourceId === 'masto'), (l) => l.length >= want.length);
    const polls = server.hits.get('/api/v1/timelines/tag/FreshDash') ?? 0;
    await pollUntil('two more polls', async () => server.hits.get('/api/v1/timelines/tag/FreshDash') ?? 0, (n) => n >= polls + 2, { timeoutMs: 10_000 });
    expect(mentions().filter((m) => m.sourceId === 'masto').map((m) => m.externalId).sort()).toEqual(want);
  });
});
