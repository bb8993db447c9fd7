/**
 * `npm run bench:pipeline [-- N] [--rounds R] [--part indexer]`: the sustained end-to-end rate from a loaded
 * mentions.raw topic to searchable documents (processor + indexer, one process) against the
 * raw bulk-indexing rate of the same documents straight into the same Elasticsearch, and
 * their ratio. Prints figures; asserts nothing.
 *
 * The two cores are shared, and the neighbours' load moves by half within a minute, so the
 * two parts alternate in R rounds of N/R mentions each (same neighbours for both, round by
 * round) and the ratio is taken over the sums. In a round: the apps' consumers are paused
 * while that round's posts are loaded into mentions.raw (the timed part is processing, not
 * producing); the end-to-end clock runs from resuming them until the indexer has committed
 * every message and one refresh makes them all countable; then the same posts, analysed
 * beforehand, are bulk-written (500 per request, one request at a time) into a second index
 * of the same template, the clock running from the first request to the refresh after the
 * last. Neither forces refreshes along the way. The apps start once, before round 1 (start-up
 * and group join are printed apart). BENCH_CPU_PROFILE=<dir> writes a CPU profile of each
 * part of round 2 (round 1 if only one), the app processes' too (`node scripts/cpu-profile-summary.mjs <file>` summarises one).
 *
 * `--part indexer`: the indexer alone against the same raw bulk. Each round loads the analysed
 * documents into mentions.enriched (the processor's messages) while the indexer is paused and
 * times it from resuming to every offset committed and every document countable. With
 * `--mode one-process` the indexer runs in this process, so BENCH_CPU_PROFILE profiles it.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { topicName, type EnrichedMention } from '@vigil/contracts';
import { createAnalyzer } from '@vigil/analysis';
import { BulkIndexer, SearchClient } from '@vigil/search';
import { dropRun } from '../apps/cli/src/replay/drop-run';
import { SpeedLog } from '../scripts/machine-speed';
import { benchRaws, rate, services } from './bench-support';
import { startInProcess, startProcesses } from './pipeline-apps';
import { CpuAccounting, loadAverage, profile, type CpuSnapshot } from './cpu-accounting';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const N = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 20_000);
const ROUNDS = Math.max(1, Number(flag('rounds') ?? 4));
const BULK_DOCS = 500;
// The first round warms the JIT and the servers' caches; a profile of the second shows the steady state.
const PROFILED_ROUND = ROUNDS > 1 ? 1 : 0;
const MODE = flag('mode') === 'one-process' ? 'one-process' : 'processes';
const INDEXER_ONLY = flag('part') === 'indexer';
const PROCESSORS = INDEXER_ONLY ? 0 : Number(flag('processors') ?? os.cpus().length);
// An even share of partitions per processor instance.
const PARTITIONS = Number(flag('partitions') ?? (MODE === 'processes' && PROCESSORS ? 3 * PROCESSORS : 3));
const PART = INDEXER_ONLY ? 'indexer (enriched→search)' : 'end to end (raw→search)';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Sums of CPU snapshots' differences over rounds, for one line per part. */
class Spans {
  private readonly spans: [CpuSnapshot, CpuSnapshot][] = [];
  add(a: CpuSnapshot, b: CpuSnapshot): number {
    this.spans.push([a, b]);
    return b.at - a.at;
  }
  total(): [CpuSnapshot, CpuSnapshot] {
    const zero: CpuSnapshot = { at: 0, self: 0, apps: {}, es: 0, kafka: 0, machineBusy: 0, machineTotal: 0 };
    const sum: CpuSnapshot = { ...zero, apps: {} };
    for (const [a, b] of this.spans) {
      for (const k of ['at', 'self', 'es', 'kafka', 'machineBusy', 'machineTotal'] as const) sum[k] += b[k] - a[k];
      for (const k of Object.keys(b.apps)) sum.apps[k] = (sum.apps[k] ?? 0) + b.apps[k] - (a.apps[k] ?? 0);
    }
    return [zero, sum];
  }
}

