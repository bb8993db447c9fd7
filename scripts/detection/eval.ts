/**
 * Detection evaluation on the shared labelled data (see /work/shared/data/README.md).
 *   A. Clustering: CFPB narratives against their Issue (and Product) labels: purity, ARI.
 *      Thresholds are swept on a dev half (hash of Complaint ID) and reported on the other half.
 *      Chinese proxy: negative online-shopping reviews against their product domain.
 *   B. Bursts: negative waimai (zh) and UCI (en) reviews replayed into synthetic days with a
 *      time-of-day shape, storms injected at known times (seeded): delay onset→signal, detection
 *      rate, false alarms per replayed day; and a storm-free control run.
 *   C. Real streams (streams/): per-brand replays of real texts at realistic rhythms and of CFPB's
 *      real dates and companies; Vigil beside a per-brand spike rule, tickets by the plan.
 *    D. Risk-cue precision on the labelled samples of real posts (cue-precision.ts), beside the
 *      last sample's figures as the baseline.
 * Usage: tsx scripts/detection/eval.ts [--quick] [--only=clustering|bursts|streams|cues]
 */
import * as os from 'node:os';
import type { EnrichedMention, Signal } from '@vigil/contracts';
import { createDetector, type DeepPartial, type DetectionConfig } from '../../libs/detection/src';
import { resolveConfig } from '../../libs/detection/src/config';
import { extractFeatures } from '../../libs/detection/src/features';
import { fnv1a } from '../../libs/detection/src/hash';
import { makeMention } from '../../test/support/mention-factory';
import { OnlineClusterer } from '../../libs/detection/src/online-clusterer';
import { expGapMs, mulberry32 } from '../../test/support/prng';
import { diurnal } from '../../test/support/synthetic-streams';
import { TermStats } from '../../libs/detection/src/term-stats';
import { dataDir, loadCfpb, loadShoppingNegative, loadUciNegative, loadWaimaiNegative } from './data';
import { evalStreams } from './streams/run-streams';
import { evalCuePrecision } from './cue-precision';
import { adjustedRandIndex, pairwise, purity, purityOfClustersAtLeast } from './metrics';

const quick = process.argv.includes('--quick');
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);

// ---------------------------------------------------------------- A. clustering
interface Item { id: string; text: string; label: string; label2?: string }

/** Cluster a stream one post at a time; each post's final cluster follows merges. */
function clusterItems(items: Item[], patch?: DeepPartial<DetectionConfig>): string[] {
  const cfg = resolveConfig({ clustering: { idleHours: 1e6, maxClusters: 1e6 }, ...patch });
  const clusterer = new OnlineClusterer(cfg);
  const stats = new TermStats();
  const alias = new Map<string, string>();
  const assigned: string[] = [];
  const t0 = Date.parse('2020-01-01T00:00:00Z');
  items.forEach((it, i) => {
    // One post a minute in date order: the replay tests clustering, not eviction.
    const m = makeMention({ ext: it.id, source: 'eval', text: it.text, at: t0 + i * 60_000, author: `a${i}` });
    const r = clusterer.assign(extractFeatures(m, cfg, stats));
    for (const gone of r.merged) alias.set(gone.id, r.cluster.id);
    assigned.push(r.cluster.id);
  });
  const resolve = (id: string) => {
    let x = id;
    for (let guard = 0; alias.has(x) && guard < 1000; guard++) x = alias.get(x)!;
    return x;
  };
  return assigned.map(resolve);
}

function describeClustering(name: string, pred: string[], truth: string[], minSize = 3): string {
  const clusters = new Set(pred).size;
  const sizes = new Map<string, number>();
  for (const p of pred) sizes.set(p, (sizes.get(p) ?? 0) + 1);
  const singletons = [...sizes.values()].filter((s) => s === 1).length;
  const big = purityOfClustersAtLeast(pred, truth, minSize);
  const pw = pairwise(pred, truth);
  return `${name.padEnd(22)} n=${String(pred.length).padStart(5)} clusters=${String(clusters).padStart(5)} (singletons ${pct(singletons / pred.length)}) purity=${f3(purity(pred, truth))} ARI=${f3(adjustedRandIndex(pred, truth))} pair-P=${f3(pw.precision)} pair-R=${f3(pw.recall)} purity(size≥${minSize})=${f3(big.purity)} covering ${pct(big.covered)}`;
}

