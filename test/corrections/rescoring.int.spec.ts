// Real parts: Kafka (mentions.rescored, a real consumer group), Elasticsearch (mentions, the
// published models: only these two are made) and the indexer's consumer and use case; the
// processor's re-scoring use case with its model follower and the analysis library. The posts are
// seeded as the indexer stores them, so each one's _version counts its writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, shippedSentimentModels, toDeploymentModels } from '@vigil/analysis';
import type { EnrichedMention } from '@vigil/contracts';
import { ConsumerFactory, KafkaClient, MessageProducer } from '@vigil/kafka';
import { AnalysisModelsReader, CorrectionsReader, MentionsReader, ModelUpdatesReader, SearchClient } from '@vigil/search';
import type { ApiConfig } from '../../apps/api/src/api.config';
import { DescribeModelsUseCase } from '../../apps/api/src/corrections/describe-models.usecase';
import { ApplyRescoresUseCase } from '../../apps/indexer/src/rescoring/apply-rescores.usecase';
import { RescoredMentionsConsumer } from '../../apps/indexer/src/rescoring/rescored-mentions.consumer';
import { applyCorrection } from '../../apps/indexer/src/corrections/apply-correction';
import { AnalysisModelsRepository } from '../../apps/processor/src/models/analysis-models.repository';
import { ModelFollower } from '../../apps/processor/src/models/model-follower.service';
import type { ModelOptions } from '../../apps/processor/src/models/model-options';
import { RescoreMentionsUseCase } from '../../apps/processor/src/models/rescore-mentions.usecase';
import { mentionFactory } from '../support/mention-factory';
import { pollUntil, testEnv } from '../support/test-env';

const DAY = 86_400_000;
const TEXTS = ['退款拖了三周还没到账，再不处理就找媒体曝光', '骑手很准时，饭菜还是热的', 'The refund never came, calling my lawyer', 'Great service, arrived early and well packed'];

