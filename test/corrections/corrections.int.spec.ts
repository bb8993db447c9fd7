// Real parts: Kafka, Elasticsearch, the api module (HTTP on 127.0.0.1) and the indexer module.
// Nothing is mocked: a correction goes api → mentions.corrections → indexer → Elasticsearch,
// and the post is read back through the api's search as an analyst would.
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrichedMention, StoredCorrection } from '@vigil/contracts';
import { IndexerModule } from '../../apps/indexer/src/indexer.module';
import { loadIndexerConfig } from '../../apps/indexer/src/indexer.config';
import { startApi, type ApiKit } from '../support/api-kit';
import { KafkaTestClient } from '../support/kafka-test-client';
import { mentionFactory } from '../support/mention-factory';
import { pollUntil, testEnv } from '../support/test-env';

type Hit = EnrichedMention & { highlight?: unknown };

describe('analysts correct a post: stored with its audit trail, applied at once, kept when the post is indexed again', () => {
  const env = testEnv({ VIGIL_ADMIN_PASSWORD: 'admin-password-1', API_JWT_SECRET: 'c'.repeat(40) });
  let api: ApiKit;
  let indexer: INestApplication;
  let tc: KafkaTestClient;
  let admin: string;
  let analyst: string;
  // The model said negative with the category "refund"; the analyst disagrees.
  const post = mentionFactory('corr-1', { text: '退款当天就到账了，客服也很耐心', publishedAt: new Date(Date.now() - 60_000).toISOString() }, {
    language: 'zh', sentiment: { label: 'negative', score: -0.4, confidence: 0.6 }, categories: [{ id: 'refund', confidence: 0.8 }],
  });
  const other = mentionFactory('corr-2', { text: 'FreshDash refund rejected again', publishedAt: new Date(Date.now() - 120_000).toISOString() });

  const send = async (path: string, token: string | undefined, body: unknown) => {
    const r = await fetch(`${api.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const byId = async (id: string) => ((await api.get(`/api/mentions/by-ids?ids=${id}`, analyst)).body.mentions as EnrichedMention[])[0];
  const enrich = (m: EnrichedMention) => tc.produce('mentionsEnriched', [{ key: m.id, value: JSON.stringify(m) }]);

  beforeAll(async () => {
    tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
    indexer = await NestFactory.create(IndexerModule.forRoot(loadIndexerConfig(env)), { logger: false });
    await indexer.init();
    api = await startApi(env);
    admin = await api.login('admin', 'admin-password-1');
    for (const [username, role] of [['ana', 'analyst'], ['vic', 'viewer']]) {
      const r = await send('/api/users', admin, { username, role, password: `${username}-password-1` });
      expect(r.status).toBe(201);
    }
    analyst = await api.login('ana', 'ana-password-1');
    await enrich(post);
    await enrich(other);
    await pollUntil('both posts indexed', () => api.get(`/api/mentions/by-ids?ids=${post.id},${other.id}`, analyst), (r) => (r.body.missing as string[] | undefined)?.length === 0, { timeoutMs: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await indexer?.close();
    await tc?.close();
  });

  it('refuses a viewer (403), an unknown post (404), a bad id or an empty or wrong body (400, naming the field)', async () => {
    expect((await send(`/api/mentions/${post.id}/corrections`, undefined, { sentiment: 'positive' })).status).toBe(401);
    expect((await send(`/api/mentions/${post.id}/corrections`, await api.login('vic', 'vic-password-1'), { sentiment: 'positive' })).status).toBe(403);
    expect((await send(`/api/mentions/${'f'.repeat(32)}/corrections`, analyst, { sentiment: 'positive' })).status).toBe(404);
    expect((await send('/api/mentions/not-an-id/corrections', analyst, { sentiment: 'positive' })).status).toBe(400);
    const empty = await send(`/api/mentions/${post.id}/corrections`, analyst, {});
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/needs a sentiment, categories, an emotion or risk cues/);
    const wrong = await send(`/api/mentions/${post.id}/corrections`, analyst, { sentiment: 'glad', categories: ['<b>'], emotion: 'furious', riskCues: ['regulator', 'gossip'] });
    expect(wrong.status).toBe(400);
    expect((wrong.body.issues as { field: string }[]).map((i) => i.field).sort()).toEqual(['categories.0', 'emotion', 'riskCues.1', 'sentiment']);
    // Nothing was accepted: the trail is empty and the post unchanged.
    expect((await api.get(`/api/mentions/${post.id}/corrections`, analyst)).body.corrections).toEqual([]);
    expect((await byId(post.id)).analysis.sentiment.label).toBe('negative');
  });

  it('shows the corrected sentiment in the post, in search filters and in the aggregations, with the model answer beside it and the audit trail', async () => {
    const r = await send(`/api/mentions/${post.id}/corrections`, analyst, { sentiment: 'positive' });
    expect(r.status).toBe(202);
    const sent = r.body.correction as StoredCorrection;
    expect(sent).toMatchObject({ mentionId: post.id, sentiment: 'positive', by: 'ana', language: 'zh', previous: { sentiment: 'negative', categories: ['refund'] } });
    const m = await pollUntil('the correction applied', () => byId(post.id), (x) => x.correction?.id === sent.id, { timeoutMs: 30_000 });
    expect(m.analysis.sentiment).toEqual({ label: 'positive', score: 1, confidence: 1 });
    expect(m.correction).toMatchObject({ by: 'ana', sentiment: 'positive', original: { sentiment: { label: 'negative', score: -0.4 }, categories: [{ id: 'refund' }] } });
    // Search and analytics read the corrected value (no reprocessing, no second document).
    const found = await api.get('/api/mentions/search?sentiment=positive&size=10', analyst);
    expect((found.body.hits as Hit[]).map((h) => h.id)).toContain(post.id);
    const neg = await api.get('/api/mentions/search?sentiment=negative&size=10', analyst);
    expect((neg.body.hits as Hit[]).map((h) => h.id)).not.toContain(post.id);
    const aggs = (found.body.aggregations as { perSentiment: { key: string; count: number }[] }).perSentiment;
    expect(aggs).toContainEqual({ key: 'positive', count: 1 });
    const trail = (await api.get(`/api/mentions/${post.id}/corrections`, analyst)).body.corrections as StoredCorrection[];
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ id: sent.id, by: 'ana', sentiment: 'positive', previous: { sentiment: 'negative' }, text: post.text });
  });

  it('a later correction of the categories keeps the corrected sentiment and the model answer; the trail keeps both', async () => {
    const r = await send(`/api/mentions/${post.id}/corrections`, analyst, { categories: ['service_attitude'] });
    expect(r.status).toBe(202);
    const sent = r.body.correction as StoredCorrection;
    expect(sent).toMatchObject({ sentiment: 'positive', categories: ['service_attitude'], previous: { sentiment: 'positive', categories: ['refund'] } });
    const m = await pollUntil('the second correction applied', () => byId(post.id), (x) => x.correction?.id === sent.id);
    expect(m.analysis.sentiment.label).toBe('positive');
    expect(m.analysis.categories).toEqual([{ id: 'service_attitude', confidence: 1 }]);
    expect(m.correction?.original).toMatchObject({ sentiment: { label: 'negative' }, categories: [{ id: 'refund' }] });
    const cats = await api.get('/api/mentions/search?size=10', analyst);
    expect((cats.body.aggregations as { perCategory: { key: string; count: number }[] }).perCategory).toContainEqual({ key: 'service_attitude', count: 1 });
    const trail = (await api.get(`/api/mentions/${post.id}/corrections`, analyst)).body.corrections as StoredCorrection[];
    expect(trail.map((c) => c.id)).toEqual([sent.id, expect.any(String)]);
  });

  it('corrects the emotion and the risk cues: the risk score is scored again, the earlier sentiment and categories stay', async () => {
    const r = await send(`/api/mentions/${post.id}/corrections`, analyst, { emotion: 'calm', riskCues: ['regulator'] });
    expect(r.status).toBe(202);
    const sent = r.body.correction as StoredCorrection;
    expect(sent).toMatchObject({ sentiment: 'positive', categories: ['service_attitude'], emotion: 'calm', riskCues: ['regulator'], previous: { emotion: 'angry', riskCues: [] } });
    const m = await pollUntil('the third correction applied', () => byId(post.id), (x) => x.correction?.id === sent.id);
    expect(m.analysis.emotion).toEqual({ level: 'calm', intensity: 0 });
    expect(m.analysis.riskCues).toEqual([{ kind: 'regulator', evidence: 'marked by ana', start: 0, end: 0, confidence: 1 }]);
    expect(m.analysis.riskScore).toBe(25);
    expect(m.analysis.sentiment.label).toBe('positive');
    expect(m.correction?.original).toMatchObject({ sentiment: { label: 'negative' }, emotion: { level: 'angry' }, riskCues: [] });
  });

  it('keeps the correction when the post is processed and indexed again (re-poll, replay)', async () => {
    const again: EnrichedMention = { ...post, processedAt: new Date(Date.now() + 1000).toISOString() };
    await enrich(again);
    const m = await pollUntil('the post indexed again', () => byId(post.id), (x) => x.processedAt === again.processedAt);
    expect(m.analysis.sentiment.label).toBe('positive');
    expect(m.analysis.categories.map((c) => c.id)).toEqual(['service_attitude']);
    expect(m.analysis.emotion.level).toBe('calm');
    expect(m.analysis.riskCues.map((c) => c.kind)).toEqual(['regulator']);
    expect(m.correction?.original.sentiment.label).toBe('negative');
    // The other post was never corrected and shows the model's answer.
    expect((await byId(other.id)).correction).toBeUndefined();
  });
});
