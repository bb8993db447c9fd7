/**
 * Evaluation streams: real texts from ../shared/data (and CFPB's real dates and companies)
 * replayed per brand at realistic rhythms. What an incident is comes from the construction
 * (the posts added as a storm, a spike or a group complaint) or, for CFPB, from the daily
 * counts alone (see cfpb.ts) — never from any detector's output. Seeds are fixed and printed.
 */
import type { Channel } from '@vigil/contracts';
import { mulberry32 } from '../../../test/support/prng';
import { appStoreUpdateReviews, cycler, pick, shoppingTexts, themed, tweetTexts, uciTexts, waimaiTexts, type Text } from './corpora';
import {
  arrivals, DAY, HOUR, MEALS, rampTimes, SOCIAL, spikeTimes, WEEK_DELIVERY, WEEK_FLAT, type VolumeSpec,
} from './rhythm';

export interface StreamPost {
  ext: string;
  text: string;
  title?: string;
  rating?: number;
  at: number;
  author: string;
  watch: string;
  channel: Channel;
  /** The incident (or non-incident) this post was added for; undefined = ordinary stream. */
  incident?: string;
}

export type IncidentKind = 'slow-storm' | 'spike' | 'group' | 'app-update' | 'real-surge' | 'viral-neutral' | 'common-cause';

export interface Incident {
  id: string;
  watch: string;
  kind: IncidentKind;
  onset: number;
  end: number;
  /** How much it adds to the watch's usual day (1 = doubles it), when known. */
  dayFactor?: number;
  /** False for things that must NOT alarm (a viral joke of neutral posts). */
  alarm: boolean;
  note: string;
}

export interface Scenario {
  name: string;
  seed: number;
  split: 'dev' | 'held-out';
  description: string;
  watches: string[];
  start: number;
  end: number;
  /** Days from start before anything is scored (baselines need history). */
  warmupDays: number;
  /** Local time offset of the stream (day boundaries for "quiet days"). */
  utcOffset: number;
  /** Per watch: when its collection began (no coverage before). Absent = from the start. */
  coverageFrom: Record<string, number>;
  posts: StreamPost[];
  incidents: Incident[];
  /** Per watch, local day indexes that are neither storm nor quiet (left out of both counts). */
  unclearDays?: Record<string, Set<number>>;
  /** Every post of an incident's days is labelled the incident's (CFPB): a storm day has no ordinary posts of its own. */
  incidentsCoverWholeDays?: boolean;
}

export interface BrandSpec {
  watch: string;
  volume: VolumeSpec;
  pool: Text[];
  channel: Channel;
  /** Collection starts this many days in (coverage). */
  startDay?: number;
}

const MIN = 60_000;

/** The stream of one brand, plus a city mention on a share of its posts (strangers in one city are not a group). */
export function background(rand: () => number, b: BrandSpec, start: number, end: number, cities: string[], cityStyle: (c: string, t: string) => string): StreamPost[] {
  const from = start + (b.startDay ?? 0) * DAY;
  const next = cycler(rand, b.pool);
  return arrivals(rand, b.volume, from, end).map((at, i) => {
    const t = next();
    const text = rand() < 0.12 ? cityStyle(pick(rand, cities), t.text) : t.text;
    return {
      ext: `${b.watch}-bg-${i}`, text, ...(t.title ? { title: t.title } : {}), ...(t.rating ? { rating: t.rating } : {}),
      at, author: `${b.watch}-u${Math.floor(rand() * 1e7)}`, watch: b.watch, channel: b.channel,
    };
  });
}

/** The brand's expected posts on the day of `t` (weekday, growth), for sizing a storm against it. */
export function expectedDay(b: BrandSpec, start: number, t: number, utcOffset: number): number {
  const day = Math.floor((t - start) / DAY);
  const dow = new Date(t + utcOffset * HOUR).getUTCDay();
  return b.volume.perDay * Math.pow(1 + b.volume.growthPerDay, day) * b.volume.weekly[dow]!;
}

export interface Built { posts: StreamPost[]; incidents: Incident[] }

export function slowStorm(rand: () => number, id: string, b: BrandSpec, pool: Text[], start: number, day: number, utcOffset: number, note: string): Built {
  // `start` is local midnight: storms begin between 09:00 and 17:00 local time.
  const onset = start + day * DAY + 9 * HOUR + Math.floor(rand() * 8 * 60) * MIN;
  const hours = 6 + Math.floor(rand() * 5);
  const factor = 1 + 0.4 * rand();
  const n = Math.round(factor * expectedDay(b, start, onset, utcOffset));
  const times = rampTimes(rand, onset, hours * HOUR, n);
  const next = cycler(rand, pool);
  const posts = times.map((at, i) => ({ ext: `${id}-${i}`, text: next().text, at, author: `${id}-u${Math.floor(rand() * 1e7)}`, watch: b.watch, channel: b.channel, incident: id }));
  return { posts, incidents: [{ id, watch: b.watch, kind: 'slow-storm', onset, end: times.at(-1)!, dayFactor: factor, alarm: true, note: `${note}: +${n} posts over ${hours} h (×${(1 + factor).toFixed(1)} the day)` }] };
}

