/**
 * What watch matching costs per post, beside what the analysis of the same post costs, in one
 * process: real posts (zh food-delivery and shopping reviews, en tweets and reviews), their text
 * views made once by the analyzer, then WatchMatcher.match over them with 1 … 1,000 watches.
 * The watches' words are drawn from the posts' own frequent words, so rules hit often (a harder
 * case than brand names, which most posts do not contain). Prints figures; asserts nothing.
 *
 *   npm run bench:watch [-- seconds-per-case=10]
 */
import { WatchConfig } from '../../libs/contracts/src';
import { createAnalyzer, type TextView } from '../../libs/analysis/src';
import { compileWatches, type MatchInput } from '../../libs/watch/src';
import { loadShopping, loadTweetSentiment, loadUci, loadWaimai } from '../analysis/data';
import { SpeedLog } from '../machine-speed';

const seconds = Number(process.argv[2] ?? 10);
const POSTS_PER_SET = 2500;

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const analyzer = createAnalyzer();
const texts = [
  ...loadWaimai().rows.slice(0, POSTS_PER_SET),
  ...loadShopping().rows.filter((_, i) => i % 7 === 0).slice(0, POSTS_PER_SET),
  ...loadTweetSentiment().rows.slice(0, POSTS_PER_SET),
  ...loadUci('amazon_cells').rows,
].map((r) => r.text);

const views: TextView[] = texts.map((text) => analyzer.analyze({ text }).view);
const inputs: MatchInput[] = views.map((v, i) => ({ ...v, sourceId: `src-${i % 5}`, channel: 'review' }));

// Frequent words of the posts themselves.
const counts = new Map<string, number>();
for (const v of views) for (const w of v.words ?? v.text.toLowerCase().match(/[a-z]{4,}/g) ?? []) if (/^[\u4e00-\u9fff]{2,4}$|^[a-z]{4,}$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
const vocab = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(20, 2020).map(([w]) => w);

/** Brand watches: names and aliases most posts do not contain, rules that need the brand. */
function brandWatches(n: number, rnd: () => number): WatchConfig[] {
  const pick = () => vocab[Math.floor(rnd() * vocab.length)]!;
  return Array.from({ length: n }, (_, i) =>
    WatchConfig.parse({
      id: `b${i}`,
      name: `brand ${i}`,
      brands: [{ name: `品牌${i}号`, aliases: [`brand${i}`, `pinpai${i}`], handles: [`@brand${i}`], hashtags: [`#brand${i}`] }],
      products: [{ name: `产品${i}`, aliases: [`product${i}`] }],
      rules: [`(品牌${i}号 OR brand${i}) AND (${pick()} OR ${pick()})`, `品牌${i}号 NEAR/10 ${pick()}`],
      exclusions: [`${pick()} ${pick()}`, '招聘'],
    }),
  );
}

/** Topic watches: rules made of the posts' own frequent words, so many posts are candidates (the hard case). */
function topicWatches(n: number, rnd: () => number): WatchConfig[] {
  const pick = () => vocab[Math.floor(rnd() * vocab.length)]!;
  return Array.from({ length: n }, (_, i) =>
    WatchConfig.parse({
      id: `w${i}`,
      name: `watch ${i}`,
      brands: [{ name: `品牌${i}号`, aliases: [`brand${i}`, `pinpai${i}`], handles: [`@brand${i}`], hashtags: [`#brand${i}`] }],
      products: [{ name: `产品${i}`, aliases: [`product${i}`] }],
      rules: [`${pick()} AND (${pick()} OR ${pick()})`, `${pick()} NEAR/10 ${pick()}`, `"${pick()}" -${pick()}`],
      exclusions: [`${pick()} ${pick()}`, '招聘'],
    }),
  );
}

function matchRate(m: ReturnType<typeof compileWatches>, sec: number): { perSec: number; matched: number } {
  let n = 0;
  let matched = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(sec * 1e9));
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 200; i++) if (m.match(inputs[(n + i) % inputs.length]!).length) matched++;
    n += 200;
  }
  return { perSec: n / (Number(process.hrtime.bigint() - start) / 1e9), matched: matched / n };
}

const sizes = [1, 10, 100, 1000];
const rnd = prng(42);
const matchers = (['brand', 'topic'] as const).flatMap((kind) =>
  sizes.map((n) => {
    const watches = kind === 'brand' ? brandWatches(n, rnd) : topicWatches(n, rnd);
    const c0 = process.hrtime.bigint();
    const m = compileWatches(watches);
    return { key: `${kind}:${n}`, kind, n, m, compileMs: Number(process.hrtime.bigint() - c0) / 1e6 };
  }),
);
for (const { m } of matchers) for (let i = 0; i < 2000; i++) m.match(inputs[i % inputs.length]!);

/** The analysis itself over the same posts, timed in the same rounds: the yardstick. */
function analysisRate(sec: number): number {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(sec * 1e9));
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 20; i++) analyzer.analyze({ text: texts[(n + i) % texts.length]! });
    n += 20;
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

const ROUNDS = 5;
const speed = new SpeedLog();
const results = new Map<string, { perSec: number; matched: number }[]>(matchers.map((m) => [m.key, []]));
const analysisRates: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  analysisRates.push(analysisRate(seconds / ROUNDS));
  for (const { key, m } of matchers) {
    results.get(key)!.push(matchRate(m, seconds / ROUNDS / 2));
    speed.sample(20);
  }
}
const avgLen = Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length);
const analysisUs = 1e6 / analysisRates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
console.log(`# watch matching, single thread, node ${process.version}; ${inputs.length} real posts (avg ${avgLen} chars); ${ROUNDS} interleaved rounds`);
console.log(`analysis of the same posts: ${analysisUs.toFixed(1)} µs/post median (${Math.round(1e6 / analysisUs)} posts/s)`);
for (const { key, kind, n, m, compileMs } of matchers) {
  const xs = results.get(key)!.sort((a, b) => a.perSec - b.perSec);
  const med = xs[Math.floor(xs.length / 2)]!;
  const us = 1e6 / med.perSec;
  console.log(
    `${kind.padEnd(5)} ${String(n).padStart(5)} watches (${m.stats.terms} terms, compiled in ${compileMs.toFixed(1)} ms): ${us.toFixed(2)} µs/post median ` +
      `(rounds ${(1e6 / xs[xs.length - 1]!.perSec).toFixed(2)}–${(1e6 / xs[0]!.perSec).toFixed(2)}), ` +
      `${(100 * med.matched).toFixed(1)} % of posts matched, = ${((100 * us) / analysisUs).toFixed(1)} % of the analysis cost`,
  );
}
console.log(`machine speed during the run (scripts/machine-speed.ts reference loop): ${speed}`);
