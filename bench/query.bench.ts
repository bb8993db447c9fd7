/**
 * `npm run bench:query [-- N] [--tickets T] [--concurrency 1,20] [--requests R] [--budget-min M] [--reuse] [--only 1,3]`: the analysts'
 * side. Loads N mentions (default 200,000; the issue's 1 M is `-- 1000000`) into indices of their
 * own prefix, dated over the 12 months before 2026-12-01, on 10 channels, 12 sources, 4 watches,
 * and T tickets (default 50,000) over the same months, their figures kept by the responder's own
 * `recordAnalytics`; then runs the dashboard's real queries through the api's own repositories
 * (MentionsRepository.search, VolumeRepository.windows) and the analytics page's readers
 * (TicketAnalyticsReader.kpis, MentionAnalyticsReader.overview) with 1 and 20 analysts at once,
 * and prints p50/p95/p99 per query. `--budget-min` bounds the query phase: once that many minutes
 * have passed since the load ended, the queries not yet measured are listed as skipped (a 1 M load
 * on the shared 2-core server makes each 12-month aggregation take seconds). Ctrl-C stops the
 * same way and still deletes the indices.
 * The indices are deleted at the end (kept with `--reuse`, see REUSE). Prints figures; asserts nothing. Do not load the shared
 * Elasticsearch with more than a few hundred thousand mentions while others work on it.
 *
 * The text of a mention is one of POOL posts analysed beforehand (bench-support's zh/en/mixed
 * posts, a place named in some), so load time is indexing, not analysis; the text therefore
 * repeats, which makes full-text matches denser than in a real history.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '@vigil/analysis';
import { mentionId, SEVERITY_LEVELS, type AnalyticsFilter, type Channel, type EnrichedMention } from '@vigil/contracts';
import { parsePlan, type Plan } from '@vigil/plan';
import { BulkIndexer, MentionAnalyticsReader, MentionsReader, SearchClient, TicketAnalyticsReader } from '@vigil/search';
import { storyTicket } from '../test/support/analytics-seed';
import { MentionsRepository } from '../apps/api/src/mentions/mentions.repository';
import { MentionSearchQuery } from '../apps/api/src/mentions/mention-search.dto';
import { VolumeRepository } from '../apps/api/src/volume/volume.repository';
import { SpeedLog } from '../scripts/machine-speed';
import { prng, rate, samplePost, services } from './bench-support';
import { loadAverage } from './cpu-accounting';
import { oldOverview, oldSearch, oldTicketReader } from './query-baseline';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const N = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 200_000);
const CONCURRENCY = (flag('concurrency') ?? '1,20').split(',').map(Number);
const REQUESTS = Number(flag('requests') ?? 60);
const TICKETS = Number(flag('tickets') ?? 50_000);
const BUDGET_MS = Number(flag('budget-min') ?? Infinity) * 60_000;
/**
 * `--reuse`: indices under the fixed prefix `qbench-keep-`, kept at the end; a later run with the
 * same N and T finds them complete (counts equal) and skips the load (17 min at 1 M).
 */
const REUSE = args.includes('--reuse');
/** `--only 3,8`: measure only those queries (numbered as printed). */
const ONLY = flag('only')?.split(',').map(Number);
/** Set by the budget or Ctrl-C: measure nothing more, print what was measured, delete the indices. */
let stop = false;
process.once('SIGINT', () => {
  stop = true;
  process.stdout.write('\nstopping: the request in flight finishes, then the summary and the clean-up\n');
});
const POOL = 3_000;
const BULK_DOCS = 1_000;
const END = Date.UTC(2026, 11, 1);
const YEAR = 365 * 24 * 3_600_000;

const CHANNELS: Channel[] = ['news', 'forum', 'social', 'review', 'appstore', 'form', 'app', 'email', 'hotline', 'other'];
const PLACES = ['上海', '北京', '深圳', '杭州', 'London', 'New York', ''];
const WATCHES = ['freshdash', 'freshdash-delivery', 'rival', 'ceo'];
const WORDS = ['退款', '客服', '送达', '奶茶', 'refund', 'cold', 'crashed', 'rider'];

