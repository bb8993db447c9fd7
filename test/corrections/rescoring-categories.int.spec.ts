// Re-scoring after a model update redoes a post's categories where the models in force may give
// others: category nudges published after the version that scored the post, or a model sentiment
// that crossed into or out of negative (`other`). Real parts: Elasticsearch (mentions, the
// published models), the processor's re-scoring use case with its model follower, a watch runtime
// (a watch with its own taxonomy) and the analysis library, the indexer's use case that writes the
// re-scored posts. What the processor sends on mentions.rescored is handed to the indexer's use case
// as the consumer would (parsed by the contract), without Kafka: rescoring.int.spec.ts covers that leg.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, shippedSentimentModels, toDeploymentModels, type SentimentModels } from '@vigil/analysis';
import { RescoredMention, WatchConfig, type EnrichedMention } from '@vigil/contracts';
import type { MessageProducer } from '@vigil/kafka';
import { AnalysisModelsReader, MentionsReader, SearchClient } from '@vigil/search';
import { ApplyRescoresUseCase } from '../../apps/indexer/src/rescoring/apply-rescores.usecase';
import { applyCorrection } from '../../apps/indexer/src/corrections/apply-correction';
import { AnalysisModelsRepository } from '../../apps/processor/src/models/analysis-models.repository';
import { ModelFollower } from '../../apps/processor/src/models/model-follower.service';
import type { ModelOptions } from '../../apps/processor/src/models/model-options';
import { RescoreMentionsUseCase } from '../../apps/processor/src/models/rescore-mentions.usecase';
import { buildWatchRuntime } from '../../apps/processor/src/watches/watch-runtime';
import { mentionFactory } from '../support/mention-factory';
import { testEnv } from '../support/test-env';

const HOUR = 3_600_000;
/** No category of the default taxonomy (positive): the nudge learnt for price_promotion gives it one. */
const NUDGED = '这家店的老板人挺好的，下次还来';
/** `seat` is a keyword of the watch's own taxonomy; the default one calls this product_quality. */
const SEAT = 'My seat was broken the whole flight';
const PRAISE = 'Lovely afternoon, the staff were kind';
const BLUNT = 'Absolutely terrible, never again';

