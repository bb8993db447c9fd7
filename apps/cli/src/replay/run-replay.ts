import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import { Signal, type ClusterView, type Ticket } from '@vigil/contracts';
import { sleep } from '@vigil/common';
import { KafkaClient, MessageProducer } from '@vigil/kafka';
import { ClustersReader, SearchClient, TicketsReader } from '@vigil/search';
import { DetectMentionsUseCase, detectorStateGroup } from '@vigil/detector';
import { AllInOneModule } from '../start/all-in-one.module';
import { loadServicesScript, useServices } from '../start/start.command';
import { dropRun } from './drop-run';
import { loadWatchesFile } from '@vigil/processor';
import { KafkaProgress } from './kafka-progress';
import { parseSpeed, readReplayFile, type ReplayRow } from './replay-rows';
import { scoreReplay, type ReplayScore } from './replay-score';

export interface ReplayOptions {
  file: string;
  /** `max` or a factor such as `60x`. */
  speed?: string;
  /** Keep the replay's topics and indices afterwards (default: dropped). */
  keep?: boolean;
  /** Watches to tag the posts with (a watch file); without it, posts carry no watches (the implicit `_all`). */
  watchFile?: string;
  /** Give up waiting for the pipeline after this long without progress. */
  stallMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Progress lines (stderr by default). */
  progress?: (line: string) => void;
}

export interface ReplayResult {
  runId: string;
  posted: number;
  rejected: string[];
  /** Posts that reached the detector (the rest went to the dead-letter topic, see logs). */
  enriched: number;
  signals: Signal[];
  /** Every cluster but the merged ones, largest first (without the detector's state). */
  clusters: ClusterView[];
  tickets: Ticket[];
  score?: ReplayScore;
  seconds: number;
}

const BATCH = 200;
/** Event time is moved this far past the last post at the end, so bursts can cool and be reported. */
const COOL_DOWN_MS = 3 * 3600_000;

/**
 * `vigil replay`: pushes a history file through the real pipeline (processor, indexer,
 * detector, responder on Kafka and Elasticsearch) with the posts' own times, in a namespace
 * of its own (topics `<run>.*`, indices `<run>-*`) so live data is untouched, then reads back
 * what was found. The detector runs on event time only, so `--speed max` finds what a live
 * run would have found.
 */
