/**
 * `npm run bench:latency [-- --rate 20 --storms 15 --clients 1,100,1000]`
 *
 * Post → screen: posts enter `mentions.raw` at a steady rate while storms are injected; the
 * whole pipeline runs in this process (processor, indexer, detector, responder, api on the
 * real Kafka and Elasticsearch) and N signed-in dashboard sockets run in a child process.
 * For every alert the detector caused (it carries the causing post's time, `cause.postAt`,
 * which is when that post was produced), each socket records receive time − post time.
 * Prints p50/p95/p99/max per client count, with this process's CPU and memory (everything
 * but the clients). Asserts nothing.
 */
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { mentionId, type RawMention } from '@vigil/contracts';
import { MessageProducer } from '@vigil/kafka';
import { AllInOneModule } from '../apps/cli/src/start/all-in-one.module';
import { configureHttpApp } from '../apps/api/src/http-app';
import { dropRun } from '../apps/cli/src/replay/drop-run';
import { prng, services } from './bench-support';

const root = path.resolve(__dirname, '..', '..');
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const RATE = Number(arg('rate', '20'));
const STORMS = Number(arg('storms', '15'));
const STORM_GAP_MS = 3000;
const CLIENT_COUNTS = arg('clients', '1,100,1000').split(',').map(Number);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Background: friendly chatter, composed so no two posts read alike (it should not cluster).
const rnd = prng(7);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const zhA = ['今天', '刚才', '周末', '早上', '中午', '晚上'];
const zhB = ['点的鲜达外卖', '鲜达买的水果', '鲜达的便当', '鲜达送的奶茶', '鲜达的新品'];
const zhC = ['送得挺快，赞一个', '味道不错，下次还买', '骑手态度很好，谢谢', '包装很用心', '分量很足'];
const chatter = () => `${pick(zhA)}${pick(zhB)}${pick(zhC)}`;
// Storms: each its own vocabulary (made-up product words: Chinese segmentation would cut made-up
// Chinese words into shared single characters), five customers, a media threat (the plan opens at once).
const SYL = ['ka', 'lo', 'mi', 'ter', 'den', 'sho', 'ra', 'ple', 'vin', 'cor', 'bu', 'sta', 'gre', 'fol', 'nu', 'pa', 'lin', 'dor', 'ex', 'tri'];
const VOCAB = Array.from({ length: 8000 }, (_, i) => SYL[i % 20] + SYL[Math.floor(i / 20) % 20] + SYL[Math.floor(i / 400) % 20]);
function stormPosts(seed: number): string[] {
  const r = prng(seed);
  const words = Array.from({ length: 10 }, () => VOCAB[Math.floor(r() * VOCAB.length)]);
  return Array.from({ length: 5 }, (_, i) => {
    const w = [...words].sort(() => r() - 0.5);
    return `${w.slice(0, 5).join(' ')} ${i % 2 ? 'made me sick' : 'refund refused'}, ${w.slice(5).join(' ')} terrible, calling a journalist`;
  });
}

async function main(): Promise<void> {
  const { kafkaBrokers, elasticsearchUrl } = await (await services(root)).ensureServices();
  const run = `lat${Date.now().toString(36)}`;
  process.env.LOG_LEVEL ??= 'error';
  const env = {
    ...process.env,
    KAFKA_BROKERS: kafkaBrokers,
    ELASTICSEARCH_URL: elasticsearchUrl,
    VIGIL_TOPIC_PREFIX: run,
    VIGIL_INDEX_PREFIX: `${run}-`,
    VIGIL_ADMIN_PASSWORD: 'bench-password',
    API_JWT_SECRET: 'l'.repeat(40),
    WEBHOOKS_ENABLED: 'false',
  };
  const app = await NestFactory.create(AllInOneModule.forRoot(env, ['processor', 'indexer', 'detector', 'responder', 'api']), { logger: false });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'bench-password' }) });
  const { token } = (await login.json()) as { token: string };
  const producer = app.get(MessageProducer, { strict: false });

  let n = 0;
  const post = (text: string, author: string): RawMention => {
    const at = new Date().toISOString();
    const ext = `p${++n}`;
    return { id: mentionId('bench', ext), sourceId: 'bench', sourceType: 'replay', channel: 'social', externalId: ext, author: { id: author, name: author }, text, truncated: false, publishedAt: at, fetchedAt: at };
  };
  const send = (ms: RawMention[]) => producer.send('mentionsRaw', ms.map((m) => ({ key: m.id, value: m })));
  let stormSeed = 1000;
  const storm = async () => {
    const seed = ++stormSeed;
    for (const [i, text] of stormPosts(seed).entries()) {
      await send([post(text, `storm${seed}-${i}`)]);
      await sleep(150);
    }
  };

  process.stdout.write(`post → dashboard socket latency (ms); background ${RATE} posts/s, ${STORMS} storms of 5 posts per round, all apps in one process\n`);
  process.stdout.write('clients   alerts  deliveries      p50      p95      p99      max   server CPU   server RSS\n');
  for (const clients of CLIENT_COUNTS) {
    const child: ChildProcess = fork(path.join(__dirname, 'latency-clients.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const latencies: number[] = [];
    const alerts = new Set<string>();
    let ready = false;
    child.on('message', (m: 'ready' | { latencies?: number[]; alerts?: string[]; error?: string }) => {
      if (m === 'ready') ready = true;
      else if (m.error) process.stderr.write(`${m.error}\n`);
      else {
        latencies.push(...(m.latencies ?? []));
        m.alerts?.forEach((a) => alerts.add(a));
      }
    });
    child.send({ base, token, clients });
    await until(() => ready, 120_000, `${clients} clients signed in`);

    // The api's consumers start at "latest" and need to join their groups: warm up first.
    for (let i = 0; latencies.length === 0; i++) {
      if (i > 20) throw new Error('no alert reached the sockets during warm-up');
      await storm();
      await sleep(3000);
    }
    latencies.length = 0;
    alerts.clear();

    let running = true;
    const background = (async () => {
      const every = 1000 / RATE;
      let next = Date.now();
      while (running) {
        await send([post(chatter(), `bg${Math.floor(rnd() * 5000)}`)]);
        next += every;
        await sleep(Math.max(0, next - Date.now()));
      }
    })();
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    let rss = 0;
    const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 250);
    for (let s = 0; s < STORMS; s++) {
      await storm();
      await sleep(STORM_GAP_MS);
    }
    await sleep(5000); // trailing alerts
    running = false;
    await background;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpu0);
    const cpuPct = ((cpu.user + cpu.system) / 1000 / (Date.now() - t0)) * 100;
    child.disconnect();
    await sleep(500);

    const sorted = [...latencies].sort((a, b) => a - b);
    const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(0)).padStart(8);
    process.stdout.write(
      `${String(clients).padStart(7)} ${String(alerts.size).padStart(8)} ${String(sorted.length).padStart(11)} ${f(pct(sorted, 50))} ${f(pct(sorted, 95))} ${f(pct(sorted, 99))} ${f(sorted.at(-1))} ${`${cpuPct.toFixed(0)} %`.padStart(12)} ${`${(rss / 2 ** 20).toFixed(0)} MiB`.padStart(12)}\n`,
    );
  }
  await app.close();
  await dropRun(run, elasticsearchUrl, kafkaBrokers, 'vigil-bench');
  process.exit(0);
}

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

void main().catch((e: Error) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