describe('re-scoring after a model update redoes categories where the category model or the negativity moved', () => {
  const env = testEnv();
  const search = new SearchClient({ node: env.ELASTICSEARCH_URL!, indexPrefix: env.VIGIL_INDEX_PREFIX! });
  const mentions = new MentionsReader(search);
  const repo = new AnalysisModelsRepository(search);
  const options: ModelOptions = { pollMs: 0, trainEveryMs: 0, minCorrections: 1, rescoreDays: 30, rescoreEveryMs: 0, rescorePage: 10, instance: 'test' };
  const apply = new ApplyRescoresUseCase(mentions, search);
  const watch = WatchConfig.parse({ id: 'air', name: 'air', rules: ['flight'], taxonomy: { categories: [{ id: 'seating', name: { zh: '座位', en: 'Seating' }, keywords: ['seat'] }] } });
  let follower: ModelFollower;
  const now = Date.now();
  const at = (h: number) => new Date(now - h * HOUR).toISOString();
  const ids = (m: EnrichedMention) => m.analysis.categories.map((c) => c.id);

  // The nudge: every feature the post's labels read, enough together to pass the category's threshold.
  const withNudge = (): SentimentModels => {
    const feats = createAnalyzer().labelParts({ text: NUDGED }).feats;
    return { ...shippedSentimentModels(), labels: { categories: { price_promotion: new Map(feats.map((f) => [f, 0.05])) } } };
  };
  const publish = (expected: number) => {
    const doc = toDeploymentModels(withNudge(), ['categories'], { trainedAt: new Date(now).toISOString(), corrections: 3, reports: [] });
    return repo.publish({ ...doc, publishedAt: new Date(now).toISOString() }, expected);
  };

  /** One re-scoring pass; what it sends is applied by the indexer's use case as the consumer would. */
  const pass = async () => {
    const sent: RescoredMention[] = [];
    const producer = { send: async (_topic: string, msgs: { value: RescoredMention }[]) => { sent.push(...msgs.map((m) => RescoredMention.parse(JSON.parse(JSON.stringify(m.value))))); } } as unknown as MessageProducer;
    const runtime = buildWatchRuntime([watch], { products: [], modelSource: follower.holder }, 'r1');
    const usecase = new RescoreMentionsUseCase(options, mentions, new AnalysisModelsReader(search), follower, producer, { ready: Promise.resolve(), current: () => runtime });
    const r = await usecase.execute();
    const outcome = await apply.execute(sent);
    await search.es.indices.refresh({ index: search.names.mentions });
    return { r, sent, outcome };
  };
  const stored = async () => {
    const r = await mentions.query({ size: 100, query: { match_all: {} } });
    return new Map(r.hits.hits.map((h) => [h._source!.id, h._source as EnrichedMention]));
  };

  // Scored before any update, categories as the rules gave them then (none).
  const plain = mentionFactory('rc-plain', { text: NUDGED, publishedAt: at(1) }, { language: 'zh', sentiment: { label: 'positive', score: 0.6, confidence: 0.7 }, categories: [] });
  const uncorrected = mentionFactory('rc-corrected', { text: NUDGED, publishedAt: at(2) }, { language: 'zh', sentiment: { label: 'positive', score: 0.6, confidence: 0.7 }, categories: [] });
  const corrected = applyCorrection(uncorrected, { id: 'c1', mentionId: uncorrected.id, text: NUDGED, language: 'zh', categories: ['billing_refund'], by: 'ana', at: new Date(now).toISOString() });
  const seat = mentionFactory('rc-seat', { text: SEAT, publishedAt: at(3), watches: [{ id: 'air', rule: 'flight', competitor: false }] }, { language: 'en', sentiment: { label: 'negative', score: -0.6, confidence: 0.7 }, categories: [] });

  beforeAll(async () => {
    await search.ensureIndices(['mentions', 'analysisModels']);
    const seeded = await search.es.bulk({ refresh: true, operations: [plain, corrected, seat].flatMap((m) => [{ index: { _index: search.names.mentionsFor(m.publishedAt), _id: m.id } }, m]) });
    expect(seeded.errors).toBe(false);
    follower = new ModelFollower(options, new AnalysisModelsReader(search));
  }, 120_000);

  afterAll(async () => {
    await search.onApplicationShutdown();
  });

  it('category nudges published: every post scored before them gets the categories the models in force give, with its watches\' taxonomy; a correction still wins', async () => {
    const published = await publish(0);
    expect(published).toMatchObject({ modelVersion: 1, categoriesVersion: 1 });
    expect(await follower.check()).toBe(true);
    const { r, sent, outcome } = await pass();
    expect(r).toMatchObject({ modelVersion: 1, sent: 3 });
    expect(sent.every((m) => m.categories !== undefined)).toBe(true);
    expect(outcome).toEqual({ applied: 3, already: 0, missing: 0 });
    const docs = await stored();
    expect(ids(docs.get(plain.id)!)).toEqual(['price_promotion']);
    // The watch's own taxonomy, not the default one (product_quality).
    expect(ids(docs.get(seat.id)!)).toEqual(['seating']);
    const c = docs.get(corrected.id)!;
    expect(ids(c)).toEqual(['billing_refund']);
    expect(c.correction!.original.categories.map((x) => x.id)).toEqual(['price_promotion']);
  });

  it('a later version with the same category nudges leaves categories as stored, unless the model sentiment crossed into negative (`other`)', async () => {
    const runtime = createAnalyzer({ modelSource: follower.holder });
    const praise = runtime.analyze({ text: PRAISE }).analysis;
    expect(runtime.analyze({ text: BLUNT }).analysis.categories.map((c) => c.id)).toEqual(['other']);
    // Scored by version 1: the praise with a category no rule gives now (kept: the category model did not move),
    // the blunt post with a positive answer an earlier sentiment model gave (it is negative now).
    const stale = mentionFactory('rc-stale', { text: PRAISE, publishedAt: at(4) }, { language: 'en', sentiment: praise.sentiment, categories: [{ id: 'stale_marker', confidence: 0.5 }], modelVersion: 1 });
    const blunt = mentionFactory('rc-blunt', { text: BLUNT, publishedAt: at(5) }, { language: 'en', sentiment: { label: 'positive', score: 0.4, confidence: 0.6 }, categories: [], modelVersion: 1 });
    const seeded = await search.es.bulk({ refresh: true, operations: [stale, blunt].flatMap((m) => [{ index: { _index: search.names.mentionsFor(m.publishedAt), _id: m.id } }, m]) });
    expect(seeded.errors).toBe(false);
    const published = await publish(1);
    expect(published).toMatchObject({ modelVersion: 2, categoriesVersion: 1 });
    expect(await follower.check()).toBe(true);
    const { r, sent } = await pass();
    expect(r).toMatchObject({ modelVersion: 2, sent: 5 });
    expect(sent.filter((m) => m.categories).map((m) => m.mentionId)).toEqual([blunt.id]);
    const docs = await stored();
    expect(ids(docs.get(stale.id)!)).toEqual(['stale_marker']);
    expect(ids(docs.get(blunt.id)!)).toEqual(['other']);
    expect(docs.get(blunt.id)!.analysis.sentiment.label).toBe('negative');
    expect(ids(docs.get(plain.id)!)).toEqual(['price_promotion']);
    expect(docs.get(plain.id)!.analysis.modelVersion).toBe(2);
  });
});
