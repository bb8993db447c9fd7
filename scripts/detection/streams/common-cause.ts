/**
 * A storm with one cause across several brands of one industry, as in the issue's real week (a
 * weather storm doubled complaints for three brands on one day, a fourth brand's own surge came
 * a day earlier). Four fresh-fruit sellers on real online-shopping reviews of fruit (a product
 * domain no other scenario uses and no detection rule was tuned on): a heatwave spoils fruit in
 * transit for three of them on one day, each brand's storm starting within an hour of the
 * others' and doubling its day over 6–10 h; the fourth brand has a surge of its own the day
 * before; every brand has one more storm of its own on another day (pooling must not cost
 * single-brand storms). The run's storm-free control is the same background without incidents.
 */
import { mulberry32 } from '../../../test/support/prng';
import { cycler, pick, shoppingTexts, themed, type Text } from './corpora';
import { DAY, HOUR, rampTimes, SOCIAL, WEEK_DELIVERY } from './rhythm';
import {
  assemble, background, expectedDay, slowStorm, START, stormDays, vol, ZH_CITIES, zhCity, type BrandSpec, type Built, type Scenario,
} from './scenarios';

const MIN = 60_000;
const UTC_OFFSET = 8;

/** One brand's share of a common storm: its own ramp from `onset`, sized against its own day. */
function shareOfStorm(rand: () => number, id: string, b: BrandSpec, pool: Text[], onset: number, hours: number): Built {
  const factor = 1 + 0.4 * rand();
  const n = Math.round(factor * expectedDay(b, START, onset, UTC_OFFSET));
  const times = rampTimes(rand, onset, hours * HOUR, n);
  const next = cycler(rand, pool);
  const posts = times.map((at, i) => ({ ext: `${id}-${i}`, text: next().text, at, author: `${id}-u${Math.floor(rand() * 1e7)}`, watch: b.watch, channel: b.channel, incident: id }));
  return {
    posts,
    incidents: [{ id, watch: b.watch, kind: 'common-cause', onset, end: times.at(-1)!, dayFactor: factor, alarm: true, note: `heatwave, spoiled fruit (3 brands at once): +${n} posts over ${hours} h (×${(1 + factor).toFixed(1)} the day)` }],
  };
}

export function zhFruitHeatwave(seed: number, split: Scenario['split']): Scenario {
  const rand = mulberry32(seed);
  const days = 28;
  const texts = shoppingTexts('水果');
  const brands: BrandSpec[] = [
    { watch: 'fresh', volume: vol(380, SOCIAL, WEEK_DELIVERY, UTC_OFFSET, 0.005), pool: texts, channel: 'review' },
    { watch: 'orchard', volume: vol(170, SOCIAL, WEEK_DELIVERY, UTC_OFFSET), pool: texts, channel: 'review' },
    { watch: 'berry', volume: vol(85, SOCIAL, WEEK_DELIVERY, UTC_OFFSET), pool: texts, channel: 'social' },
    { watch: 'citrus', volume: vol(45, SOCIAL, WEEK_DELIVERY, UTC_OFFSET), pool: texts, channel: 'social' },
  ];
  const end = START + days * DAY;
  const bg = brands.flatMap((b) => background(rand, b, START, end, ZH_CITIES, zhCity));
  const spoiled = themed(texts, /烂|坏|变质|不新鲜|发霉|臭/, 0);
  const crushed = themed(texts, /压|破|少|缺|包装|物流|快递/, 0);
  const extra: Built[] = [];

  const heatDay = 9 + Math.floor(rand() * 15);
  const hit = [...brands];
  for (let i = hit.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [hit[i], hit[j]] = [hit[j]!, hit[i]!];
  }
  const own = hit.pop()!;
  const common = heatDay * DAY + START + 9 * HOUR + Math.floor(rand() * 5 * 60) * MIN;
  const hours = 6 + Math.floor(rand() * 5);
  const taken = new Map<string, Set<number>>(brands.map((b) => [b.watch, new Set<number>()]));
  for (const b of hit) {
    extra.push(shareOfStorm(rand, `${b.watch}-heat-d${heatDay}`, b, spoiled, common + Math.floor(rand() * 60) * MIN, hours));
    taken.get(b.watch)!.add(heatDay);
  }
  extra.push(slowStorm(rand, `${own.watch}-storm-d${heatDay - 1}`, own, crushed, START, heatDay - 1, UTC_OFFSET, 'its own courier: crushed and missing fruit'));
  taken.get(own.watch)!.add(heatDay - 1);
  for (const b of brands) {
    const t = taken.get(b.watch)!;
    for (const d of stormDays(rand, 7, days - 1, 1, new Set([...t, heatDay]))) extra.push(slowStorm(rand, `${b.watch}-storm-d${d}`, b, pick(rand, [spoiled, crushed]), START, d, UTC_OFFSET, 'a bad batch of its own'));
  }
  return assemble(
    {
      name: 'zh-fruit-heatwave', seed, split,
      description: '4 fruit sellers (one industry), real fruit reviews, 28 days; a heatwave hits 3 brands at once, the 4th has its own surge the day before',
      watches: brands.map((b) => b.watch), start: START, end, warmupDays: 7, utcOffset: UTC_OFFSET, coverageFrom: {},
    },
    bg, extra,
  );
}
