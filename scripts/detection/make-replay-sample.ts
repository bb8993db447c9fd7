/**
 * Writes demo/replay/storm-day.jsonl: a labelled day for `vigil replay`, deterministic (seeded).
 * Background chatter all day in zh and en (praise and questions),
 * and two incidents written the way such storms read:
 *   - `compound-refund`: from 14:00, households of 阳光花园 complain about one failed delivery
 *     batch and refunds that never came (a group complaint);
 *   - `login-outage`: from 19:30, English users cannot log in after an app update.
 * The text is ours (templates); it is for demos and for the replay test, not for scoring
 * detection quality — `npm run eval:detection` does that on real labelled data.
 * Usage: tsx scripts/detection/make-replay-sample.ts [out.jsonl]
 */
import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../test/support/prng';

const out = process.argv[2] ?? path.resolve(__dirname, '../../demo/replay/storm-day.jsonl');
const rnd = mulberry32(20261123);
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const day = Date.parse('2026-03-02T00:00:00+08:00');
const rows: Record<string, unknown>[] = [];
let n = 0;
const add = (minute: number, text: string, author: string, extra: Record<string, unknown> = {}) =>
  rows.push({ id: `p${++n}`, at: new Date(day + minute * 60_000).toISOString(), author, channel: 'social', text, ...extra });

// Composed from parts so that no two background posts read the same: chatter, not a storm.
const zhWho = ['今天', '刚才', '周末', '早上', '中午', '晚上', '昨天'];
const zhWhat = ['点的鲜达外卖', '鲜达买的水果', '鲜达的便当', '鲜达送的奶茶', '在鲜达下的单', '鲜达的新品', '鲜达的早餐'];
const zhHow = ['送得挺快，赞一个', '味道不错，下次还买', '骑手态度很好，谢谢', '包装很用心', '分量很足', '比预计早到了十分钟', '很新鲜，推荐'];
const enWho = ['Today', 'This morning', 'Tonight', 'Yesterday', 'At lunch'];
const enWhat = ['my FreshDash order', 'the FreshDash fruit box', 'FreshDash coffee', 'the FreshDash salad', 'a FreshDash breakfast'];
const enHow = ['arrived early, nice', 'was really fresh', 'came with a friendly note', 'was great value', 'tasted amazing'];
const chatter = () => (rnd() < 0.65 ? `${pick(zhWho)}${pick(zhWhat)}${pick(zhHow)}` : `${pick(enWho)} ${pick(enWhat)} ${pick(enHow)}`);
// About one post every 6 minutes all day, more in the evening.
for (let m = 0; m < 24 * 60; m += 2 + Math.floor(rnd() * 8)) {
  const hour = m / 60;
  if (hour < 7 && rnd() < 0.6) continue;
  add(m, chatter(), `bg${Math.floor(rnd() * 400)}`, { incident: '' });
}

const buildings = ['1栋', '2栋', '3栋', '5栋', '6栋', '8栋', '9栋', '11栋'];
const compound = [
  '阳光花园{b}的，鲜达外卖昨天那批订单到现在没送到，申请退款也一直不到账，太过分了',
  '我们阳光花园小区好多户都遇到了，鲜达外卖订单没送到，退款拖了三天还没到账',
  '阳光花园{b}，鲜达外卖同一批订单全部没送达，客服说退款却一直没退，大家都在维权群里',
  '鲜达外卖在阳光花园的配送全军覆没，退款不到账，客服电话打不通，再不处理就找12315',
  '阳光花园{b}业主：鲜达外卖的订单没送，退款也不退，已经第二次了，要求赔偿',
];
for (let i = 0; i < 34; i++) {
  const m = 14 * 60 + Math.floor(i * 2.5 + rnd() * 3);
  add(m, pick(compound).replace('{b}', pick(buildings)), `yg-household-${i}`, { incident: 'compound-refund', channel: pick(['social', 'review', 'forum']) });
}

const outage = [
  "Can't log in to FreshDash since the update, it just says error 503",
  'FreshDash app login broken after the update, I cannot see my orders',
  'Is FreshDash down? Login fails every time since version 5.2',
  'FreshDash login keeps failing after the latest app update, fix it please',
  'After updating FreshDash I am locked out, login error again and again',
];
for (let i = 0; i < 28; i++) {
  const m = 19 * 60 + 30 + Math.floor(i * 1.5 + rnd() * 2);
  add(m, pick(outage), `en-user-${i}`, { incident: 'login-outage', channel: pick(['social', 'appstore']), lang: 'en' });
}

rows.sort((a, b) => String(a.at).localeCompare(String(b.at)));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`wrote ${rows.length} posts to ${out}`);
