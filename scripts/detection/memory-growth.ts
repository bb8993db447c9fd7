/**
 * Which of the detector's structures grow over a long replay, and whether its live heap levels off.
 * Usage: node --expose-gc dist/scripts/detection/memory-growth.js [posts=1000000]
 *   [--days 28 | --per-sec 45] [--checkpoints 20] [--census file.jsonl] [--signals file] [--snapshot-at n,n,...] [--snapshot-dir dir]
 *
 * The posts are `bench:memory`'s (bench/bench-support samplePost: three zh/en phrases and a unique
 * order number, ids m-0, m-1, ...), enriched by the processor's own code (EnrichMentionUseCase, no
 * watches configured, as in bench:memory) and handed to createDetector().process() in event-time
 * order. `--per-sec 45` dates them 45 a second, as bench:memory's intake did (event time = wall
 * time there, so 1 M posts span ~6 hours); `--days 28` spreads them over four weeks with a day/night
 * cycle (night at a fifth of the day's rate), so clusters, baselines and per-key state age and expire.
 *
 * At each checkpoint: the live heap after a full GC (run with --expose-gc), and every Map, Set, array
 * and typed array reachable from the detector, by path (a map's values are one path, `path[]`),
 * with the total of their entries. Prints the paths whose entries changed most from the first
 * checkpoint to the last, and the live heap per checkpoint. `--signals file` writes every signal
 * (one JSON a line, without wall-clock fields) to compare two builds' detections.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { Clock } from '@vigil/common';
import { mentionId, type RawMention, type Signal } from '@vigil/contracts';
import { EnrichMentionUseCase } from '../../apps/processor/src/enrich-mention.usecase';
import { buildWatchRuntime } from '../../apps/processor/src/watches/watch-runtime';
import type { WatchesRegistry } from '../../apps/processor/src/watches/watches-registry.service';
import type { ModelFollower } from '../../apps/processor/src/models/model-follower.service';
import { prng, samplePost } from '../../bench/bench-support';
import { createDetector } from '../../libs/detection/src';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const N = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 1_000_000);
const PER_SEC = flag('per-sec') ? Number(flag('per-sec')) : undefined;
const DAYS = Number(flag('days') ?? 28);
const CHECKPOINTS = Number(flag('checkpoints') ?? 20);
const SIGNALS = flag('signals');
const SNAP_AT = new Set((flag('snapshot-at') ?? '').split(',').filter(Boolean).map(Number));
const SNAP_DIR = flag('snapshot-dir') ?? '.';
/** Each checkpoint's census as one JSON line (posts, live heap, path → entries), written as it is taken. */
const CENSUS = flag('census');
const START = Date.parse('2026-11-02T00:00:00Z');
const DAY = 86_400_000;

/**
 * Event time of post i. Dense: a fixed rate. Spread: the cumulative of a day/night rate (day 1,
 * night 0.2, a cosine between) inverted per day, so each day holds N/DAYS posts.
 */
function eventTime(i: number): number {
  if (PER_SEC) return START + Math.floor((i / PER_SEC) * 1000);
  const perDay = N / DAYS;
  const day = Math.floor(i / perDay);
  const frac = (i - day * perDay) / perDay;
  // rate(x) = 0.6 - 0.4 cos(2πx) over the day (x in [0,1)): its integral F(x) = 0.6x - 0.4 sin(2πx)/(2π), F(1) = 0.6.
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if ((0.6 * mid - (0.4 * Math.sin(2 * Math.PI * mid)) / (2 * Math.PI)) / 0.6 < frac) lo = mid;
    else hi = mid;
  }
  return START + day * DAY + Math.floor(lo * DAY);
}

interface PathStat { instances: number; entries: number }

/** Every Map, Set, array and typed array reachable from `root`, by path; a collection's members share one path. */
function census(root: object): Map<string, PathStat> {
  const out = new Map<string, PathStat>();
  const seen = new Set<object>();
  const note = (p: string, n: number) => {
    const s = out.get(p) ?? { instances: 0, entries: 0 };
    s.instances += 1;
    s.entries += n;
    out.set(p, s);
  };
  const stack: Array<[unknown, string]> = [[root, 'detector']];
  // Breadth first: each structure is named by its shortest path from the detector.
  for (let head = 0; head < stack.length; head++) {
    const [v, p] = stack[head]!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) {
      note(p, v.size);
      for (const [k, x] of v) {
        if (typeof k === 'object') stack.push([k, `${p}{key}`]);
        stack.push([x, `${p}[]`]);
      }
    } else if (v instanceof Set) {
      note(p, v.size);
      for (const x of v) stack.push([x, `${p}[]`]);
    } else if (ArrayBuffer.isView(v)) {
      note(`${p} (bytes)`, v.byteLength);
    } else if (Array.isArray(v)) {
      note(p, v.length);
      for (const x of v) stack.push([x, `${p}[]`]);
    } else {
      for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], `${p}.${k}`]);
    }
  }
  return out;
}

const mb = (b: number) => (b / 2 ** 20).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;

