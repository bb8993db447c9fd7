// Real parts: Kafka, Elasticsearch, the indexer module as `vigil start` composes it, the analysis library. Nothing is mocked.
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrichedMention, mentionId, type RawMention } from '@vigil/contracts';
import { createAnalyzer } from '@vigil/analysis';
import { SearchClient } from '@vigil/search';
import { AllInOneModule } from '../../apps/cli/src/start/all-in-one.module';
import { KafkaTestClient } from '../support/kafka-test-client';
import { pollUntil, testEnv } from '../support/test-env';

const TEXTS = [
  '鲜达外卖又送晚了一个多小时，饭菜全凉了，申请退款也不给退，客服电话一直打不通 13800138000',
  'FreshDash delivered my dinner cold again, the refund was rejected twice. I will report this to the BBB',
  '鲜达外卖 app crashed again！订单显示已送达但是根本没收到 order 100234',
  'great service and the rider was friendly 😀',
];

/**
 * The indexer writes each mentions.enriched message's bytes to Elasticsearch as they came, where
 * it used to write what the EnrichedMention schema parsed out of them, encoded again. For what
 * the processor writes (an analysed post) the stored documents must be the same as before; a
 * message pretty-printed over several lines must still be one bulk item; and a message the
 * indexer cannot place (not JSON, or without a valid id or date) still goes to the DLQ.
 */
describe('indexer: documents written from the message bytes are the ones the parsed objects gave', () => {
  const env = testEnv({ KAFKA_TOPIC_PARTITIONS: '1' }, { indices: ['mentions', 'corrections'] });
  const tc = new KafkaTestClient(env.KAFKA_BROKERS!, env.VIGIL_TOPIC_PREFIX!);
  const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  const analyzer = createAnalyzer();
  const now = Date.now();
  // Built as the processor builds a post with no watch configured.
  const posts: EnrichedMention[] = TEXTS.map((text, i) => {
    const raw: RawMention = {
      id: mentionId('web', `doc-${i}`), sourceId: 'web', sourceType: 'rss', channel: i % 2 ? 'review' : 'social', externalId: `doc-${i}`,
      text, truncated: false, publishedAt: new Date(now - i * 60_000).toISOString(), fetchedAt: new Date(now).toISOString(),
      ...(i === 1 ? { title: 'Cold dinner', rating: 1, author: { id: 'a1', name: 'Ann' }, meta: { likes: 3, pinned: false } } : {}),
    };
    const a = analyzer.analyze({ text: raw.text, title: raw.title, rating: raw.rating });
    return { ...raw, text: a.maskedText, title: raw.title === undefined ? undefined : a.maskedTitle, analysis: a.analysis, processedAt: new Date(now).toISOString() };
  });
  const pretty = posts[3];
  let app: INestApplicationContext | undefined;
  let dlq: { value: string }[];

  beforeAll(async () => {
    await tc.createTopics(['mentionsEnriched', 'dlq'], 1);
    dlq = await tc.collect('dlq');
    await search.ensureIndices(['mentions', 'corrections']);
    await tc.produce('mentionsEnriched', [
      ...posts.slice(0, 3).map((p) => ({ key: p.id, value: JSON.stringify(p) })),
      { key: pretty.id, value: JSON.stringify(pretty, null, 2) },
      { key: 'not-json', value: '{"id": "' },
      { key: 'no-date', value: JSON.stringify({ ...posts[0], id: mentionId('web', 'no-date'), publishedAt: undefined }) },
      { key: 'bad-id', value: JSON.stringify({ ...posts[0], id: 'not-a-mention-id' }) },
    ]);
    app = await NestFactory.createApplicationContext(AllInOneModule.forRoot(env, ['indexer']), { logger: false });
    await app.init();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await tc.close();
    await search.onApplicationShutdown();
  });

  it('stores each analysed post as the schema-parsed object, the pretty-printed one too', async () => {
    const stored = await pollUntil(
      'every post searchable',
      async () => {
        await search.es.indices.refresh({ index: search.names.mentions });
        return (await search.es.search<EnrichedMention>({ index: search.names.mentions, size: 100 })).hits.hits;
      },
      (hits) => hits.length >= posts.length,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const byId = new Map(stored.map((h) => [h._id, h._source]));
    expect([...byId.keys()].sort()).toEqual(posts.map((p) => p.id).sort());
    for (const p of posts) expect(byId.get(p.id)).toEqual(JSON.parse(JSON.stringify(EnrichedMention.parse(p))));
  }, 90_000);

  it('sets aside what it cannot place: not JSON, no date, a malformed id', async () => {
    await pollUntil('three messages in the DLQ', async () => dlq.length, (n) => n >= 3, { timeoutMs: 30_000, intervalMs: 250 });
    const errors = dlq.map((d) => (JSON.parse(d.value) as { error: string }).error).sort();
    expect(errors).toEqual([expect.stringMatching(/^not JSON/), expect.stringMatching(/^schema: id:/), expect.stringMatching(/^schema: publishedAt:/)]);
  }, 60_000);
});
