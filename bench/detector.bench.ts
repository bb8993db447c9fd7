/**
 * The detector app's rate with 1 and then 2 instances in one consumer group (issue 19), each
 * instance its own OS process, against the real Kafka and Elasticsearch: `posts` synthetic
 * complaints over `watches` watches go into mentions.enriched; the time runs from the first send
 * until both of the detector's groups (re-keying, and the detectors on mentions.by-watch) have
 * committed everything. Each run has its own topic and index prefix, deleted at the end.
 * Usage: npm run bench:detection (this, then the one-core detector bench) or npm run bench:detection:scaleout -- [posts=20000] [watches=12]
 * Prints figures; asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { Partitioners } from 'kafkajs';
import { detectionKey } from '@vigil/detection';
import { KafkaClient, partitionForKey } from '@vigil/kafka';
import type { EnrichedMention } from '@vigil/contracts';
import { KafkaProgress } from '../apps/cli/src/replay/kafka-progress';
import { detectorStateGroup } from '../apps/detector/src/detector.tokens';
import { makeMention } from '../test/support/mention-factory';
import { SpeedLog } from '../scripts/machine-speed';
import { prng, rate, services } from './bench-support';

const root = path.resolve(__dirname, '..', '..');
const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? dflt);
const POSTS = arg('posts', 20_000);
const WATCHES = arg('watches', 12);
const PARTITIONS = 4;
const GROUP = 'vigil-detector';
const PLACES = ['阳光花园', '翠湖苑', '金桂园', '滨江一号', '星河湾', '碧水庄园', '东湖小区', '西城家园'];
const ISSUES = ['配送超时一个多小时，退款申请被拒绝', '外卖超时两小时没送到，退款一直失败', '订单超时不送，申请退款被驳回', '超时送达饭菜全凉，退款失败客服不理', 'refund rejected again after a late delivery', 'the order never arrived and support hung up'];

/** Complaints over the last hours, spread over the watches (some watches far busier than others). */
function posts(): EnrichedMention[] {
  const rand = prng(19);
  const start = Date.now() - 6 * 3_600_000;
  return Array.from({ length: POSTS }, (_, i) => {
    const w = Math.floor(Math.pow(rand(), 1.5) * WATCHES);
    const place = PLACES[Math.floor(rand() * PLACES.length)]!;
    return makeMention({
      ext: `bd-${i}`, text: `${place}${ISSUES[Math.floor(rand() * ISSUES.length)]} ${Math.floor(rand() * 50)}`, at: start + (i * 6 * 3_600_000) / POSTS,
      author: `u${Math.floor(rand() * 20_000)}`, followers: Math.floor(rand() * 3000), categories: ['delivery'],
      places: [{ name: place, kind: 'compound' }], watches: `w${w}`, cues: rand() < 0.01 ? ['media', 'regulator'] : [],
    });
  });
}

/** A start that fails (a busy shared Elasticsearch times out the index templates) is tried again, three times in all. */
async function startInstance(env: NodeJS.ProcessEnv, attempt = 1): Promise<ChildProcess> {
  try {
    return await forkInstance(env);
  } catch (e) {
    if (attempt >= 3) throw e;
    console.log(`  (a detector did not start: ${(e as Error).message}; trying again)`);
    return startInstance(env, attempt + 1);
  }
}

function forkInstance(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'detector-app.js'), [], { env, detached: true, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`detector exited with ${code} before it was ready`)));
  });
}

const held = (c: ChildProcess) =>
  new Promise<number[]>((resolve) => {
    const on = (m: unknown) => {
      if (typeof m === 'object' && m && 'held' in m) {
        c.off('message', on);
        resolve((m as { held: number[] }).held);
      }
    };
    c.on('message', on);
    c.send('held');
  });

async function round(instances: number, data: EnrichedMention[], kafkaBrokers: string, elasticsearchUrl: string): Promise<{ ms: number; split: number[][] }> {
  const run = `bdet${Date.now().toString(36)}i${instances}`;
  const env = { ...process.env, KAFKA_BROKERS: kafkaBrokers, ELASTICSEARCH_URL: elasticsearchUrl, VIGIL_TOPIC_PREFIX: run, VIGIL_INDEX_PREFIX: `${run}-`, KAFKA_TOPIC_PARTITIONS: String(PARTITIONS), DETECTOR_TICK_MS: '0', LOG_LEVEL: 'error', DETECTOR_GROUP: GROUP };
  const kafka = new KafkaClient({ brokers: kafkaBrokers.split(','), clientId: 'bench-detector', topicPrefix: run, partitions: PARTITIONS });
  const es = new Client({ node: elasticsearchUrl });
  const children: ChildProcess[] = [];
  try {
    await kafka.ensureTopics(['mentionsEnriched', 'mentionsByWatch', 'signals', 'dlq']);
    for (let i = 0; i < instances; i++) children.push(await startInstance(env));
    // Every instance holds partitions before the clock starts (the group has settled).
    let split: number[][] = [];
    for (let t = 0; t < 120; t++) {
      split = await Promise.all(children.map(held));
      if (split.every((p) => p.length) && split.flat().length === PARTITIONS) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const producer = kafka.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const t0 = Date.now();
    for (let i = 0; i < data.length; i += 2000) {
      await producer.send({ topic: kafka.topic('mentionsEnriched'), messages: data.slice(i, i + 2000).map((m) => ({ key: m.id, value: JSON.stringify(m) })) });
    }
    await producer.disconnect();
    const progress = new KafkaProgress(kafka);
    await progress.waitForGroup(GROUP, 'mentionsEnriched', 120_000);
    await progress.waitForGroup(detectorStateGroup(GROUP), 'mentionsByWatch', 120_000);
    return { ms: Date.now() - t0, split };
  } finally {
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.send('stop'))))));
    await kafka.deleteTopicsWithPrefix(`${run}.`).catch(() => undefined);
    await kafka.onApplicationShutdown();
    await es.indices.delete({ index: `${run}-*`, ignore_unavailable: true, allow_no_indices: true }).catch(() => undefined);
    await es.close();
  }
}

async function main(): Promise<void> {
  const { kafkaBrokers, elasticsearchUrl } = await (await services(root)).ensureServices();
  const data = posts();
  const perPartition = new Array<number>(PARTITIONS).fill(0);
  for (const m of data) perPartition[partitionForKey(detectionKey(m), PARTITIONS)]!++;
  console.log(`bench:detection scale-out  posts=${POSTS}  watches=${WATCHES}  partitions of mentions.by-watch=${PARTITIONS} (posts per partition: ${perPartition.join(' / ')})`);
  console.log('each instance its own process; time from the first send until both detector groups have committed everything (re-keying + detection + ES/Kafka writes)');
  const speed = new SpeedLog();
  const results: Array<{ instances: number; ms: number; split: number[][] }> = [];
  for (const instances of [1, 2]) {
    speed.sample();
    const r = await round(instances, data, kafkaBrokers, elasticsearchUrl);
    speed.sample();
    results.push({ instances, ...r });
    console.log(`${instances} instance${instances > 1 ? 's' : ' '} | ${String(rate(POSTS, r.ms)).padStart(6)} posts/s | ${(r.ms / 1000).toFixed(1).padStart(6)} s | partitions held: ${r.split.map((p) => `[${p.join(',')}]`).join(' ')}`);
  }
  console.log(`speed-up with 2 instances: ${(results[0]!.ms / results[1]!.ms).toFixed(2)}×`);
  console.log(`machine speed during the run (scripts/machine-speed.ts reference loop): ${speed}`);
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores (a shared machine flattens any speed-up)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