function evalClustering(): void {
  console.log('\n=== A. Clustering ===');
  const rows = loadCfpb().sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.id.localeCompare(b.id));
  const items: Item[] = rows.map((r) => ({ id: r.id, text: r.text, label: r.issue, label2: r.product }));
  const dev = items.filter((it) => fnv1a(`split:${it.id}`) % 2 === 0);
  const test = items.filter((it) => fnv1a(`split:${it.id}`) % 2 === 1);
  const issues = new Set(items.map((i) => i.label)).size;
  console.log(`CFPB narratives: ${items.length} (${issues} Issue labels, ${new Set(items.map((i) => i.label2)).size} Product labels), dev ${dev.length} / held-out ${test.length}`);
  console.log(`reference points: everything in one cluster → ARI 0, purity ${f3(purity(items.map(() => 'x'), items.map((i) => i.label)))}; every post alone → ARI 0, purity 1`);
  console.log('\njoinThreshold sweep on the dev half (against Issue):');
  for (const jt of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    const pred = clusterItems(dev, { clustering: { joinThreshold: jt } });
    console.log('  ' + describeClustering(`joinThreshold=${jt}`, pred, dev.map((i) => i.label)));
  }
  const def = resolveConfig().clustering.joinThreshold;
  console.log(`\nheld-out half, default configuration (joinThreshold=${def}):`);
  const pred = clusterItems(test);
  console.log('  ' + describeClustering('vs Issue', pred, test.map((i) => i.label)));
  console.log('  ' + describeClustering('vs Product', pred, test.map((i) => i.label2!)));

  const shop = loadShoppingNegative();
  const rand = mulberry32(2024);
  const sample: Item[] = [];
  const n = quick ? 1500 : 4000;
  for (let i = 0; i < n; i++) {
    const r = shop[Math.floor(rand() * shop.length)]!;
    sample.push({ id: `shop-${i}`, text: r.text, label: r.cat });
  }
  console.log('\nChinese proxy (no issue labels exist): negative online-shopping reviews vs product domain (9):');
  console.log('  ' + describeClustering('zh shopping, default config', clusterItems(sample), sample.map((i) => i.label)));
}

// ---------------------------------------------------------------- B. bursts
const DAY = 86_400_000;
const MIN = 60_000;
interface Theme { name: string; re: RegExp }
const ZH_THEMES: Theme[] = [
  { name: 'late', re: /慢|超时|小时|晚了|太久/ },
  { name: 'cold', re: /凉|冷了/ },
  { name: 'attitude', re: /态度|客服|骑手|送餐员/ },
  { name: 'missing', re: /少送|漏|没送|少了/ },
  { name: 'taste', re: /难吃|味道|太咸|太淡|油/ },
];
const EN_THEMES: Theme[] = [
  { name: 'battery', re: /battery|charg/i },
  { name: 'service', re: /service|waiter|waitress|staff|rude/i },
  { name: 'wait', re: /wait|slow|minutes|hour/i },
  { name: 'quality', re: /broke|quality|cheap|poor|junk/i },
];
const categoryOf = (text: string, themes: Theme[]) => themes.find((t) => t.re.test(text))?.name ?? 'other';

interface Storm { onset: number; end: number; size: number; lang: 'zh' | 'en'; theme: string; klass: string; firstPostIds: string[] }

function buildStream(seed: number, days: number, peakPerHour: number, withStorms: boolean, warmupDays: number) {
  const rand = mulberry32(seed);
  const zh = loadWaimaiNegativeCached();
  const en = loadUciNegativeCached();
  const start = Date.parse('2026-04-01T00:00:00Z');
  const out: EnrichedMention[] = [];
  let i = 0;
  const post = (text: string, at: number, lang: 'zh' | 'en', tag: string) =>
    makeMention({
      ext: `${tag}-${seed}-${i++}`,
      source: 'eval-replay',
      text,
      at,
      author: `${tag}-u${Math.floor(rand() * 200_000)}`,
      followers: Math.floor(rand() * 2000),
      authorCreatedAt: '2020-01-01T00:00:00Z',
      categories: [categoryOf(text, lang === 'zh' ? ZH_THEMES : EN_THEMES)],
      channel: lang === 'zh' ? 'review' : 'social',
      emotion: rand(),
    });
  // Background: Poisson arrivals thinned by the time-of-day shape; 75 % Chinese.
  for (let t = start; ; ) {
    t += expGapMs(rand, peakPerHour);
    if (t >= start + days * DAY) break;
    if (rand() > diurnal(new Date(t).getUTCHours())) continue;
    const lang = rand() < 0.75 ? 'zh' : 'en';
    const pool = lang === 'zh' ? zh : en;
    out.push(post(pool[Math.floor(rand() * pool.length)]!, t, lang, 'bg'));
  }
  const storms: Storm[] = [];
  if (withStorms) {
    const classes = [
      { klass: 'small (15 posts / 30 min)', size: 15, minutes: 30 },
      { klass: 'medium (40 posts / 30 min)', size: 40, minutes: 30 },
      { klass: 'large (120 posts / 60 min)', size: 120, minutes: 60 },
    ];
    for (let d = warmupDays; d < days; d++) {
      const c = classes[(d - warmupDays) % classes.length]!;
      const lang = rand() < 0.6 ? 'zh' : 'en';
      const themes = lang === 'zh' ? ZH_THEMES : EN_THEMES;
      const theme = themes[Math.floor(rand() * themes.length)]!;
      const pool = (lang === 'zh' ? zh : en).filter((x) => theme.re.test(x));
      const onset = start + d * DAY + Math.floor((8 + rand() * 15) * 60) * MIN;
      const end = onset + c.minutes * MIN;
      const times = Array.from({ length: c.size }, () => onset + rand() * c.minutes * MIN).sort((a, b) => a - b);
      times[0] = onset;
      const posts = times.map((t) => post(pool[Math.floor(rand() * pool.length)]!, t, lang, 'storm'));
      out.push(...posts);
      storms.push({ onset, end, size: c.size, lang, theme: theme.name, klass: c.klass, firstPostIds: posts.map((p) => p.id) });
    }
  }
  out.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
  return { stream: out, storms, start };
}