export async function runReplay(opts: ReplayOptions): Promise<ReplayResult> {
  const started = Date.now();
  const say = opts.progress ?? ((l: string) => process.stderr.write(`${l}\n`));
  const speed = parseSpeed(opts.speed ?? 'max');
  const file = await readReplayFile(opts.file, `replay:${path.basename(opts.file)}`);
  for (const r of file.rejected.slice(0, 20)) say(`skipped ${r}`);
  if (file.rejected.length > 20) say(`… and ${file.rejected.length - 20} more skipped rows`);
  if (!file.rows.length) throw new Error(`${opts.file}: no post to replay (${file.rejected.length} rows rejected)`);

  const env = { ...process.env, ...opts.env };
  if (!env.KAFKA_BROKERS || !env.ELASTICSEARCH_URL) {
    useServices(await (await loadServicesScript()).ensureServices(), env);
  }
  const runId = `replay-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  Object.assign(env, {
    VIGIL_TOPIC_PREFIX: runId,
    VIGIL_INDEX_PREFIX: `${runId}-`,
    PROCESSOR_GROUP: `${runId}-processor`,
    INDEXER_GROUP: `${runId}-indexer`,
    DETECTOR_GROUP: `${runId}-detector`,
    RESPONDER_SIGNALS_GROUP: `${runId}-responder-signals`,
    RESPONDER_ACTIONS_GROUP: `${runId}-responder-actions`,
    RESPONDER_PLAN_GROUP: `${runId}-responder-plan`,
    // History has no wall clock: time moves only with the posts.
    DETECTOR_TICK_MS: '0',
    // One partition per topic keeps the posts in time order through every app, so a replay
    // is deterministic (the same clusters, ids and signals each time). Live runs spread load
    // over 3 and accept that posts seconds apart may reach the detector out of order.
    KAFKA_TOPIC_PARTITIONS: '1',
    WEBHOOKS_ENABLED: 'false',
    // The replay's own namespace holds no stored watches: a file's, or none.
    ...(opts.watchFile ? { WATCHES_FILE: path.resolve(opts.watchFile) } : {}),
  });
  // A bad watch file is refused before anything starts, naming its line.
  if (opts.watchFile) loadWatchesFile(opts.watchFile);
  // The apps' loggers read it at creation; a replay's story is the report, not their info lines.
  process.env.LOG_LEVEL ??= 'warn';
  say(`replaying ${file.rows.length} posts (UTC) from ${file.rows[0].mention.publishedAt} to ${file.rows.at(-1)!.mention.publishedAt} (speed ${opts.speed ?? 'max'}) as run ${runId}`);

  const app = await NestFactory.createApplicationContext(AllInOneModule.forRoot(env, ['processor', 'indexer', 'detector', 'responder']), { logger: ['error'] });
  let result: ReplayResult | undefined;
  try {
    await app.init();
    const kafka = new KafkaProgress(app.get(KafkaClient, { strict: false }));
    await post(app, file.rows, speed, say);
    say('waiting for the pipeline to take in every post…');
    const stall = opts.stallMs ?? 120_000;
    await kafka.waitForGroup(env.PROCESSOR_GROUP!, 'mentionsRaw', stall);
    await kafka.waitForGroup(env.DETECTOR_GROUP!, 'mentionsEnriched', stall);
    await kafka.waitForGroup(detectorStateGroup(env.DETECTOR_GROUP!), 'mentionsByWatch', stall);
    // The end of the history: let windows close and bursts cool, as time would have.
    await app.get(DetectMentionsUseCase, { strict: false }).advanceTo(new Date(Date.parse(file.rows.at(-1)!.mention.publishedAt) + COOL_DOWN_MS));
    await kafka.waitForGroup(env.RESPONDER_SIGNALS_GROUP!, 'signals', stall);
    await kafka.waitForGroup(env.INDEXER_GROUP!, 'mentionsEnriched', stall);

    const signals = (await kafka.readAll('signals', stall)).map((m) => Signal.parse(JSON.parse(m)));
    const enriched = await kafka.count('mentionsEnriched');
    const search = app.get(SearchClient, { strict: false });
    await search.es.indices.refresh({ index: `${runId}-*`, ignore_unavailable: true, allow_no_indices: true });
    // The refresh above makes every cluster and ticket written so far visible to these searches.
    const { clusters } = await app.get(ClustersReader, { strict: false }).list({ status: ['active', 'closed', 'evicted'], size: 1000, order: 'largest' });
    const tickets = await app.get(TicketsReader, { strict: false }).listOpen();
    result = {
      runId,
      posted: file.rows.length,
      rejected: file.rejected,
      enriched,
      signals,
      clusters,
      tickets,
      score: file.labelled ? scoreReplay(file.rows, signals) : undefined,
      seconds: (Date.now() - started) / 1000,
    };
    return result;
  } finally {
    await app.close();
    if (!opts.keep) {
      const dropped = await dropRun(runId, env.ELASTICSEARCH_URL!, env.KAFKA_BROKERS!, 'vigil-replay').catch((e: Error) => void say(`could not drop the replay's data: ${e.message}`));
      for (const g of dropped?.groupsInUse ?? []) say(`kept consumer group ${g.groupId}: it still has members (someone else reads the replay's topics); Kafka drops it once empty and expired`);
    } else say(`kept: topics ${runId}.*, indices ${runId}-*, consumer groups ${runId}.* (VIGIL_TOPIC_PREFIX=${runId} VIGIL_INDEX_PREFIX=${runId}- shows them in the api)`);
  }
}

/** Sends the posts in time order; with a finite speed, waits out the gaps between them. */
async function post(app: INestApplicationContext, rows: ReplayRow[], speed: number, say: (l: string) => void): Promise<void> {
  const producer = app.get(MessageProducer, { strict: false });
  const bar = process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: 'replay [{bar}] {value}/{total} posts | event time {at}', hideCursor: true }, Presets.shades_classic) : undefined;
  bar?.start(rows.length, 0, { at: rows[0].mention.publishedAt });
  let lastReported = 0;
  const t0 = Date.parse(rows[0].mention.publishedAt);
  const wall0 = Date.now();
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    if (Number.isFinite(speed)) {
      // Everything due within 50 ms of wall time goes in one batch.
      const due = (k: number) => (Date.parse(rows[k].mention.publishedAt) - t0) / speed;
      while (j < rows.length && j - i < BATCH && due(j) - due(i) < 50) j++;
      const wait = due(i) - (Date.now() - wall0);
      if (wait > 0) await sleep(wait);
    } else {
      j = Math.min(rows.length, i + BATCH);
    }
    await producer.send('mentionsRaw', rows.slice(i, j).map((r) => ({ key: r.mention.id, value: r.mention })));
    i = j;
    bar?.update(i, { at: rows[i - 1].mention.publishedAt });
    if (!bar && (i - lastReported >= rows.length / 10 || i === rows.length)) {
      say(`  ${i}/${rows.length} posts sent (event time ${rows[i - 1].mention.publishedAt})`);
      lastReported = i;
    }
  }
  bar?.stop();
}