async function main(): Promise<void> {
  const { kafkaBrokers, elasticsearchUrl } = await (await services(root)).ensureServices();
  const run = `bench${Date.now().toString(36)}`;
  const env = { ...process.env, KAFKA_BROKERS: kafkaBrokers, ELASTICSEARCH_URL: elasticsearchUrl, VIGIL_TOPIC_PREFIX: run, VIGIL_INDEX_PREFIX: `${run}-`, LOG_LEVEL: 'error' };
  const raws = benchRaws(N);
  // The bulk part's documents, analysed here beforehand (not timed).
  const analyzer = createAnalyzer();
  const enriched: EnrichedMention[] = raws.map((r) => {
    const a = analyzer.analyze({ text: r.text });
    return { ...r, text: a.maskedText, analysis: a.analysis, processedAt: new Date().toISOString() };
  });

  const kafka = new Kafka({ brokers: kafkaBrokers.split(','), clientId: 'bench', logLevel: logLevel.NOTHING });
  const admin: Admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: ['mentionsRaw', 'mentionsEnriched', 'dlq'].map((k) => ({ topic: topicName(k as 'mentionsRaw', run), numPartitions: PARTITIONS })) });
  const producer = kafka.producer();
  await producer.connect();

  const speed = new SpeedLog();
  const cpu = new CpuAccounting(elasticsearchUrl, kafkaBrokers);
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const loadBefore = loadAverage();
  const enrichedTopic = topicName('mentionsEnriched', run);
  const sum = (xs: { offset: string }[]) => xs.reduce((a, p) => a + Math.max(0, Number(p.offset)), 0);
  const produced = async () => sum(await admin.fetchTopicOffsets(enrichedTopic));
  const committed = async () => sum((await admin.fetchOffsets({ groupId: `${run}.vigil-indexer`, topics: [enrichedTopic] }))[0].partitions);

  // Start-up: the apps start and join their groups on empty topics.
  const s0 = Date.now();
  const apps = MODE === 'processes' ? await startProcesses(env, PROCESSORS) : await startInProcess(env, kafkaBrokers, elasticsearchUrl, run, { indexerOnly: INDEXER_ONLY });
  cpu.appPids = apps.pids;
  const search = new SearchClient({ node: elasticsearchUrl, indexPrefix: `${run}-` });
  const groupsJoined = async () => {
    const groups = await admin.describeGroups([...(INDEXER_ONLY ? [] : [`${run}.vigil-processor`]), `${run}.vigil-indexer`]);
    return groups.groups.every((g) => g.state === 'Stable' && g.members.length > 0);
  };
  while (!(await groupsJoined())) await sleep(100);
  const startupMs = Date.now() - s0;

  const direct = new SearchClient({ node: elasticsearchUrl, indexPrefix: `${run}-direct-` });
  await direct.ensureIndices();
  const bulk = new BulkIndexer(direct);

  const e2eSpans = new Spans();
  const bulkSpans = new Spans();
  const rounds: string[] = [];
  let e2eMs = 0;
  let bulkMs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const from = Math.floor((r * N) / ROUNDS);
    const to = Math.floor(((r + 1) * N) / ROUNDS);
    await apps.pause();
    // A fetch already in flight is dropped for paused partitions; this only lets it return.
    await sleep(300);
    // Enriched messages are ~2 KB: 300 of them stay under the broker's 1 MB batch on one partition.
    const [topic, posts, per] = INDEXER_ONLY ? [enrichedTopic, enriched, 300] : [topicName('mentionsRaw', run), raws, 1000];
    for (let i = from; i < to; i += per) {
      await producer.send({ topic, messages: posts.slice(i, Math.min(i + per, to)).map((m) => ({ key: m.id, value: JSON.stringify(m) })) });
    }
    speed.sample(50);

    const profiling = r === PROFILED_ROUND && profileDir;
    if (profiling) apps.profileStart();
    const a0 = cpu.snapshot();
    await profile(profiling ? path.join(profileDir, 'pipeline-e2e.cpuprofile') : undefined, async () => {
      apps.resume();
      const tl: string[] = [];
      for (;;) {
        const out = await produced();
        if (process.env.X_TIMELINE) tl.push(`${Date.now() - a0.at}:${out - from}/${(await committed()) - from}`);
        if (out >= to && (await committed()) >= out) {
          await search.es.indices.refresh({ index: search.names.mentions });
          if ((await search.es.count({ index: search.names.mentions })).count >= to) break;
        }
        if (Date.now() - a0.at > 15 * 60_000) throw new Error(`mentions ${from}–${to} not all searchable after 15 min`);
        await sleep(50);
      }
      if (process.env.X_TIMELINE) process.stdout.write(`timeline ms:enriched/indexed ${tl.join(' ')}\n`);
    });
    const roundE2e = e2eSpans.add(a0, cpu.snapshot());
    if (profiling) await apps.profileStop(profileDir);
    speed.sample(50);

    const b0 = cpu.snapshot();
    await profile(r === PROFILED_ROUND && profileDir ? path.join(profileDir, 'pipeline-bulk.cpuprofile') : undefined, async () => {
      for (let i = from; i < to; i += BULK_DOCS) {
        const docs = enriched.slice(i, Math.min(i + BULK_DOCS, to)).map((m) => ({ index: direct.names.mentionsFor(m.publishedAt), id: m.id, doc: m }));
        const res = await bulk.index(docs);
        if (res.failed.length) throw new Error(`bulk failures: ${res.failed[0].error}`);
      }
      await direct.es.indices.refresh({ index: direct.names.mentions });
    });
    const roundBulk = bulkSpans.add(b0, cpu.snapshot());
    e2eMs += roundE2e;
    bulkMs += roundBulk;
    const n = to - from;
    rounds.push(`round ${r + 1}: ${n} mentions, ${INDEXER_ONLY ? 'indexer' : 'end to end'} ${rate(n, roundE2e)}/s (${secs(roundE2e)}), bulk ${rate(n, roundBulk)}/s (${secs(roundBulk)}), ratio ${(roundBulk / roundE2e).toFixed(2)}`);
    process.stdout.write(`${rounds.at(-1)}\n`);
  }

  await apps.stop();
  await search.onApplicationShutdown();
  await producer.disconnect();
  await admin.disconnect();
  await direct.onApplicationShutdown();
  await dropRun(run, elasticsearchUrl, kafkaBrokers, 'vigil-bench');

  const e2e = rate(N, e2eMs);
  const raw = rate(N, bulkMs);
  process.stdout.write(
    [
      '',
      `mentions:                 ${N} in ${ROUNDS} alternating rounds; ${PARTITIONS} partitions; ${apps.description}`,
      `${PART.padEnd(25)} ${e2e} mentions/s  (${secs(e2eMs)}; start-up and group join once before: ${secs(startupMs)})`,
      `raw bulk indexing:        ${raw} mentions/s  (${secs(bulkMs)}, same documents, ${BULK_DOCS} per request)`,
      `ratio ${INDEXER_ONLY ? 'indexer' : 'end-to-end'} / bulk: ${(e2e / raw).toFixed(2)}`,
      '',
      CpuAccounting.describe(INDEXER_ONLY ? 'indexer   ' : 'end to end', ...e2eSpans.total(), N),
      CpuAccounting.describe('raw bulk  ', ...bulkSpans.total(), N),
      '',
      `machine speed during the run (scripts/machine-speed.ts reference loop): ${speed}`,
      `load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}; ${os.cpus().length} cores`,
      `peak RSS of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
      '',
    ].join('\n'),
  );
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
  process.exit(1);
});