function main(): void {
  const runtime = buildWatchRuntime([], { products: [] }, 'bench');
  const registry = { ready: Promise.resolve(), current: () => runtime } as unknown as WatchesRegistry;
  let now = new Date(START);
  const clock = { now: () => now } as Clock;
  const enrich = new EnrichMentionUseCase(registry, clock, { maxFutureMs: 10 * 60_000, oldAfterMs: 72 * 3_600_000 }, { modelVersion: 0 } as ModelFollower);
  const d = createDetector();
  const rand = prng(7);
  const sigOut = SIGNALS ? fs.openSync(SIGNALS, 'w') : undefined;
  const every = Math.max(1, Math.floor(N / CHECKPOINTS));
  const censuses: Array<{ posts: number; live: number; census: Map<string, PathStat> }> = [];
  let signals = 0;
  let enrichNs = 0n;
  let detectNs = 0n;
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  const span = PER_SEC ? `${PER_SEC} posts per event-second (${((N / PER_SEC) / 3600).toFixed(1)} h of event time)` : `${DAYS} days of event time, day/night cycle`;
  console.log(`detection memory growth: ${N} bench:memory posts, ${span}; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('posts      | event time        | live heap MB | heapTotal MB | rss MB | clusters | seen   | burst keys | signals');
  const checkpoint = (i: number) => {
    gc?.();
    const mem = process.memoryUsage();
    const st = d.stats();
    const c = census(d);
    censuses.push({ posts: i, live: mem.heapUsed, census: c });
    if (CENSUS) fs.appendFileSync(CENSUS, JSON.stringify({ posts: i, clock: new Date(st.clock).toISOString(), live: mem.heapUsed, heapTotal: mem.heapTotal, rss: mem.rss, entries: Object.fromEntries([...c].map(([k, v]) => [k, v.entries])) }) + '\n');
    console.log(
      `${String(i).padEnd(10)} | ${new Date(st.clock).toISOString().slice(0, 16)} | ${mb(mem.heapUsed).padStart(12)} | ${mb(mem.heapTotal).padStart(12)} | ${mb(mem.rss).padStart(6)} | ${String(st.clusters).padStart(8)} | ${String(st.seen).padStart(6)} | ${String(st.burstKeys).padStart(10)} | ${signals}`,
    );
    if (SNAP_AT.has(i)) {
      const f = v8.writeHeapSnapshot(path.join(SNAP_DIR, `detector-${i}.heapsnapshot`));
      console.log(`  heap snapshot ${f}`);
    }
  };
  for (let i = 0; i < N; i++) {
    const at = eventTime(i);
    now = new Date(at);
    const externalId = `m-${i}`;
    const raw: RawMention = {
      id: mentionId('intake', externalId), sourceId: 'intake', sourceType: 'intake', channel: 'social', externalId,
      text: samplePost(rand, i).text, truncated: false, publishedAt: now.toISOString(), fetchedAt: now.toISOString(),
    };
    const e0 = process.hrtime.bigint();
    const m = enrich.execute(raw);
    const e1 = process.hrtime.bigint();
    const out = d.process(m);
    enrichNs += e1 - e0;
    detectNs += process.hrtime.bigint() - e1;
    signals += out.signals.length;
    if (sigOut !== undefined) for (const s of out.signals) fs.writeSync(sigOut, JSON.stringify(stable(s)) + '\n');
    if ((i + 1) % every === 0 || i + 1 === N) checkpoint(i + 1);
  }
  if (sigOut !== undefined) fs.closeSync(sigOut);
  const cpu = process.cpuUsage(c0);
  console.log(`\n${N} posts in ${((Date.now() - t0) / 1000).toFixed(0)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU (enrichment ${(Number(enrichNs) / 1e9).toFixed(0)} s, detection ${(Number(detectNs) / 1e9).toFixed(0)} s wall); load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; signals ${signals}`);

  // Paths by growth of their entries, first (after warm-up: the second checkpoint) and last, with the peak.
  const first = censuses[Math.min(1, censuses.length - 1)]!;
  const last = censuses[censuses.length - 1]!;
  const paths = new Set<string>();
  for (const c of censuses) for (const p of c.census.keys()) paths.add(p);
  const rows = [...paths].map((p) => {
    const series = censuses.map((c) => c.census.get(p)?.entries ?? 0);
    return { p, a: first.census.get(p)?.entries ?? 0, b: last.census.get(p)?.entries ?? 0, peak: Math.max(...series), inst: last.census.get(p)?.instances ?? 0, series };
  });
  rows.sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a) || y.b - x.b);
  console.log(`\nstructures by change in entries, checkpoint ${first.posts} → ${last.posts} posts (instances at the end; series over all checkpoints):`);
  for (const r of rows.slice(0, 40)) {
    console.log(`${r.p.padEnd(70)} ${String(r.a).padStart(9)} → ${String(r.b).padStart(9)} (peak ${r.peak}, ${r.inst} inst)  ${r.series.join(' ')}`);
  }
  console.log(`\nlive heap MB per checkpoint: ${censuses.map((c) => mb(c.live)).join(' ')}`);
}

/** A signal as compared between two runs (its fields depend on event time only). */
function stable(s: Signal): unknown {
  return s;
}

main();