function pool(): Pick<EnrichedMention, 'text' | 'analysis'>[] {
  const rand = prng(7);
  const analyzer = createAnalyzer();
  return Array.from({ length: POOL }, (_, i) => {
    const place = PLACES[i % PLACES.length];
    const post = samplePost(rand, i).text;
    const text = place ? (/[a-z]/i.test(place) ? `${post} in ${place}` : `${place}${post}`) : post;
    const a = analyzer.analyze({ text });
    return { text: a.maskedText, analysis: a.analysis };
  });
}

function mention(i: number, base: Pick<EnrichedMention, 'text' | 'analysis'>, rand: () => number): EnrichedMention {
  const sourceId = `src-${i % 12}`;
  const externalId = `q-${i}`;
  const publishedAt = new Date(END - Math.floor(rand() * YEAR)).toISOString();
  const w = WATCHES[i % WATCHES.length];
  return {
    id: mentionId(sourceId, externalId), sourceId, sourceType: 'replay', channel: CHANNELS[i % CHANNELS.length], externalId,
    text: base.text, truncated: false, publishedAt, fetchedAt: publishedAt, processedAt: publishedAt,
    analysis: base.analysis, watches: [{ id: w, rule: w, competitor: w === 'rival' }],
  };
}

const CATEGORIES = ['delivery', 'refund', 'quality', 'service', 'price', 'safety'];

/** Tickets over the 12 months: most handled in hours, some left open, some late, rated, reopened or repeats. */
async function loadTickets(client: SearchClient, plan: Plan, count: number): Promise<number> {
  const rand = prng(23);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let written = 0;
  for (let b = 0; b < count; b += BULK_DOCS) {
    const operations: object[] = [];
    for (let i = b; i < Math.min(count, b + BULK_DOCS); i++) {
      const open = rand() < 0.03;
      const ack = 2 + Math.floor(rand() * 60);
      const response = ack + Math.floor(rand() * 120);
      const resolved = open ? undefined : response + Math.floor(rand() * 2_000);
      const { ticket } = storyTicket(plan, {
        id: `CR-B-${String(i).padStart(7, '0')}`,
        title: `bench ticket ${i}`,
        level: pick(SEVERITY_LEVELS),
        openedAt: END - Math.floor(rand() * YEAR),
        ack,
        response,
        resolved,
        closed: resolved !== undefined && rand() < 0.7 ? resolved + 60 : undefined,
        csat: resolved !== undefined && rand() < 0.4 ? 1 + Math.floor(rand() * 5) : undefined,
        categories: [pick(CATEGORIES)],
        channels: [pick(CHANNELS)],
        places: [pick(PLACES)].filter(Boolean),
        watchIds: [pick(WATCHES.filter((w) => w !== 'rival'))],
        repeatOf: rand() < 0.05 ? `CR-B-${String(Math.max(0, i - 1)).padStart(7, '0')}` : undefined,
        reopened: rand() < 0.04,
        ladder: rand() < 0.1 ? 1 : 0,
      });
      operations.push({ index: { _index: client.names.tickets, _id: ticket.id } }, ticket);
    }
    const r = await client.es.bulk({ operations });
    if (r.errors) throw new Error(`ticket bulk failures: ${JSON.stringify(r.items.find((x) => x.index?.error))}`);
    written += operations.length / 2;
  }
  await client.es.indices.refresh({ index: client.names.tickets });
  return written;
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** `requests` calls of `call(k)` with `concurrency` of them in flight; latencies in ms, sorted. */
async function measure(concurrency: number, requests: number, call: (k: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests && !stop) {
        const k = next++;
        const t = performance.now();
        await call(k);
        out.push(performance.now() - t);
      }
    }),
  );
  return out.sort((a, b) => a - b);
}