function spike(rand: () => number, id: string, b: BrandSpec, pool: Text[], start: number, day: number, note: string): Built {
  const onset = start + day * DAY + 10 * HOUR + Math.floor(rand() * 9 * 60) * MIN;
  const n = 30 + Math.floor(rand() * 30);
  const minutes = 20 + Math.floor(rand() * 15);
  const times = spikeTimes(rand, onset, minutes * MIN, n);
  const next = cycler(rand, pool);
  const posts = times.map((at, i) => ({ ext: `${id}-${i}`, text: next().text, at, author: `${id}-u${Math.floor(rand() * 1e7)}`, watch: b.watch, channel: b.channel, incident: id }));
  return { posts, incidents: [{ id, watch: b.watch, kind: 'spike', onset, end: times.at(-1)!, alarm: true, note: `${note}: ${n} posts in ${minutes} min` }] };
}

/** Households of one compound about one failed order wave: distinct authors, one place below the city, one order batch. */
function groupComplaint(rand: () => number, id: string, b: BrandSpec, pool: Text[], start: number, day: number, compound: string): Built {
  const onset = start + day * DAY + 11 * HOUR + Math.floor(rand() * 6 * 60) * MIN;
  const n = 14 + Math.floor(rand() * 8);
  const times = spikeTimes(rand, onset, (90 + Math.floor(rand() * 60)) * MIN, n);
  const batch = `E${20260000 + Math.floor(rand() * 9999)}`;
  const next = cycler(rand, pool);
  const posts = times.map((at, i) => {
    const order = rand() < 0.6 ? `订单号${batch}${String(Math.floor(rand() * 1e5)).padStart(5, '0')}，` : '';
    return { ext: `${id}-${i}`, text: `${next().text}（${compound}${1 + Math.floor(rand() * 12)}号楼）${order}`, at, author: `${id}-h${i}`, watch: b.watch, channel: b.channel, incident: id };
  });
  return { posts, incidents: [{ id, watch: b.watch, kind: 'group', onset, end: times.at(-1)!, alarm: true, note: `${n} households of ${compound}, order batch ${batch}` }] };
}

/** Storm days: after warm-up, at least three days apart per brand, never on the last day. */
export function stormDays(rand: () => number, from: number, to: number, count: number, taken: Set<number>): number[] {
  const out: number[] = [];
  for (let guard = 0; out.length < count && guard < 500; guard++) {
    const d = from + Math.floor(rand() * (to - from));
    if ([...taken, ...out].some((x) => Math.abs(x - d) < 3)) continue;
    out.push(d);
  }
  return out.sort((a, b) => a - b);
}

export function assemble(s: Omit<Scenario, 'posts' | 'incidents'>, bg: StreamPost[], extra: Built[]): Scenario {
  const posts = [...bg, ...extra.flatMap((e) => e.posts)].sort((a, b) => a.at - b.at || (a.ext < b.ext ? -1 : 1));
  return { ...s, posts, incidents: extra.flatMap((e) => e.incidents).sort((a, b) => a.onset - b.onset) };
}

export const ZH_CITIES = ['北京', '上海', '广州'];
const ZH_CITY_STYLES = [(c: string, t: string) => `坐标${c}，${t}`, (c: string, t: string) => `${c}这边，${t}`, (c: string, t: string) => `在${c}点的，${t}`, (c: string, t: string) => `${t}（${c}）`];
export const zhCity = (c: string, t: string) => ZH_CITY_STYLES[(c.charCodeAt(0) + t.length) % ZH_CITY_STYLES.length]!(c, t);
const EN_CITIES = ['Houston', 'Boston', 'Chicago'];
const EN_CITY_STYLES = [(c: string, t: string) => `${c} here. ${t}`, (c: string, t: string) => `${t} #${c}`, (c: string, t: string) => `In ${c}: ${t}`];
const enCity = (c: string, t: string) => EN_CITY_STYLES[(c.length + t.length) % EN_CITY_STYLES.length]!(c, t);
export const START = Date.parse('2026-03-01T16:00:00Z'); // Monday 00:00 in UTC+8

export const vol = (perDay: number, hours: readonly number[], weekly: readonly number[], utcOffset: number, growthPerDay = 0): VolumeSpec => ({
  perDay, hours, weekly, utcOffset, growthPerDay, daySigma: 0.15, hourSigma: 0.25,
});

