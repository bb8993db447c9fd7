import type { EnrichedMention } from '@vigil/contracts';
import { makeMention, type MentionSpec } from './mention-factory';
import { expGapMs, mulberry32 } from './prng';

/** Expected share of the daily peak at each hour of the day (quiet nights, busy evenings). */
export function diurnal(hourOfDay: number): number {
  return 0.15 + 0.85 * Math.max(0, Math.sin(((hourOfDay - 6) / 18) * Math.PI));
}

const WORDS = ['配送', '超时', '饭菜', '凉了', '少送', '漏送', '洒了', '态度', '客服', '退款', '包装', '味道', '太咸', '分量', '骑手', '商家', '打电话', '不接', '差评', '难吃', '等了', '很久', '送错', '餐具', '没有', '发票', '优惠', '价格', '太贵', '油腻'];

/**
 * A background of unrelated complaints over `days`, peak rate `peakPerHour`,
 * Poisson arrivals shaped by time of day. Deterministic from `seed`.
 */
export function backgroundStream(opts: { start: number; days: number; peakPerHour: number; seed: number; extra?: Partial<MentionSpec> }): EnrichedMention[] {
  const rand = mulberry32(opts.seed);
  const out: EnrichedMention[] = [];
  const end = opts.start + opts.days * 86_400_000;
  let t = opts.start;
  let i = 0;
  // Thinning: draw at the peak rate, keep with probability diurnal(hour).
  for (;;) {
    t += expGapMs(rand, opts.peakPerHour);
    if (t >= end) break;
    if (rand() > diurnal(new Date(t).getUTCHours())) continue;
    const words = Array.from({ length: 4 }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    out.push(
      makeMention({
        ext: `bg-${opts.seed}-${i++}`,
        text: words.join('，'),
        at: t,
        author: `bg-user-${Math.floor(rand() * 1e6)}`,
        followers: 100 + Math.floor(rand() * 1000),
        categories: [rand() < 0.5 ? 'delivery' : 'service'],
        ...opts.extra,
      }),
    );
  }
  return out;
}

export const STORM_TEXTS = ['暴雨天送餐超时两个小时，饭菜全凉了', '下雨送餐太慢了，等了两小时还没到', '雨天外卖超时严重，饭都凉透了', '骑手说下雨路滑，晚了快两个小时'];

/** `n` storm posts whose rate rises linearly over the first quarter of `hours`, holds, then falls: organic growth. */
export function rampStorm(watch: string, onset: number, hours: number, n: number, seed: number, tag = 'storm'): EnrichedMention[] {
  const H = 3_600_000;
  const rand = mulberry32(seed);
  const f = (u: number) => (u < 0.25 ? u / 0.25 : u < 0.6 ? 1 : (1 - u) / 0.4);
  const times: number[] = [];
  while (times.length < n) {
    const u = rand();
    if (rand() <= f(u)) times.push(onset + u * hours * H);
  }
  return times.sort((a, b) => a - b).map((at, i) =>
    makeMention({ ext: `${tag}-${watch}-${i}`, text: STORM_TEXTS[i % STORM_TEXTS.length]!, at, author: `${tag}-u${i}`, categories: ['delivery'], watches: watch }),
  );
}
