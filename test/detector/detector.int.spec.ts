// Real parts: Kafka, Elasticsearch, the detector app, the analysis library (posts are
// analysed for real before they enter mentions.enriched). Nothing is mocked.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '@vigil/analysis';
import { ClusterDoc, mentionId, Signal, type EnrichedMention } from '@vigil/contracts';
import { SearchClient } from '@vigil/search';
import { DetectorModule } from '../../apps/detector/src/detector.module';
import { loadDetectorConfig } from '../../apps/detector/src/detector.config';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';

const analyzer = createAnalyzer();
const T0 = Date.parse('2026-11-23T10:00:00Z');
const ISSUES = ['配送超时一个多小时，退款申请被拒绝', '外卖超时两小时没送到，退款一直失败', '订单超时不送，申请退款被驳回', '超时送达饭菜全凉，退款失败客服不理'];

function post(i: number, author: string, text: string, minutes: number): EnrichedMention {
  const externalId = `storm-${i}`;
  const a = analyzer.analyze({ text });
  const at = new Date(T0 + minutes * 60_000).toISOString();
  return {
    id: mentionId('weibo', externalId), sourceId: 'weibo', sourceType: 'rss', channel: 'social', externalId,
    author: { id: author, name: author, followers: 200 + i * 37 }, text: a.maskedText, truncated: false,
    publishedAt: at, fetchedAt: at, processedAt: at, analysis: a.analysis,
  };
}

/** Fifteen households of one compound, one complaint each, over 30 minutes. */
const storm = Array.from({ length: 15 }, (_, i) => post(i, `阳光花园业主${i}`, `鲜达外卖在阳光花园小区${ISSUES[i % ISSUES.length]}，我们小区好几户都这样`, i * 2));

describe('detector: a group complaint forms, survives a restart, and is signalled once', () => {
  const env = testEnv({ DETECTOR_TICK_MS: '0' });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  let app: INestApplicationContext | undefined;
  let signals: { key: string | null; value: string }[];

  const start = async () => {
    app = await NestFactory.createApplicationContext(DetectorModule.forRoot(loadDetectorConfig(env)), { logger: false });
    await app.init();
  };
  const send = (ms: EnrichedMention[]) => tc.produce('mentionsEnriched', ms.map((m) => ({ key: m.id, value: JSON.stringify(m) })));
  const parsed = () => signals.map((s) => Signal.parse(JSON.parse(s.value)));

  beforeAll(async () => {
    await tc.createTopics(['mentionsEnriched', 'signals', 'dlq']);
    signals = await tc.collect('signals');
    await start();
  });
  afterAll(async () => {
    await app?.close();
    await tc.close();
  });

  it('signals a new cluster from the first handful of posts', async () => {
    await send(storm.slice(0, 6));
    await pollUntil('a cluster_new signal', async () => parsed(), (s) => s.some((x) => x.kind === 'cluster_new'), { timeoutMs: 30_000 });
  });

  it('after a restart mid-storm, goes on with the same cluster and signals a group complaint once', async () => {
    await app!.close();
    await start();
    // A replay of what was already processed must not count twice nor signal again.
    await send(storm.slice(0, 6));
    await send(storm.slice(6));
    const all = await pollUntil('a group_complaint signal', async () => parsed(), (s) => s.some((x) => x.kind === 'group_complaint'), { timeoutMs: 30_000 });
    const group = all.find((s) => s.kind === 'group_complaint')!;
    expect(group.groupComplaint?.nature).toBe('organic');
    expect(group.metrics.distinctAuthors).toBeGreaterThanOrEqual(5);
    // Every signal of the storm, before and after the restart, is about one cluster.
    expect(new Set(all.filter((s) => s.clusterId).map((s) => s.clusterId))).toEqual(new Set([group.clusterId]));
    expect(group.places.join(' ')).toContain('阳光花园');
    // One cluster carries the storm, and it is searchable.
    const search = app!.get(SearchClient);
    await search.es.indices.refresh({ index: search.names.clusters });
    const r = await search.es.search<ClusterDoc>({ index: search.names.clusters, query: { term: { places: group.places[0] } } });
    expect(r.hits.hits.map((h) => h._id)).toContain(group.clusterId);
    const doc = await pollUntil('the cluster holds all 15 posts, each once', async () => {
      await search.es.indices.refresh({ index: search.names.clusters });
      return (await search.es.get<ClusterDoc>({ index: search.names.clusters, id: group.clusterId! }))._source!;
    }, (d) => d.size === 15 && d.distinctAuthors === 15);
    // The document explains its current severity (the dashboard shows it; signals are not stored).
    const severity = ClusterDoc.parse(doc).severity!;
    expect(severity.factors).toContainEqual(expect.objectContaining({ factor: 'distinct_authors', value: 15, note: '15 distinct authors' }));
    expect(severity.score).toBeCloseTo(Math.min(100, severity.factors.reduce((s, f) => s + f.contribution, 0)), 0);
  });

  it('never emits the same signal id twice', async () => {
    await send(storm); // everything again
    await new Promise((r) => setTimeout(r, 3000)); // give a duplicate the chance to appear
    const ids = parsed().map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