/**
 * Four food-delivery brands on real waimai reviews (meal-time peaks, busier weekends, one brand
 * growing, one whose collection starts on day 14), 28 days. Per seed: slow storms that double a
 * brand's day over 6–10 h, a sharp spike, households of one compound (a group complaint).
 */
export function zhDelivery(seed: number, split: Scenario['split']): Scenario {
  const rand = mulberry32(seed);
  const days = 28;
  const pool = waimaiTexts();
  const brands: BrandSpec[] = [
    { watch: 'dash', volume: vol(700, MEALS, WEEK_DELIVERY, 8, 0.01), pool, channel: 'social' },
    { watch: 'ele', volume: vol(260, MEALS, WEEK_DELIVERY, 8), pool, channel: 'review' },
    { watch: 'mei', volume: vol(110, MEALS, WEEK_DELIVERY, 8, -0.005), pool, channel: 'social' },
    { watch: 'late', volume: vol(350, MEALS, WEEK_DELIVERY, 8), pool, channel: 'social', startDay: 14 },
  ];
  const end = START + days * DAY;
  const bg = brands.flatMap((b) => background(rand, b, START, end, ZH_CITIES, zhCity));
  const late = themed(pool, /慢|超时|小时|晚了|太久|等了/, 0);
  const cold = themed(pool, /凉|冷了/, 0);
  const missing = themed(pool, /少送|漏|没送|少了|退款/, 0);
  const extra: Built[] = [];
  for (const b of brands) {
    const from = Math.max(7, (b.startDay ?? 0) + 3);
    const taken = new Set<number>();
    for (const d of stormDays(rand, from, days - 1, b.watch === 'late' ? 1 : 2, taken)) {
      taken.add(d);
      extra.push(slowStorm(rand, `${b.watch}-storm-d${d}`, b, rand() < 0.5 ? late : cold, START, d, 8, 'rain: late and cold food'));
    }
    if (b.watch === 'ele' || b.watch === 'dash') {
      const [d] = stormDays(rand, 7, days - 1, 1, taken);
      if (d !== undefined) {
        taken.add(d);
        extra.push(spike(rand, `${b.watch}-spike-d${d}`, b, missing, START, d, 'missing items'));
      }
    }
    if (b.watch === 'mei') {
      const [d] = stormDays(rand, 7, days - 1, 1, taken);
      if (d !== undefined) extra.push(groupComplaint(rand, `${b.watch}-group-d${d}`, b, missing, START, d, pick(rand, ['阳光花园', '翠湖小区', '金色家园'])));
    }
  }
  return assemble(
    {
      name: 'zh-delivery', seed, split,
      description: '4 delivery brands, real waimai reviews at meal-time rhythms, 28 days; brand "late" collected from day 14',
      watches: brands.map((b) => b.watch), start: START, end, warmupDays: 7, utcOffset: 8,
      coverageFrom: { late: START + 14 * DAY },
    },
    bg, extra,
  );
}

/**
 * Another domain held out: four shop brands on real online-shopping reviews (tablets, phones,
 * clothes, a developer tool whose real App Store reviews after one update arrive over 8 hours).
 */
export function zhShopping(seed: number, split: Scenario['split']): Scenario {
  const rand = mulberry32(seed);
  const days = 28;
  const brands: BrandSpec[] = [
    { watch: 'tab', volume: vol(240, SOCIAL, WEEK_FLAT, 8, 0.005), pool: shoppingTexts('平板'), channel: 'review' },
    { watch: 'phone', volume: vol(140, SOCIAL, WEEK_FLAT, 8), pool: shoppingTexts('手机'), channel: 'review' },
    { watch: 'wear', volume: vol(520, SOCIAL, WEEK_DELIVERY, 8), pool: shoppingTexts('衣服'), channel: 'review' },
    { watch: 'devtool', volume: vol(70, SOCIAL, WEEK_FLAT, 8), pool: shoppingTexts('计算机'), channel: 'appstore' },
  ];
  const end = START + days * DAY;
  const bg = brands.flatMap((b) => background(rand, b, START, end, ZH_CITIES, zhCity));
  const themes: Record<string, RegExp> = { tab: /充电|电池|死机|屏幕|发热/, phone: /信号|电池|发热|死机/, wear: /尺码|掉色|质量|线头|起球/, devtool: /散热|风扇|噪音|发热/ };
  const extra: Built[] = [];
  for (const b of brands) {
    const pool = themed(b.pool, themes[b.watch]!, 0);
    const taken = new Set<number>();
    for (const d of stormDays(rand, 7, days - 1, b.watch === 'devtool' ? 0 : 2, taken)) {
      taken.add(d);
      extra.push(slowStorm(rand, `${b.watch}-storm-d${d}`, b, pool, START, d, 8, 'a faulty batch'));
    }
    if (b.watch === 'devtool') {
      const [d] = stormDays(rand, 7, days - 1, 1, taken);
      const reviews = appStoreUpdateReviews();
      const onset = START + d! * DAY + 10 * HOUR + Math.floor(rand() * 5 * 60) * MIN;
      const times = rampTimes(rand, onset, 8 * HOUR, reviews.length);
      const id = `devtool-update-d${d}`;
      extra.push({
        posts: times.map((at, i) => ({ ext: `${id}-${i}`, text: reviews[i]!.text, title: reviews[i]!.title, rating: reviews[i]!.rating, at, author: `${id}-u${i}`, watch: 'devtool', channel: 'appstore', incident: id })),
        incidents: [{ id, watch: 'devtool', kind: 'app-update', onset, end: times.at(-1)!, alarm: true, note: `${reviews.length} real App Store reviews after one update (crashes, "not enough space") over 8 h` }],
      });
    }
    if (b.watch === 'wear') {
      const [d] = stormDays(rand, 7, days - 1, 1, taken);
      if (d !== undefined) extra.push(groupComplaint(rand, `wear-group-d${d}`, b, pool, START, d, pick(rand, ['阳光花园', '翠湖小区', '金色家园'])));
    }
  }
  return assemble(
    {
      name: 'zh-shopping', seed, split,
      description: '4 shop brands, real online-shopping reviews (another domain), 28 days; real App Store reviews of one update',
      watches: brands.map((b) => b.watch), start: START, end, warmupDays: 7, utcOffset: 8, coverageFrom: {},
    },
    bg, extra,
  );
}

