// Real parts: Kafka, Elasticsearch, the processor (real analysis), indexer and detector modules in
// one process as `vigil start` composes them. Posts enter mentions.raw as the collector writes them.
// Nothing is mocked.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterDoc, EnrichedMention, mentionId, type RawMention } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { DetectMentionsUseCase } from '../../apps/detector/src/detect-mentions.usecase';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function raw(externalId: string, text: string, publishedAt: number | string, fetchedAt = Date.now()): RawMention {
  return {
    id: mentionId('weibo', externalId), sourceId: 'weibo', sourceType: 'rss', channel: 'social', externalId,
    author: { id: `a-${externalId}`, name: `a-${externalId}` }, text, truncated: false,
    publishedAt: new Date(publishedAt).toISOString(), fetchedAt: new Date(fetchedAt).toISOString(),
  };
}

describe('event time: future posts clamped, old ones kept quiet, indices bounded, a moved post stays one (issue 20, items 2–4)', () => {
  const env = testEnv({ DETECTOR_TICK_MS: '0', KAFKA_TOPIC_PARTITIONS: '1', INDEXER_MONTHLY_INDICES: '6' });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  let app: INestApplicationContext;
  let dlq: { value: string }[];

  const send = (ms: RawMention[]) => tc.produce('mentionsRaw', ms.map((m) => ({ key: m.id, value: JSON.stringify(m) })));
  const docs = async (query: object = { match_all: {} }) => {
    await search.es.indices.refresh({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true });
    const r = await search.es.search<EnrichedMention>({ index: search.names.mentions, size: 1000, query, ignore_unavailable: true, allow_no_indices: true });
    return r.hits.hits.map((h) => ({ index: h._index, doc: h._source! }));
  };

  beforeAll(async () => {
    await tc.createTopics(['mentionsRaw', 'mentionsEnriched', 'signals', 'dlq'], 1);
    dlq = await tc.collect('dlq');
    app = await NestFactory.createApplicationContext(AllInOneModule.forRoot(env, ['processor', 'indexer', 'detector']), { logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await tc.close();
    await search.onApplicationShutdown();
  });

  it('a post dated 9999-12-31 is clamped to when it was collected, says why, and does not move the detector clock or evict clusters', async () => {
    const now = Date.now();
    const storm = Array.from({ length: 8 }, (_, i) => raw(`storm-${i}`, `鲜达外卖在阳光花园小区配送超时两小时，退款申请被拒绝，第${i + 1}户`, now - 40 * MIN + i * 3 * MIN));
    await send(storm);
    const clusters = async () => {
      await search.es.indices.refresh({ index: search.names.clusters, ignore_unavailable: true });
      const r = await search.es.search<ClusterDoc>({ index: search.names.clusters, size: 100, ignore_unavailable: true, allow_no_indices: true });
      return r.hits.hits.map((h) => h._source!);
    };
    await pollUntil('an active cluster', clusters, (cs) => cs.some((c) => c.status === 'active'), { timeoutMs: 60_000 });

    await send([raw('poison', '鲜达外卖阳光花园小区配送超时，退款被拒绝', '9999-12-31T23:59:59.000Z')]);
    const [poison] = await pollUntil('the poison post indexed', () => docs({ term: { externalId: 'poison' } }), (d) => d.length === 1, { timeoutMs: 30_000 });
    expect(poison.doc.eventTime).toMatchObject({ kind: 'future', claimedAt: '9999-12-31T23:59:59.000Z' });
    expect(poison.doc.eventTime!.reason).toMatch(/after it was collected/);
    expect(Math.abs(Date.parse(poison.doc.publishedAt) - Date.parse(poison.doc.fetchedAt))).toBeLessThan(1000);
    // The detector took it in (its snapshot was written after it) with its clock still near now.
    const detector = app.get(DetectMentionsUseCase, { strict: false });
    await pollUntil('the detector saw the poison post', async () => detector.stats().seen, (n) => n >= 9, { timeoutMs: 30_000 });
    expect(detector.stats().clock).toBeLessThanOrEqual(Date.now() + 5 * MIN);
    expect((await clusters()).filter((c) => c.status === 'evicted')).toEqual([]);
  });

  it('an old post is searchable but never reaches the detector', async () => {
    const seen = app.get(DetectMentionsUseCase, { strict: false }).stats().seen;
    await send([raw('old-1', '鲜达外卖阳光花园小区配送超时，退款被拒绝，三年前的事', Date.now() - 3 * 365 * DAY)]);
    const [old] = await pollUntil('the old post indexed', () => docs({ term: { externalId: 'old-1' } }), (d) => d.length === 1, { timeoutMs: 30_000 });
    expect(old.doc.eventTime).toMatchObject({ kind: 'old' });
    expect(old.index).toBe(`${env.VIGIL_INDEX_PREFIX}mentions-archive`);
    expect(app.get(DetectMentionsUseCase, { strict: false }).stats().seen).toBe(seen);
  });

  it('300 posts over 300 different months make a bounded set of indices, every one indexed, none in the DLQ', async () => {
    const base = new Date();
    const spread = Array.from({ length: 300 }, (_, i) => {
      const at = Date.UTC(base.getUTCFullYear(), base.getUTCMonth() - i, 10);
      return raw(`month-${i}`, `FreshDash order ${i} arrived cold`, at, at);
    });
    await send(spread);
    await pollUntil('all 300 indexed', () => docs({ prefix: { externalId: 'month-' } }), (d) => d.length === 300, { timeoutMs: 60_000 });
    const indices = Object.keys(await search.es.indices.get({ index: `${env.VIGIL_INDEX_PREFIX}mentions-*` }));
    expect(indices.length).toBeLessThanOrEqual(6 + 2);
    expect(dlq).toEqual([]);
  });

  it('the same post id with its time moved to other months stays one document, in the newest month', async () => {
    const now = Date.now();
    const versions = [now - 70 * DAY, now - 35 * DAY, now - DAY];
    // Back to back (within one refresh interval) and then once more after the first are searchable.
    await send(versions.slice(0, 2).map((t) => raw('moved', 'FreshDash refund still missing', t, t)));
    await pollUntil('the moved post indexed', () => docs({ term: { externalId: 'moved' } }), (d) => d.length >= 1, { timeoutMs: 30_000 });
    await send([raw('moved', 'FreshDash refund still missing (edited)', versions[2], versions[2])]);
    const copies = await pollUntil('one copy, the latest', () => docs({ term: { externalId: 'moved' } }), (d) => d.length === 1 && d[0].doc.text.includes('edited'), { timeoutMs: 30_000 });
    expect(copies[0].index).toBe(search.names.mentionsFor(new Date(versions[2]), { months: 6 }));
    expect(dlq).toEqual([]);
  });
});
