/**
 * `npm run bench:pipeline [-- N]`: the sustained end-to-end rate from a loaded
 * mentions.raw topic to searchable documents (processor + indexer, one process),
 * then the raw bulk-indexing rate of the same documents straight into the same
 * Elasticsearch, and their ratio. Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { mentionId, topicName, type EnrichedMention, type RawMention } from '@vigil/contracts';
import { createAnalyzer } from '@vigil/analysis';
import { KafkaModule } from '@vigil/kafka';
import { BulkIndexer, SearchClient, SearchModule } from '@vigil/search';
import { ProcessorModule } from '../apps/processor/src/processor.module';
import { loadProcessorConfig } from '../apps/processor/src/processor.config';
import { IndexerModule } from '../apps/indexer/src/indexer.module';
import { loadIndexerConfig } from '../apps/indexer/src/indexer.config';
import { dropRun } from '../apps/cli/src/replay/drop-run';
import { prng, rate, samplePost, services } from './bench-support';

const root = path.resolve(__dirname, '..', '..');
const N = Number(process.argv[2] ?? 20_000);

async function main(): Promise<void> {
  const { kafkaBrokers, elasticsearchUrl } = await (await services(root)).ensureServices();
  const run = `bench${Date.now().toString(36)}`;
  const env = { ...process.env, KAFKA_BROKERS: kafkaBrokers, ELASTICSEARCH_URL: elasticsearchUrl, VIGIL_TOPIC_PREFIX: run, VIGIL_INDEX_PREFIX: `${run}-`, LOG_LEVEL: 'error' };
  const rand = prng(42);
  const raws: RawMention[] = Array.from({ length: N }, (_, i) => {
    const externalId = `b-${i}`;
    return {
      id: mentionId('bench', externalId), sourceId: 'bench', sourceType: 'replay', channel: 'social', externalId,
      text: samplePost(rand, i).text, truncated: false,
      publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), fetchedAt: new Date().toISOString(),
    };
  });

  // Load the raw topic first, so the timed part is processing, not producing.
  const kafka = new Kafka({ brokers: kafkaBrokers.split(','), clientId: 'bench', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: ['mentionsRaw', 'mentionsEnriched', 'dlq'].map((k) => ({ topic: topicName(k as 'mentionsRaw', run), numPartitions: 3 })) });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < N; i += 1000) {
    await producer.send({ topic: topicName('mentionsRaw', run), messages: raws.slice(i, i + 1000).map((m) => ({ key: m.id, value: JSON.stringify(m) })) });
  }
  await producer.disconnect();
  process.stdout.write(`loaded ${N} raw mentions into ${topicName('mentionsRaw', run)}\n`);

  @Module({
    imports: [
      KafkaModule.forRoot({ brokers: kafkaBrokers.split(','), clientId: 'bench', topicPrefix: run }),
      SearchModule.forRoot({ node: elasticsearchUrl, indexPrefix: `${run}-` }),
      ProcessorModule.forRoot(loadProcessorConfig(env), { withInfra: false }),
      IndexerModule.forRoot(loadIndexerConfig(env), { withInfra: false }),
    ],
  })
  class PipelineBenchModule {}

  const t0 = Date.now();
  const app = await NestFactory.createApplicationContext(PipelineBenchModule, { logger: false });
  await app.init();
  const search = app.get(SearchClient);
  let count = 0;
  while (count < N) {
    await new Promise((r) => setTimeout(r, 250));
    await search.es.indices.refresh({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true });
    count = (await search.es.count({ index: search.names.mentions, ignore_unavailable: true, allow_no_indices: true })).count;
    if (Date.now() - t0 > 15 * 60_000) throw new Error(`only ${count}/${N} searchable after 15 min`);
  }
  const pipelineMs = Date.now() - t0;
  await app.close();

  // The same documents, analysed here, bulk-written straight into a fresh index.
  const analyzer = createAnalyzer();
  const enriched: EnrichedMention[] = raws.map((r) => {
    const a = analyzer.analyze({ text: r.text });
    return { ...r, text: a.maskedText, analysis: a.analysis, processedAt: new Date().toISOString() };
  });
  const direct = new SearchClient({ node: elasticsearchUrl, indexPrefix: `${run}-direct-` });
  await direct.ensureIndices();
  const bulk = new BulkIndexer(direct);
  const t1 = Date.now();
  for (let i = 0; i < N; i += 500) {
    const r = await bulk.index(enriched.slice(i, i + 500).map((m) => ({ index: direct.names.mentionsFor(m.publishedAt), id: m.id, doc: m })));
    if (r.failed.length) throw new Error(`bulk failures: ${r.failed[0].error}`);
  }
  await direct.es.indices.refresh({ index: direct.names.mentions });
  const bulkMs = Date.now() - t1;

  await direct.onApplicationShutdown();
  await dropRun(run, elasticsearchUrl, kafkaBrokers, 'vigil-bench');

  const e2e = rate(N, pipelineMs);
  const raw = rate(N, bulkMs);
  process.stdout.write(
    [
      '',
      `mentions:                 ${N}`,
      `end to end (raw→search):  ${e2e} mentions/s  (${(pipelineMs / 1000).toFixed(1)} s, includes consumer start and group join)`,
      `raw bulk indexing:        ${raw} mentions/s  (${(bulkMs / 1000).toFixed(1)} s, same documents, 500 per request)`,
      `ratio end-to-end / bulk:  ${(e2e / raw).toFixed(2)}`,
      `cpu: ${os.cpus().length} cores; peak RSS of this process ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`,
      '',
    ].join('\n'),
  );
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