let zhCache: string[] | undefined;
let enCache: string[] | undefined;
const loadWaimaiNegativeCached = () => (zhCache ??= loadWaimaiNegative());
const loadUciNegativeCached = () => (enCache ??= loadUciNegative());

function replay(stream: EnrichedMention[]): Signal[] {
  const d = createDetector();
  const out: Signal[] = [];
  for (const m of stream) out.push(...d.process(m).signals);
  out.push(...d.advanceTo(Date.parse(stream[stream.length - 1]!.publishedAt) + 6 * 3_600_000).signals);
  return out;
}

function evalBursts(): void {
  console.log('\n=== B. Bursts (synthetic days from real negative reviews, storms injected at known times) ===');
  const days = quick ? 8 : 12;
  const warmup = 3;
  const seeds = quick ? [1] : [1, 2, 3];
  for (const peak of quick ? [60] : [30, 120]) {
    const delays: Record<string, number[]> = {};
    const postsToSignal: Record<string, number[]> = {};
    const missed: Record<string, number> = {};
    const total: Record<string, number> = {};
    let falseAlarms = 0;
    let controlFalse = 0;
    const faByDim: Record<string, number> = {};
    let measuredDays = 0;
    let bgPosts = 0;
    for (const seed of seeds) {
      const { stream, storms, start } = buildStream(seed, days, peak, true, warmup);
      bgPosts += stream.length - storms.reduce((s, x) => s + x.size, 0);
      const signals = replay(stream).filter((s) => s.kind === 'burst');
      const after = start + warmup * DAY;
      measuredDays += days - warmup;
      for (const st of storms) {
        total[st.klass] = (total[st.klass] ?? 0) + 1;
        const hit = signals.filter((s) => Date.parse(s.at) >= st.onset && Date.parse(s.at) <= st.end + 30 * MIN).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
        if (!hit) {
          missed[st.klass] = (missed[st.klass] ?? 0) + 1;
          continue;
        }
        (delays[st.klass] ??= []).push((Date.parse(hit.at) - st.onset) / MIN);
        const ids = new Set(st.firstPostIds);
        const stormPostsBefore = stream.filter((m) => ids.has(m.id) && Date.parse(m.publishedAt) <= Date.parse(hit.at)).length;
        (postsToSignal[st.klass] ??= []).push(stormPostsBefore);
      }
      for (const s of signals) {
        const t = Date.parse(s.at);
        if (t < after) continue;
        // A burst whose window holds the storm is about it, even when a long window fires after it ended.
        const from = s.burst ? Date.parse(s.burst.windowStart) : t;
        if (storms.some((st) => (t >= st.onset && t <= st.end + 30 * MIN) || (from <= st.end && t >= st.onset))) continue;
        falseAlarms++;
        const dim = s.burst?.dimension ?? '?';
        faByDim[dim] = (faByDim[dim] ?? 0) + 1;
      }
      const control = buildStream(seed, days, peak, false, warmup);
      controlFalse += replay(control.stream).filter((s) => s.kind === 'burst' && Date.parse(s.at) >= control.start + warmup * DAY).length;
    }
    const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
    console.log(`\nbackground peak ${peak} negative posts/hour (≈${Math.round(bgPosts / (seeds.length * days))} per day), ${days} days × ${seeds.length} seeds, first ${warmup} days warm-up`);
    for (const k of Object.keys(total)) {
      const d = delays[k] ?? [];
      console.log(
        `  storm ${k.padEnd(27)} detected ${String(d.length).padStart(2)}/${total[k]}  delay median ${med(d).toFixed(1)} min (max ${d.length ? Math.max(...d).toFixed(1) : '-'})  storm posts until signal: median ${med(postsToSignal[k] ?? [])}`,
      );
    }
    console.log(`  false alarms (burst signals outside storms, after warm-up): ${falseAlarms} → ${(falseAlarms / measuredDays).toFixed(2)} per replayed day  by dimension ${JSON.stringify(faByDim)}`);
    console.log(`  storm-free control run: ${controlFalse} burst signals → ${(controlFalse / measuredDays).toFixed(2)} per replayed day`);
  }
}

console.log(`eval:detection  data: ${dataDir}${quick ? '  (quick)' : ''}  ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC  load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (uptime)`);
const t0 = Date.now();
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (!only || only === 'clustering') evalClustering();
if (!only || only === 'bursts') evalBursts();
if (!only || only === 'streams') evalStreams({ quick });
if (!only || only === 'cues') evalCuePrecision();
console.log(`\n(done in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