/** Loads N mentions and T tickets under the client's prefix; returns the mentions written. */
async function load(client: SearchClient, speed: SpeedLog): Promise<number> {
  await client.ensureIndices();
  const posts = pool();
  const rand = prng(11);
  const bulk = new BulkIndexer(client);
  speed.sample(50);
  const t0 = Date.now();
  // Two requests in flight: one is built and sent while Elasticsearch writes the other.
  let written = 0;
  const batches = Math.ceil(N / BULK_DOCS);
  let nextBatch = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (nextBatch < batches && !stop) {
        const b = nextBatch++;
        const docs = [];
        for (let i = b * BULK_DOCS; i < Math.min(N, (b + 1) * BULK_DOCS); i++) {
          const m = mention(i, posts[i % POOL], rand);
          docs.push({ index: client.names.mentionsFor(m.publishedAt), id: m.id, doc: m });
        }
        const res = await bulk.index(docs);
        if (res.failed.length) throw new Error(`bulk failures: ${res.failed[0].error}`);
        written += docs.length;
      }
    }),
  );
  await client.es.indices.refresh({ index: client.names.mentions });
  const loadMs = Date.now() - t0;
  const indices = Object.keys(await client.es.indices.get({ index: client.names.mentions }));
  process.stdout.write(`loaded ${written} mentions into ${indices.length} indices in ${(loadMs / 1000).toFixed(1)} s (${rate(written, loadMs)}/s)\n`);
  speed.sample(50);

  const plan = parsePlan(readFileSync(path.join(root, 'libs/plan/default-plan.yaml'), 'utf8'));
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const tt = Date.now();
  const tickets = await loadTickets(client, plan.plan, TICKETS);
  process.stdout.write(`loaded ${tickets} tickets in ${((Date.now() - tt) / 1000).toFixed(1)} s\n`);
  return written;
}