describe('after a model update the window is scored again in the background: once per post and version, resumable, corrections win', () => {
  const env = testEnv();
  const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  const kafka = new KafkaClient({ brokers: env.KAFKA_BROKERS!.split(','), clientId: 'rescoring-test', topicPrefix: env.VIGIL_TOPIC_PREFIX! });
  const producer = new MessageProducer(kafka);
  const mentions = new MentionsReader(search);
  const options: ModelOptions = { pollMs: 0, trainEveryMs: 0, minCorrections: 1, rescoreDays: 30, rescoreEveryMs: 0, rescorePage: 10, instance: 'test' };
  const consumers = new ConsumerFactory(kafka, producer);
  const apply = new ApplyRescoresUseCase(mentions, search);
  let follower: ModelFollower;
  const now = Date.now();
  // 45 posts of the last three weeks, 5 older than the window; one of the recent ones corrected by an analyst.
  const recent = Array.from({ length: 45 }, (_, i) => mentionFactory(`rs-${i}`, { text: TEXTS[i % TEXTS.length]!, publishedAt: new Date(now - (i + 1) * 11 * 3_600_000).toISOString() }));
  const old = Array.from({ length: 5 }, (_, i) => mentionFactory(`rs-old-${i}`, { text: TEXTS[i % TEXTS.length]!, publishedAt: new Date(now - (40 + i) * DAY).toISOString() }));
  recent[3] = applyCorrection(recent[3]!, { id: 'c1', mentionId: recent[3]!.id, text: recent[3]!.text, language: 'en', sentiment: 'neutral', by: 'ana', at: new Date(now).toISOString() });

  const pass = (stopAfterPages = Infinity) => {
    const source = { ready: Promise.resolve(), current: () => ({ analyzer: createAnalyzer({ modelSource: follower.holder }) }) };
    let pages = 0;
    const usecase = new RescoreMentionsUseCase(options, mentions, new AnalysisModelsReader(search), follower, producer, source);
    // A stop is asked before each page: stopping after n pages is a restart in the middle of a pass.
    return usecase.execute(() => pages++ >= stopAfterPages);
  };
  // No refresh: the progress polled below counts searchable documents, so what it saw is what this reads.
  const stored = async () => {
    const r = await mentions.query({ size: 100, version: true, query: { match_all: {} } });
    return new Map(r.hits.hits.map((h) => [h._source!.id, { m: h._source as EnrichedMention, version: h._version! }]));
  };

  beforeAll(async () => {
    await search.ensureIndices(['mentions', 'analysisModels']);
    const seeded = await search.es.bulk({ refresh: true, operations: [...recent, ...old].flatMap((m) => [{ index: { _index: search.names.mentionsFor(m.publishedAt), _id: m.id } }, m]) }, { requestTimeout: 120_000 });
    expect(seeded.errors).toBe(false);
    await kafka.ensureTopics(['mentionsRescored', 'dlq']);
    await new RescoredMentionsConsumer(consumers, apply, { groupId: `${env.VIGIL_TOPIC_PREFIX}-indexer`, bulkSize: 500, bulkBytes: 5 << 20, monthlyIndices: 24 }).onApplicationBootstrap();
    const doc = toDeploymentModels(shippedSentimentModels(), ['zh'], { trainedAt: new Date(now).toISOString(), corrections: 1, reports: [] });
    expect(await new AnalysisModelsRepository(search).publish({ ...doc, publishedAt: new Date(now).toISOString() }, 0)).toBeDefined();
    follower = new ModelFollower(options, new AnalysisModelsReader(search));
    expect(await follower.check()).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await consumers.onModuleDestroy();
    await producer.onApplicationShutdown();
    await kafka.onApplicationShutdown();
    await search.onApplicationShutdown();
  });

  it('a pass cut off after two pages, then a second pass, score every post of the window exactly once and none outside it', async () => {
    const since = new Date(now - 30 * DAY).toISOString();
    expect(await mentions.rescoreProgress(since, 1)).toEqual({ total: 45, done: 0 });
    const first = await pass(2);
    expect(first).toMatchObject({ modelVersion: 1, sent: 20, stopped: 'stopping' });
    // The restarted pass starts while the indexer may still be writing the first one's: what it sends again is written once.
    const second = await pass();
    expect(second.sent).toBeGreaterThanOrEqual(25);
    await pollUntil('every post of the window re-scored', () => mentions.rescoreProgress(since, 1), (p) => p.done === 45, { timeoutMs: 60_000 });
    const docs = await stored();
    expect(docs.size).toBe(50);
    for (const m of recent) {
      const d = docs.get(m.id)!;
      expect(d.m.analysis.modelVersion, m.id).toBe(1);
      // Seeded once, re-scored once: never twice.
      expect(d.version, m.id).toBe(2);
    }
    for (const m of old) {
      expect(docs.get(m.id)!.version, m.id).toBe(1);
      expect(docs.get(m.id)!.m.analysis.modelVersion, m.id).toBeUndefined();
    }
    // Nothing left: a third pass sends nothing.
    expect((await pass()).sent).toBe(0);
  }, 120_000);

  it("shows the models' new answer, and the analyst's correction over it", async () => {
    const docs = await stored();
    const plain = docs.get(recent[0]!.id)!.m;
    const expected = createAnalyzer({ modelSource: follower.holder }).analyze({ text: recent[0]!.text }).analysis;
    expect(plain.analysis.sentiment).toEqual(expected.sentiment);
    expect(plain.analysis.riskCues.map((c) => c.kind)).toEqual(expected.riskCues.map((c) => c.kind));
    const corrected = docs.get(recent[3]!.id)!.m;
    expect(corrected.analysis.sentiment).toEqual({ label: 'neutral', score: 0, confidence: 1 });
    expect(corrected.correction).toMatchObject({ id: 'c1', by: 'ana', sentiment: 'neutral' });
    const model = createAnalyzer({ modelSource: follower.holder }).analyze({ text: recent[3]!.text }).analysis;
    expect(corrected.correction!.original.sentiment).toEqual(model.sentiment);
  });

  it('a message delivered again changes nothing', async () => {
    const m = recent[5]!;
    const again = await apply.execute([{ mentionId: m.id, modelVersion: 1, sentiment: { label: 'positive', score: 1, confidence: 1 }, emotion: { level: 'calm', intensity: 0 }, riskCues: [] }]);
    expect(again).toEqual({ applied: 0, already: 1, missing: 0 });
    expect((await stored()).get(m.id)!.version).toBe(2);
  });

  it("the model-status page's answer: the update in force, its training sizes and the progress read from the stored posts", async () => {
    const page = await new DescribeModelsUseCase(new AnalysisModelsReader(search), new ModelUpdatesReader(search), new CorrectionsReader(search), mentions, { ANALYSIS_RESCORE_DAYS: 30 } as ApiConfig).execute();
    expect(page.rescoring).toEqual({ modelVersion: 1, windowDays: 30, since: new Date(now - 30 * DAY).toISOString(), total: 45, done: 45 });
    const sentiment = page.components.find((c) => c.component === 'sentiment')!;
    expect(sentiment).toMatchObject({ source: 'published', modelVersion: 1, learnsFromCorrections: true });
    expect(sentiment.trainedOn.find((t) => t.language === 'zh')).toMatchObject({ corrections: 1, rows: expect.any(Number) });
    expect(page.components.filter((c) => c.source === 'rules').map((c) => c.component)).toEqual(['emotion', 'category', 'cues']);
  });
});
