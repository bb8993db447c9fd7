/**
 * `npm run bench:memory [-- --minutes 25] [--rate 50] [--max-posts 120000] [--warmup 3]`: memory of
 * the long-running apps under steady intake. Each app runs as its own OS process from the build
 * (collector, processor, indexer, detector, responder, api; ports 4120–4125, BENCH_MEMORY_PORT moves
 * them) on the servers `npm run services` gives (own prefix, deleted after). Posts go in at a fixed
 * rate through the collector's intake endpoint, each with its own id and one of the bench's zh/en
 * texts. Every minute each app is sampled after a full garbage collection (bench/memory-probe.ts):
 * RSS and live heap. Prints the samples as they come, then per app the growth per 100,000 posts —
 * the least-squares slope over the samples after the warm-up minutes — and the peak RSS. Bounded by
 * --minutes and --max-posts; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { createIntakeKey } from '../apps/collector/src/intake/intake-keys';
import { dropRun } from '../apps/cli/src/replay/drop-run';
import { DataKeyRing } from '../libs/common/src/data-keys';
import { indexNames } from '../libs/search/src/indices';
import { SpeedLog } from '../scripts/machine-speed';
import { prng, samplePost, services } from './bench-support';
import { loadAverage } from './cpu-accounting';

const APPS = ['collector', 'processor', 'indexer', 'detector', 'responder', 'api'] as const;
type App = (typeof APPS)[number];
interface Sample {
  at: number;
  rss: number;
  /** V8's committed heap: RSS growing with it while heapUsed stays flat is V8 keeping freed pages, not a leak. */
  heapTotal: number;
  heapUsed: number;
  external: number;
}