async function main(): Promise<void> {
  const { elasticsearchUrl } = await (await services(root)).ensureServices();
  const prefix = REUSE ? 'qbench-keep-' : `qbench${Date.now().toString(36)}-`;
  const client = new SearchClient({ node: elasticsearchUrl, indexPrefix: prefix });
  const speed = new SpeedLog();
  const loadBefore = loadAverage();
  let keep = false;
  try {
    const count = (index: string) => client.es.count({ index, ignore_unavailable: true, allow_no_indices: true }).then((r) => r.count, () => -1);
    const reused = REUSE && (await count(client.names.mentions)) === N && (await count(client.names.tickets)) === TICKETS;
    if (REUSE && !reused) await client.deleteIndices(`${prefix}*`);
    let written = N;
    if (reused) process.stdout.write(`reusing ${N} mentions and ${TICKETS} tickets under ${prefix} (--reuse; the load is not timed again)\n`);
    else written = await load(client, speed);
    keep = REUSE;
    const indices = Object.keys(await client.es.indices.get({ index: client.names.mentions }));
    const repo = new MentionsRepository(new MentionsReader(client));
    const ticketKpis = new TicketAnalyticsReader(client);
    const mentionKpis = new MentionAnalyticsReader(client);
    const span = (k: number, days: number) => ({ from: `${day(k + days)}T00:00:00.000Z`, to: `${day(k)}T00:00:00.000Z` });
    const ticketFilter = (k: number, days: number): AnalyticsFilter => ({ ...span(k, days), tz: 'Asia/Shanghai', watch: [], team: [], level: [], category: [], channel: [], rootCause: [] });
    const volume = new VolumeRepository(new MentionsReader(client));
    const day = (k: number) => new Date(END - (k % 300) * 86_400_000).toISOString().slice(0, 10);
    // Each request varies (word, day, channel), so none repeats another whole; the months it covers whole
    // can come from the shard request cache, as they do for analysts looking at the same months.
    type Call = (k: number) => Promise<unknown>;
    /** A dashboard search: through the api's repository now, and as the request was before. */
    const search = (q: (k: number) => Record<string, unknown>): [Call, Call] => [
      (k) => repo.search(MentionSearchQuery.parse(q(k))),
      (k) => oldSearch(client, MentionSearchQuery.parse(q(k))),
    ];
    const oldTickets = oldTicketReader(client);
    const tickets = (call: (r: TicketAnalyticsReader, k: number) => Promise<unknown>): [Call, Call] => [(k) => call(ticketKpis, k), (k) => call(oldTickets, k)];
    const overview = (k: number) => ({ ...span(k, 30), watch: [], category: [], channel: [] });
    // [name, the query now, the query before the #19 query work (bench/query-baseline.ts) where it changed]
    const queries: [string, Call, Call?][] = [
      ['search: words + channel + 30 days, newest, 50 a page, all aggregations',
        ...search((k) => ({ q: WORDS[k % WORDS.length], channel: CHANNELS[k % CHANNELS.length], from: day(k + 30), to: day(k), size: 50 }))],
      ['search: words, by relevance, 12 months', ...search((k) => ({ q: WORDS[k % WORDS.length], sort: 'relevance', from: day(365 + k), size: 50 }))],
      ['analytics: 12 months, no words, timeline by day with sentiment, channel/category/place', ...search((k) => ({ from: day(365 + k), to: day(k), size: 0, interval: 'day' }))],
      ['analytics: negative only, last 7 days by hour', ...search((k) => ({ sentiment: 'negative', from: day(k + 7), to: day(k), size: 0, interval: 'hour' }))],
      ['KPIs: volume vs the same hours on the past 7 days', (k) => volume.windows(new Date(END - (k % 200) * 3_600_000), 1, 7)],
      ['analytics page: ticket figures, 30 days beside the 30 before, trend by day, SLA, backlog, by category', ...tickets((r, k) =>
        r.kpis(ticketFilter(k, 30), { asOf: new Date(END), groupBy: 'category' }))],
      ['analytics page: ticket figures, 12 months by week, one watch', ...tickets((r, k) =>
        r.kpis({ ...ticketFilter(k, 365), watch: [WATCHES[k % 2]!] }, { asOf: new Date(END), interval: 'week' }))],
      ['analytics page: posts by place, hot words vs before, share of voice, 30 days', (k) => mentionKpis.overview(overview(k)), (k) => oldOverview(client, overview(k))],
    ];
    const lines: string[] = [];
    const deadline = Date.now() + BUDGET_MS;
    const line = (text: string) => {
      lines.push(text);
      process.stdout.write(`${text}\n`);
    };
    // Each form starts with an empty request cache: its first request ("cold") reads every shard; the
    // later ones, with other days, find the months they share with earlier requests in the cache.
    const clearCache = () => client.es.indices.clearCache({ index: `${prefix}*`, request: true });
    for (const c of CONCURRENCY) {
      for (const [i, [name, now, before]] of queries.entries()) {
        if (ONLY && !ONLY.includes(i + 1)) continue;
        for (const [form, call] of [['before', before], ['now', now]] as const) {
          if (!call) continue;
          if (Date.now() > deadline) stop = true;
          const who = `${String(c).padStart(2)} analyst${c > 1 ? 's' : ' '}  ${before ? form.padEnd(6) : '(same)'}`;
          if (stop) {
            line(`${who}  skipped (budget or Ctrl-C)  ${i + 1}. ${name}`);
            continue;
          }
          await clearCache();
          const cold = await measure(1, 1, call);
          await measure(c, Math.min(5, c), call); // warm-up
          const ms = await measure(c, Math.max(REQUESTS, c * 5), call);
          speed.sample(20);
          if (!ms.length) continue;
          const f = (v: number) => v.toFixed(0).padStart(5);
          line(`${who}  p50 ${f(pct(ms, 50))} ms  p95 ${f(pct(ms, 95))} ms  p99 ${f(pct(ms, 99))} ms  cold ${f(cold[0] ?? NaN)} ms  (${ms.length}, load ${os.loadavg()[0].toFixed(1)})  ${i + 1}. ${name}`);
        }
      }
    }
    process.stdout.write(
      [
        '',
        `mentions: ${written} of ${N} over 12 months, ${indices.length} monthly indices (prefix ${prefix}); text from ${POOL} analysed posts; tickets: ${TICKETS}`,
        `machine speed (scripts/machine-speed.ts reference loop): ${speed}`,
        `load average (1/5/15 min) before ${loadBefore}, after ${loadAverage()}; ${os.cpus().length} cores`,
        `peak RSS of this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
        '',
      ].join('\n'),
    );
  } finally {
    if (keep) process.stdout.write(`kept the indices of ${prefix} (--reuse); \`npm run bench:query -- ${N} --tickets ${TICKETS} --reuse\` measures them again\n`);
    else process.stdout.write(`deleted ${await client.deleteIndices(`${prefix}*`)} indices of ${prefix}\n`);
    await client.onApplicationShutdown();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
