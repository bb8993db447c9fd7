/**
 * Throughput of analyze() on one core for ~100-character Chinese, English and
 * mixed posts, with memory. Prints figures; asserts nothing.
 *
 *   tsx scripts/analysis/bench.ts [seconds-per-case=3]
 */
import { createAnalyzer } from '../../libs/analysis/src';

const ZH = [
  '这家外卖送得太慢了，等了两个小时，饭菜都凉了，客服态度也很差，你们还能再慢一点吗？我要投诉到12315！订单号：2024051812345678，联系电话13812341234，退款58元。',
  '东西收到了，包装很好，质量也不错，物流很快，第二天就到了，客服态度热情，解答问题很耐心，性价比很高，下次还会再来买的，推荐给大家！五星好评，朋友们放心买吧。',
  '我们小区好多人都被盗刷了，银行卡信息泄露，打客服电话没人接，找你们经理也不管，已经报警了，准备找记者曝光，家里还有老人和孩子，这事必须给个说法，赔偿两万元！',
];
const EN = [
  'Ordered twice and the package is still not delivered. Customer service hung up on me again. I want a refund of $59.99 now or I will report you to the BBB!!',
  'Great phone, battery lasts all day and the camera is amazing. Shipping was fast and the seller was very friendly. Would definitely buy again from this store, thanks!',
  'My account was hacked and someone made unauthorized charges. Your app keeps crashing on iPhone 15 since version 3.2.1 and nobody answers. Talking to my lawyer now.',
];
const MIXED = [
  '这个app在华为Mate 60上总是crash，support team never replies to my emails，太差了，refund please，订单号：A20240518123456，真的很失望 so disappointed。',
  '客服 customer service 态度很好 very helpful，delivery 也很快 super fast，下次还会买 will buy again，五星好评 highly recommended to everyone 推荐！',
];

const seconds = Number(process.argv[2] ?? 3);
const analyzer = createAnalyzer();
const mb = (n: number) => (n / 1024 / 1024).toFixed(1) + ' MB';

function run(name: string, posts: string[]): void {
  for (let i = 0; i < 500; i++) analyzer.analyze({ text: posts[i % posts.length]! });
  const avgLen = Math.round(posts.reduce((s, p) => s + p.length, 0) / posts.length);
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 100; i++) analyzer.analyze({ text: posts[(n + i) % posts.length]! });
    n += 100;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${name.padEnd(8)} ${Math.round(n / s).toString().padStart(7)} posts/s   (${n} posts, avg ${avgLen} chars, ${(1e6 * s / n).toFixed(0)} µs/post)`);
}

console.log(`# analyze() throughput, single thread, node ${process.version}`);
const m0 = process.memoryUsage();
run('zh', ZH);
run('en', EN);
run('mixed', MIXED);
const big = 'x'.repeat(1024 * 1024);
const t = Date.now();
const r = analyzer.analyze({ text: '太慢了' + big });
console.log(`1 MB text: ${Date.now() - t} ms, truncated=${r.analysis.truncated}`);
const m1 = process.memoryUsage();
console.log(`memory: rss ${mb(m1.rss)} (start ${mb(m0.rss)}), heapUsed ${mb(m1.heapUsed)}, external+arrayBuffers ${mb(m1.external + m1.arrayBuffers)}`);