/**
 * English, held out: three brands on real tweets (TweetEval, all three classes) with UCI review
 * sentences, evening-heavy social rhythm in US Eastern time, 28 days. Slow storms, a spike, and a
 * viral joke of neutral and positive tweets that must not alarm.
 */
export function enSocial(seed: number, split: Scenario['split']): Scenario {
  const rand = mulberry32(seed);
  const days = 28;
  const start = Date.parse('2026-03-02T05:00:00Z'); // Monday 00:00 US Eastern (UTC-5)
  const tw = tweetTexts();
  const mixed = [...tw, ...uciTexts()];
  const brands: BrandSpec[] = [
    { watch: 'air', volume: vol(320, SOCIAL, WEEK_FLAT, -5, 0.005), pool: mixed, channel: 'social' },
    { watch: 'tel', volume: vol(140, SOCIAL, WEEK_FLAT, -5), pool: mixed, channel: 'social' },
    { watch: 'shop', volume: vol(60, SOCIAL, WEEK_FLAT, -5), pool: mixed, channel: 'social' },
  ];
  const end = start + days * DAY;
  const bg = brands.flatMap((b) => background(rand, b, start, end, EN_CITIES, enCity));
  // The English review sentences are few: a storm draws from all negative ones (a rise in
  // complaints of every kind), the spike from the service complaints.
  const neg = uciTexts().filter((t) => t.polarity === 0);
  const service = themed(neg, /service|waiter|waitress|staff|rude|wait|slow|minutes|hour/i);
  const extra: Built[] = [];
  for (const b of brands) {
    const taken = new Set<number>();
    for (const d of stormDays(rand, 7, days - 1, 2, taken)) {
      taken.add(d);
      extra.push(slowStorm(rand, `${b.watch}-storm-d${d}`, b, neg, start, d, -5, 'complaints of every kind'));
    }
    if (b.watch === 'tel') {
      const [d] = stormDays(rand, 7, days - 1, 1, taken);
      if (d !== undefined) {
        taken.add(d);
        extra.push(spike(rand, `tel-spike-d${d}`, b, service, start, d, 'service outage'));
      }
    }
    if (b.watch === 'air') {
      const [d] = stormDays(rand, 7, days - 1, 1, taken);
      const id = `air-viral-d${d}`;
      const onset = start + d! * DAY + 19 * HOUR;
      const light = cycler(rand, tw.filter((t) => t.polarity !== 0));
      const times = spikeTimes(rand, onset, 90 * MIN, 120);
      extra.push({
        posts: times.map((at, i) => ({ ext: `${id}-${i}`, text: light().text, at, author: `${id}-u${i}`, watch: 'air', channel: 'social', incident: id })),
        incidents: [{ id, watch: 'air', kind: 'viral-neutral', onset, end: times.at(-1)!, alarm: false, note: '120 neutral/positive posts in 90 min (a joke going viral): must not alarm' }],
      });
    }
  }
  return assemble(
    {
      name: 'en-social', seed, split,
      description: '3 brands, real tweets and review sentences at an evening-heavy rhythm (US Eastern), 28 days',
      watches: brands.map((b) => b.watch), start, end, warmupDays: 7, utcOffset: -5, coverageFrom: {},
    },
    bg, extra,
  );
}

