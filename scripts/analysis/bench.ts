/**
 * Throughput of analyze() on one core for Chinese, English and mixed posts of about
 * 100 characters (the issue's yardstick), with memory. Prints figures; asserts nothing.
 *
 *   npm run bench:analysis [-- seconds-per-case=7]
 *   BENCH_MODELS=<dir>/sentiment-models.json npm run bench:analysis: also zh and en with that
 *   deployment update in force (`vigil train`'s file, as the processor loads it), beside the shipped models.
 * It runs the tsc output in dist/, as the services do: tsx's on-the-fly transform (keepNames
 * wrappers and all) measured up to 20 % slower, which says nothing about production.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { DeploymentModels } from '@vigil/contracts';
import { createAnalyzer } from '../../libs/analysis/src';
import { fromDeploymentModels } from '../../libs/analysis/src/training/deployment-models';
import { SpeedLog } from '../machine-speed';

const ZH = [
  '这家外卖送得太慢了，等了两个小时，饭菜都凉了，客服态度也很差，你们还能再慢一点吗？我要投诉到12315！订单号：2024051812345678，联系电话13812341234，退款58元。',
  '东西收到了，包装很好，质量也不错，物流很快，第二天就到了，客服态度热情，解答问题很耐心，性价比很高，下次还会再来买的，推荐给大家！五星好评，朋友们放心买吧，这次购物体验真的很满意，谢谢商家。',
  '我们小区好多人都被盗刷了，银行卡信息泄露，打客服电话没人接，找你们经理也不管，已经报警了，准备找记者曝光，家里还有老人和孩子，这事必须给个说法，赔偿两万元！大家都在维权群里等回复，再不处理就集体投诉。',
];
const EN = [
  'Ordered twice and the package is still not delivered. Support hung up on me again. Refund $59.99 now!',
  'Great phone, battery lasts all day and the camera is amazing. Fast shipping, friendly seller. Thanks!',
  'My account was hacked and someone made unauthorized charges. App crashes since v3.2.1. Calling a lawyer.',
  'Waited 3 weeks for a replacement and nobody answers emails. Worst customer service ever, never again!!',
];
const MIXED = [
  '这个app在华为Mate 60上总是crash，support team never replies，太差了，refund please，订单号A2024051812，真的很失望 so disappointed。',
  '客服 customer service 态度很好 very helpful，delivery 也很快 super fast，下次还会买 will buy again，五星好评 highly recommended！',
  '外卖 delivery 又晚了一个小时 an hour late again，food was cold，打客服电话 no response，我要投诉 filing a complaint now！',
];

const seconds = Number(process.argv[2] ?? 7);
const analyzer = createAnalyzer();
// A deployment with emotion and category nudges in force (what a model update learns from
// corrections): about as many weights as a few hundred corrections leave, spread over the hash space.
const nudge = (n: number, seed: number) => new Map(Array.from({ length: n }, (_, i) => [((i + seed) * 2654435761) % 2 ** 18, 0.05] as [number, number]));
const nudged = createAnalyzer({ sentimentModels: { labels: { emotion: nudge(20_000, 1), categories: Object.fromEntries(['product_quality', 'logistics', 'service_attitude', 'billing_refund', 'function_bug', 'security_privacy', 'price_promotion', 'account_login'].map((id, k) => [id, nudge(5_000, 7 + k)])) } } });
const mb = (n: number) => (n / 1024 / 1024).toFixed(1) + ' MB';

/** Posts per second over one timed slice of `sec` seconds: per wall second and per CPU second of this process. */
function slice(posts: string[], sec: number, a = analyzer): { wall: number; cpu: number } {
  let n = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(sec * 1e9));
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 100; i++) a.analyze({ text: posts[(n + i) % posts.length]! });
    n += 100;
  }
  const c = process.cpuUsage(c0);
  return { wall: n / (Number(process.hrtime.bigint() - t0) / 1e9), cpu: n / ((c.user + c.system) / 1e6) };
}

const CASES: Array<[string, string[], ReturnType<typeof createAnalyzer>?]> = [['zh', ZH], ['en', EN], ['mixed', MIXED], ['zh+nudge', ZH, nudged], ['en+nudge', EN, nudged]];
if (process.env.BENCH_MODELS) {
  const updated = createAnalyzer({ sentimentModels: fromDeploymentModels(DeploymentModels.parse(JSON.parse(fs.readFileSync(process.env.BENCH_MODELS, 'utf8')))) });
  CASES.push(['zh+update', ZH, updated], ['en+update', EN, updated]);
}
// This machine shares its cores: a slow minute would sink whichever case ran in it. The
// cases run in interleaved rounds instead, and the median round is the figure.
const ROUNDS = 7;
console.log(`# load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`# analyze() throughput, single thread, node ${process.version}; ${ROUNDS} interleaved rounds of ${(seconds / ROUNDS).toFixed(2)} s per case`);
const m0 = process.memoryUsage();
for (const [, posts, a = analyzer] of CASES) for (let i = 0; i < 3000; i++) a.analyze({ text: posts[i % posts.length]! });
const rates = new Map<string, number[]>(CASES.map(([n]) => [n, []]));
// On a shared machine the wall clock also counts the time other tenants held the core; CPU time does not.
const cpuRates = new Map<string, number[]>(CASES.map(([n]) => [n, []]));
const speed = new SpeedLog();
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, posts, a] of CASES) {
    const r = slice(posts, seconds / ROUNDS, a);
    rates.get(name)!.push(r.wall);
    cpuRates.get(name)!.push(r.cpu);
    speed.sample(20);
  }
}
for (const [name, posts] of CASES) {
  const xs = rates.get(name)!.sort((a, b) => a - b);
  const median = xs[Math.floor(xs.length / 2)]!;
  const avgLen = Math.round(posts.reduce((s, p) => s + p.length, 0) / posts.length);
  const cs = cpuRates.get(name)!.sort((a, b) => a - b);
  const cpu = cs[Math.floor(cs.length / 2)]!;
  console.log(`${name.padEnd(9)} ${Math.round(median).toString().padStart(7)} posts/s median  (rounds ${Math.round(xs[0]!)}–${Math.round(xs[xs.length - 1]!)}; avg ${avgLen} chars, ${(1e6 / median).toFixed(0)} µs/post); per CPU second ${Math.round(cpu)}`);
}
console.log(`machine speed during the run (scripts/machine-speed.ts reference loop): ${speed}`);
const big = 'x'.repeat(1024 * 1024);
const t = Date.now();
const r = analyzer.analyze({ text: '太慢了' + big });
console.log(`1 MB text: ${Date.now() - t} ms, truncated=${r.analysis.truncated}`);
// A long real-looking post, read whole in windows: what a threat at its end costs.
const long = '今天收到了包裹，包装完好，物流还算快，客服回复也及时，东西和描述的一样。'.repeat(1400) + '再不处理我就打12315投诉，找媒体曝光！';
const t2 = Date.now();
const r2 = analyzer.analyze({ text: long });
console.log(`${Math.round(long.length / 1000)} K-character post: ${Date.now() - t2} ms, cues ${r2.analysis.riskCues.map((c) => c.kind).join(', ')}`);
const m1 = process.memoryUsage();
console.log(`memory: rss ${mb(m1.rss)} (start ${mb(m0.rss)}), heapUsed ${mb(m1.heapUsed)}, external+arrayBuffers ${mb(m1.external + m1.arrayBuffers)}`);
