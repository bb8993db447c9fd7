/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it loads two builds' dist trees side by side */
/**
 * `node scripts/processor-ab.cjs <old-root> <new-root> [N] [rounds]`: two builds' processor batch path (as
 * bench/processor-batch.bench.ts runs it) in one process, chunk by chunk alternated ABBA, CPU per chunk summed:
 * on a shared machine whose speed moves by 2× within a minute, separate runs cannot show a 10 % change. Each root
 * is a checkout with `npm run build:server` done (an old commit: `git archive <sha> | tar -x -C dir`, node_modules
 * linked). Prints CPU-s per 1,000 posts for each, the load average and the reference loop.
 */
const path = require('node:path');
const os = require('node:os');
const here = path.resolve(__dirname, '..');
require(path.join(here, 'node_modules/reflect-metadata'));
const [OLD, NEW] = [process.argv[2], process.argv[3]].map((p) => path.resolve(p));
const N = Number(process.argv[4] ?? 10000), ROUNDS = Number(process.argv[5] ?? 3);
const FIXED_NOW = new Date('2026-11-15T00:00:00.000Z');
function build(root) {
  const r = (p) => require(`${root}/dist/${p}`);
  const { mentionId, RawMention } = r('libs/contracts/src/index.js');
  const { ConsumerRunner, MessageProducer } = r('libs/kafka/src/index.js');
  const { EnrichMentionUseCase } = r('apps/processor/src/enrich-mention.usecase.js');
  const { RawMentionsConsumer } = r('apps/processor/src/raw-mentions.consumer.js');
  const { buildWatchRuntime } = r('apps/processor/src/watches/watch-runtime.js');
  const { prng, samplePost } = r('bench/bench-support.js');
  const produceRequest = require(path.join(here, 'node_modules/kafkajs/src/protocol/requests/produce/v3/request'));
  class P extends MessageProducer {
    constructor() { super({ topic: (k) => `bench.${k}` }); this.bytes = 0; }
    async sendRaw(topic, messages) {
      const req = produceRequest({ acks: -1, timeout: 30000, topicData: [{ topic, partitions: [{ partition: 0, firstSequence: 0, messages: messages.map((m) => ({ ...m, timestamp: FIXED_NOW.getTime() })) }] }] });
      this.bytes += (await req.encode()).buffer.length;
    }
  }
  const rand = prng(42);
  const msgs = Array.from({ length: N }, (_, i) => {
    const externalId = `b-${i}`;
    const raw = { id: mentionId('bench', externalId), sourceId: 'bench', sourceType: 'replay', channel: 'social', externalId, text: samplePost(rand, i).text, truncated: false,
      publishedAt: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(), fetchedAt: FIXED_NOW.toISOString() };
    return { key: Buffer.from(raw.id), value: Buffer.from(JSON.stringify(raw)), offset: String(i), timestamp: '0', attributes: 0, headers: {} };
  });
  const runtime = buildWatchRuntime([], { products: [] }, 'bench');
  const registry = { ready: Promise.resolve(), current: () => runtime };
  const enrich = new EnrichMentionUseCase(registry, { now: () => FIXED_NOW }, { maxFutureMs: 600000, oldAfterMs: 72 * 3600000 }, { modelVersion: 0 });
  const producer = new P();
  const consumer = new RawMentionsConsumer({}, producer, enrich, registry, 'bench');
  const fail = (o, m) => { console.error(m, o); process.exit(1); };
  const runner = new ConsumerRunner({}, producer, { groupId: 'b', topic: 'mentionsRaw', schema: RawMention, logger: { warn: fail, error: fail, debug() {}, info() {} }, handle: (m) => consumer.onMessages(m) });
  return { msgs, chunk: (i) => runner.processChunk('bench.mentions.raw', 0, msgs.slice(i, i + 200), async () => {}, () => true) };
}
(async () => {
  const sides = { old: build(OLD), new: build(NEW) };
  const cpu = { old: 0, new: 0 };
  const { sampleSpeed } = require(path.join(NEW, 'dist/scripts/machine-speed.js'));
  const speeds = [];
  const l0 = os.loadavg()[0];
  for (let r = -1; r < ROUNDS; r++) {
    speeds.push(sampleSpeed());
    for (let i = 0, k = 0; i < N; i += 200, k++) {
      const order = k % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
      for (const s of order) {
        const c0 = process.cpuUsage();
        await sides[s].chunk(i);
        const c = process.cpuUsage(c0);
        if (r >= 0) cpu[s] += (c.user + c.system) / 1e6;
      }
    }
  }
  const per = (s) => (cpu[s] / (N * ROUNDS)) * 1000;
  const mean = speeds.reduce((a, b) => a + b, 0) / speeds.length;
  console.log(`${new Date().toISOString()} N=${N}×${ROUNDS} (chunks alternated old/new, ABBA): old ${per('old').toFixed(4)} new ${per('new').toFixed(4)} CPU-s per 1k (new/old ${(per('new') / per('old')).toFixed(3)}); load ${l0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; reference loop ${mean.toFixed(0)} M steps/s (${Math.min(...speeds).toFixed(0)}–${Math.max(...speeds).toFixed(0)})`);
})();