const root = path.resolve(__dirname, '..', '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const MINUTES = Number(arg('minutes') ?? 25);
const RATE = Number(arg('rate') ?? 50);
const MAX_POSTS = Number(arg('max-posts') ?? 120_000);
const WARMUP = Number(arg('warmup') ?? 3);
const PORT_BASE = Number(process.env.BENCH_MEMORY_PORT ?? 4120);
const SAMPLE_EVERY_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const say = (msg: string) => process.stdout.write(`[memory ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den ? num / den : 0;
}

/** Posts at a fixed rate on the intake endpoint; at most 32 in flight, so a slow collector slows the load. */
class SteadyIntake {
  accepted = 0;
  refused = 0;
  /** Why posts were refused: a status or an error name, with counts. */
  readonly reasons = new Map<string, number>();
  private running = false;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly rand = prng(7);

  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      let next = Date.now();
      for (let i = 0; this.running && this.accepted + this.refused < MAX_POSTS; i++) {
        if (this.inFlight.size < 32) {
          const p = this.post(i).finally(() => this.inFlight.delete(p));
          this.inFlight.add(p);
        }
        next += 1000 / RATE;
        await sleep(Math.max(0, next - Date.now()));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  private async post(i: number): Promise<void> {
    try {
      const r = await fetch(`${this.url}/api/intake/form`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.key}` },
        body: JSON.stringify({ id: `m-${i}`, text: samplePost(this.rand, i).text, time: new Date().toISOString() }),
        signal: AbortSignal.timeout(10_000),
      });
      await r.arrayBuffer();
      if (r.status === 202) this.accepted++;
      else this.refuse(`HTTP ${r.status}`);
    } catch (e) {
      this.refuse((e as Error).name);
    }
  }

  private refuse(why: string): void {
    this.refused++;
    this.reasons.set(why, (this.reasons.get(why) ?? 0) + 1);
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5_000) });
    await r.arrayBuffer();
    return r.status === 200;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { kafkaBrokers, elasticsearchUrl } = await (await services(root)).ensureServices();
  const prefix = `mem${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-memory-'));
  fs.writeFileSync(path.join(dir, 'sources.yaml'), 'sources: []\n');
  const key = createIntakeKey('bench');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_BROKERS: kafkaBrokers,
    ELASTICSEARCH_URL: elasticsearchUrl,
    VIGIL_TOPIC_PREFIX: prefix,
    VIGIL_INDEX_PREFIX: `${prefix}-`,
    INTAKE_API_KEYS: key.entry,
    VIGIL_DATA_KEYS: DataKeyRing.generateEntry('bench1'),
    API_JWT_SECRET: randomBytes(32).toString('hex'),
    SOURCES_FILE: path.join(dir, 'sources.yaml'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
  };
  const probe = path.join(__dirname, 'memory-probe.js');
  const children = new Map<App, ChildProcess>();
  const port = (app: App) => PORT_BASE + APPS.indexOf(app);
  const probeFile = (app: App) => path.join(dir, `${app}.jsonl`);
  const start = (app: App) => {
    const out = fs.openSync(path.join(dir, `${app}.log`), 'a');
    const p = String(port(app));
    const child = spawn(process.execPath, ['--expose-gc', '-r', probe, path.join(root, 'dist', 'apps', app, 'src', 'main.js')], {
      env: { ...env, PORT: p, API_PORT: p, COLLECTOR_PORT: p, MEMORY_PROBE_FILE: probeFile(app) },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    children.set(app, child);
  };
  const waitHealthy = async (apps: readonly App[]) => {
    for (const t0 = Date.now(); Date.now() - t0 < 180_000; await sleep(1_000)) {
      const bad = (await Promise.all(apps.map(async (a) => ((await healthy(port(a))) ? null : a)))).filter(Boolean);
      if (!bad.length) return;
      const dead = apps.filter((a) => children.get(a)!.exitCode !== null);
      if (dead.length) throw new Error(`${dead.join(', ')} exited at start (logs in ${dir})`);
    }
    throw new Error(`apps not healthy after 180 s (logs in ${dir})`);
  };
  const samples = new Map<App, (Sample & { posts: number })[]>(APPS.map((a) => [a, []]));
  const es = new Client({ node: elasticsearchUrl.split(',')[0]! });
  const names = indexNames(`${prefix}-`);
  const speed = new SpeedLog();
  const loadBefore = loadAverage();
  const hardStop = setTimeout(() => {
    say('over the time bound by 10 minutes: stopping');
    for (const c of children.values()) c.kill('SIGKILL');
    process.exit(3);
  }, (MINUTES + 10) * 60_000);
  let intake: SteadyIntake | undefined;
  try {
    say(`servers: Kafka ${kafkaBrokers}, Elasticsearch ${elasticsearchUrl}; apps on ports ${PORT_BASE}–${PORT_BASE + APPS.length - 1}; logs and samples in ${dir}`);
    // The collector first: it makes the topics and indices the others wait for.
    start('collector');
    await waitHealthy(['collector']);
    for (const a of APPS.filter((x) => x !== 'collector')) start(a);
    await waitHealthy(APPS);
    intake = new SteadyIntake(`http://127.0.0.1:${port('collector')}`, key.key);
    intake.start();
    say(`intake ${RATE} posts/s for ${MINUTES} min or ${MAX_POSTS} posts; a sample of every app each minute (after a full GC)`);
    say(`minute  posts  searchable | ${APPS.map((a) => `${a} rss/heap MB`).join(' | ')}`);
    const t0 = Date.now();
    for (let minute = 1; minute <= MINUTES && intake.accepted + intake.refused < MAX_POSTS; minute++) {
      await sleep(Math.max(0, t0 + minute * SAMPLE_EVERY_MS - Date.now()));
      const posts = intake.accepted;
      const sent = Date.now();
      for (const a of APPS) children.get(a)!.kill('SIGWINCH');
      // A busy machine can take seconds to run a full GC in six processes: each answer is awaited (30 s at most).
      const pending = new Set<App>(APPS);
      for (const deadline = sent + 30_000; pending.size && Date.now() < deadline; await sleep(500)) {
        for (const a of [...pending]) {
          const lines = fs.existsSync(probeFile(a)) ? fs.readFileSync(probeFile(a), 'utf8').trim().split('\n') : [];
          const last = lines.length ? (JSON.parse(lines[lines.length - 1]!) as Sample) : undefined;
          if (last && last.at >= sent) {
            samples.get(a)!.push({ ...last, posts });
            pending.delete(a);
          }
        }
      }
      const searchable = await es.count({ index: names.mentions, ignore_unavailable: true, allow_no_indices: true }).then((r) => r.count, () => -1);
      const row = APPS.map((a) => {
        const s = samples.get(a)!.at(-1);
        return s && s.posts === posts ? `${mb(s.rss)}/${mb(s.heapUsed)}` : 'no sample';
      });
      say(`${String(minute).padStart(6)} ${String(posts).padStart(6)} ${String(searchable).padStart(11)} | ${row.join(' | ')}`);
      const dead = APPS.filter((a) => children.get(a)!.exitCode !== null);
      if (dead.length) throw new Error(`${dead.join(', ')} exited during the run (logs in ${dir})`);
      if (minute % 5 === 0) speed.sample(50);
    }
    await intake.stop();
    const lines = [
      '',
      `posts accepted ${intake.accepted}, refused ${intake.refused} (${[...intake.reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}); ${RATE} posts/s asked; samples after minute ${WARMUP} fitted`,
      'app         rss first→last MB   heap first→last MB   growth per 100k posts: rss / live heap MB   peak RSS MB   last V8 committed / external MB',
    ];
    for (const a of APPS) {
      const s = samples.get(a)!.slice(WARMUP);
      if (s.length < 2) {
        lines.push(`${a.padEnd(11)} too few samples after the warm-up`);
        continue;
      }
      const x = s.map((v) => v.posts / 100_000);
      const grow = (k: 'rss' | 'heapUsed') => slope(x, s.map((v) => v[k] / 2 ** 20)).toFixed(1);
      const peak = Math.max(...samples.get(a)!.map((v) => v.rss));
      lines.push(`${a.padEnd(11)} ${`${mb(s[0]!.rss)}→${mb(s.at(-1)!.rss)}`.padEnd(19)} ${`${mb(s[0]!.heapUsed)}→${mb(s.at(-1)!.heapUsed)}`.padEnd(20)} ${`${grow('rss')} / ${grow('heapUsed')}`.padEnd(42)} ${mb(peak).padEnd(13)} ${mb(s.at(-1)!.heapTotal ?? 0)} / ${mb(s.at(-1)!.external ?? 0)}`);
    }
    lines.push('', `machine speed (scripts/machine-speed.ts reference loop): ${speed}`, `load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}; ${os.cpus().length} cores`, '');
    process.stdout.write(lines.join('\n'));
  } finally {
    clearTimeout(hardStop);
    await intake?.stop();
    await Promise.all(
      [...children.values()].map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const kill = setTimeout(() => c.kill('SIGKILL'), 20_000);
            c.once('exit', () => (clearTimeout(kill), resolve()));
            c.kill('SIGTERM');
          }),
      ),
    );
    await es.close();
    await dropRun(prefix, elasticsearchUrl, kafkaBrokers, 'vigil-bench').catch((e: Error) => say(`could not drop ${prefix}: ${e.message}`));
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error).stack}\n`);
    process.exit(1);
  },
);
