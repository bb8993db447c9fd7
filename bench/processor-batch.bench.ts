/**
 * `node dist/bench/processor-batch.bench.js [N] [--rounds R] [--out file] [--profile dir] [--watches file]`:
 * the processor's own CPU per post without Kafka or Elasticsearch. The bench's posts (the same
 * ones `bench:pipeline` loads) are turned into the messages kafkajs hands the consumer, then each
 * chunk of 200 goes through the real code: the consumer runner's decode and schema check, the
 * processor's handler (analysis, enrichment) and the producer's JSON encoding, and kafkajs' own
 * produce-request encoding of what it would send. No broker is involved, so the figure is the
 * processor's CPU alone (its kafkajs fetch loop and network I/O are not in it).
 *
 * Prints CPU-s per 1,000 posts (user + system of this process over the timed rounds), the load
 * average and the machine-speed reference loop. `--out` writes every produced message (key and
 * value as sent) one a line, with a fixed clock, to compare two builds' outputs byte for byte.
 * `--profile` writes a CPU profile of the timed rounds (`node scripts/cpu-profile-summary.mjs`).
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import type { KafkaMessage } from 'kafkajs';
import { Clock } from '@vigil/common';
import { RawMention } from '@vigil/contracts';
import { ConsumerRunner, MessageProducer, type KafkaClient } from '@vigil/kafka';
import { EnrichMentionUseCase } from '../apps/processor/src/enrich-mention.usecase';
import { RawMentionsConsumer } from '../apps/processor/src/raw-mentions.consumer';
import { buildWatchRuntime } from '../apps/processor/src/watches/watch-runtime';
import { loadWatchesFile } from '../apps/processor/src/watches/watches-file';
import type { WatchesRegistry } from '../apps/processor/src/watches/watches-registry.service';
import type { ModelFollower } from '../apps/processor/src/models/model-follower.service';
import { SpeedLog } from '../scripts/machine-speed';
import { benchRaws } from './bench-support';

// kafkajs' produce request (v3 onwards share the record-batch encoding), as its producer builds it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const produceRequest = require('kafkajs/src/protocol/requests/produce/v3/request') as (a: unknown) => { encode(): Promise<{ buffer: Buffer }> };

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const N = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 20_000);
const ROUNDS = Math.max(1, Number(flag('rounds') ?? 3));
const OUT = flag('out');
const PROFILE = flag('profile');
const WATCHES = flag('watches');
const CHUNK = 200;
const FIXED_NOW = new Date('2026-11-15T00:00:00.000Z');

/** The real producer's `send` (its JSON encoding); `sendRaw` encodes kafkajs' request instead of sending it. */
class CapturingProducer extends MessageProducer {
  readonly sent: string[] = [];
  encodedBytes = 0;
  capture = false;
  constructor() {
    super({ topic: (k: string) => `bench.${k}` } as unknown as KafkaClient);
  }
  override async sendRaw(topic: string, messages: { key: string | null; value: string | Buffer | null }[]): Promise<void> {
    const req = produceRequest({
      acks: -1, timeout: 30_000,
      topicData: [{ topic, partitions: [{ partition: 0, firstSequence: 0, messages: messages.map((m) => ({ ...m, timestamp: FIXED_NOW.getTime() })) }] }],
    });
    this.encodedBytes += (await req.encode()).buffer.length;
    if (this.capture) for (const m of messages) this.sent.push(`${m.key}\t${m.value?.toString()}`);
  }
}

async function main(): Promise<void> {
  const raws = benchRaws(N, FIXED_NOW);
  const messages: KafkaMessage[] = raws.map((r, i) => ({
    key: Buffer.from(r.id), value: Buffer.from(JSON.stringify(r)), offset: String(i), timestamp: String(FIXED_NOW.getTime()),
    attributes: 0, headers: {},
  } as KafkaMessage));
  const watches = WATCHES ? loadWatchesFile(WATCHES) : [];
  const runtime = buildWatchRuntime(watches, { products: [] }, 'bench');
  const registry = { ready: Promise.resolve(), current: () => runtime } as unknown as WatchesRegistry;
  const clock = { now: () => FIXED_NOW } as Clock;
  const enrich = new EnrichMentionUseCase(registry, clock, { maxFutureMs: 10 * 60_000, oldAfterMs: 72 * 3_600_000 }, { modelVersion: 0 } as ModelFollower);
  const producer = new CapturingProducer();
  const consumer = new RawMentionsConsumer({} as never, producer, enrich, registry, 'bench');
  const fail = (o: unknown, msg: string) => { process.stderr.write(`${msg} ${JSON.stringify(o)}\n`); process.exit(1); };
  const logger = { warn: fail, error: fail, debug: () => undefined, info: () => undefined };
  const runner = new ConsumerRunner<RawMention>({} as KafkaClient, producer, {
    groupId: 'bench', topic: 'mentionsRaw', schema: RawMention, logger: logger as never, handle: (m) => consumer.onMessages(m),
  });
  // The runner's chunk step: decode, schema check, handler, dead letters.
  const processChunk = (runner as unknown as { processChunk(t: string, p: number, c: KafkaMessage[], h: () => Promise<void>, o: () => boolean): Promise<boolean> }).processChunk.bind(runner);
  const pass = async () => {
    for (let i = 0; i < messages.length; i += CHUNK) await processChunk('bench.mentions.raw', 0, messages.slice(i, i + CHUNK), async () => undefined, () => true);
  };

  const speed = new SpeedLog();
  const load0 = os.loadavg();
  speed.sample();
  // Warm-up (JIT, caches); its outputs are the ones written with --out.
  producer.capture = Boolean(OUT);
  await pass();
  producer.capture = false;
  const outputDigest = OUT ? createHash('sha256').update(producer.sent.join('\n')).digest('hex').slice(0, 16) : undefined;
  if (OUT) fs.writeFileSync(OUT, producer.sent.join('\n') + '\n');
  speed.sample();

  let session: Session | undefined;
  if (PROFILE) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  const perRound: number[] = [];
  let cpuTotal = 0;
  let wallTotal = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await pass();
    const c = process.cpuUsage(c0);
    wallTotal += Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = (c.user + c.system) / 1e6;
    cpuTotal += cpu;
    perRound.push((cpu / N) * 1000);
    speed.sample();
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(PROFILE!, { recursive: true });
    const file = path.join(PROFILE!, `processor-batch-${process.pid}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    process.stdout.write(`profile: ${file}\n`);
  }
  const load1 = os.loadavg();
  const perK = (cpuTotal / (N * ROUNDS)) * 1000;
  process.stdout.write(
    `processor batch path, ${N} posts × ${ROUNDS} rounds (chunks of ${CHUNK}${WATCHES ? `, watches ${path.basename(WATCHES)}` : ', no watches'}): ` +
      `${perK.toFixed(4)} CPU-s per 1k posts (rounds ${perRound.map((x) => x.toFixed(4)).join(' ')}), ` +
      `${Math.round((N * ROUNDS) / wallTotal)} posts/s wall, ${(producer.encodedBytes / 1e6).toFixed(1)} MB produce requests encoded` +
      `${outputDigest ? `, outputs sha256 ${outputDigest} (${producer.sent.length} messages)` : ''}\n` +
      `  ${new Date().toISOString()}, load average ${load0[0]!.toFixed(1)} → ${load1[0]!.toFixed(1)}, reference loop ${speed}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
