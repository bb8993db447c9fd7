import type { EnrichedMention } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../libs/detection/src/config';
import { MIN_BLOCK_EXPECTED } from '../../../libs/detection/src/sustained-rise';
import { complaintsFloored, decidableAt, decidableTimes, flooredPerBlock, fromDecidable, hindsightBaseline, tailNats } from './decidable';
import { DAY, HOUR } from './rhythm';
import type { Incident, Scenario, StreamPost } from './scenarios';

const H = Math.log(100 * 96); // one false alarm per key per 100 days of 15-minute blocks

describe('tailNats', () => {
  it('is −ln of the Poisson upper tail', () => {
    // P(N ≥ 2 | 1) = 1 − 2e^−1; P(N ≥ 3 | 0.5) = 1 − e^−.5 (1 + .5 + .125).
    expect(tailNats(2, 1)).toBeCloseTo(-Math.log(1 - 2 * Math.exp(-1)), 6);
    expect(tailNats(3, 0.5)).toBeCloseTo(-Math.log(1 - Math.exp(-0.5) * 1.625), 6);
    // At or below the null: no evidence (poissonTailScore's convention).
    expect(tailNats(2, 5)).toBe(0);
  });
});

describe('decidableAt', () => {
  const perHour = (r: number) => (a: number, b: number) => (r * (b - a)) / HOUR;

  it('never declares an ordinary stream (posts at the null rate) decidable', () => {
    const times = Array.from({ length: 200 }, (_, i) => i * (HOUR / 10));
    expect(decidableAt(times, 0, 20 * HOUR, perHour(10), H)).toBeUndefined();
  });

  it('finds a burst at the post where the tail crosses e^−h, not before', () => {
    // Null 1 post/h; 12 posts in the first 12 minutes after onset.
    const onset = 5 * HOUR;
    const times = Array.from({ length: 12 }, (_, i) => onset + i * 60_000);
    const at = decidableAt(times, onset, onset + HOUR, perHour(1), H)!;
    expect(at).toBeDefined();
    const k = times.indexOf(at) + 1;
    expect(tailNats(k, Math.max(at + 1 - onset, HOUR / 4) / HOUR)).toBeGreaterThanOrEqual(H);
    const prev = times[k - 2]!;
    expect(tailNats(k - 1, Math.max(prev + 1 - onset, HOUR / 4) / HOUR)).toBeLessThan(H);
  });

  it('a handful of posts over a quiet null is not decidable in 2 h (the small CFPB surge case)', () => {
    // 3 complaints in 2 h where 0.8 are usual: far from one false alarm per 100 days.
    const onset = 0;
    const times = [10, 50, 100].map((m) => m * 60_000);
    expect(decidableAt(times, onset, 2 * HOUR, perHour(0.4), H)).toBeUndefined();
  });
});

const START = Date.UTC(2026, 0, 5); // a Monday
const scenario = (posts: StreamPost[], incidents: Incident[], wholeDays = false): Scenario => ({
  name: 't', seed: 1, split: 'held-out', description: '', watches: ['a'], start: START, end: START + 14 * DAY,
  warmupDays: 7, utcOffset: 0, coverageFrom: {}, posts, incidents, ...(wholeDays ? { incidentsCoverWholeDays: true } : {}),
});
const post = (at: number, incident?: string): StreamPost => ({ ext: `p${at}`, text: 'x', at, author: 'u', watch: 'a', channel: 'social', ...(incident ? { incident } : {}) });

describe('hindsightBaseline', () => {
  it('spreads the day’s own ordinary volume over the watch’s hour profile', () => {
    // Ordinary posts only at 10:00 and 11:00 (two a day each, four on day 3).
    const posts: StreamPost[] = [];
    for (let d = 0; d < 14; d++) for (const h of [10, 11]) for (let k = 0; k < (d === 3 ? 4 : 2); k++) posts.push(post(START + d * DAY + h * HOUR + k * 60_000));
    const e = hindsightBaseline(scenario(posts, []), 'a', false);
    expect(e(START + 2 * DAY + 10 * HOUR, START + 2 * DAY + 11 * HOUR)).toBeCloseTo(2, 6);
    expect(e(START + 3 * DAY + 10 * HOUR, START + 3 * DAY + 10.5 * HOUR)).toBeCloseTo(2, 6);
    expect(e(START + 2 * DAY, START + 2 * DAY + 10 * HOUR)).toBe(0);
  });

  it('with whole-day labels takes the same weekday’s ordinary days before, not the storm day', () => {
    const posts: StreamPost[] = [];
    for (let d = 0; d < 14; d++) {
      const storm = d === 7;
      for (let k = 0; k < (storm ? 30 : 6); k++) posts.push(post(START + d * DAY + 12 * HOUR + k * 60_000, storm ? 's' : undefined));
    }
    const e = hindsightBaseline(scenario(posts, [], true), 'a', true);
    expect(e(START + 7 * DAY, START + 8 * DAY)).toBeCloseTo(6, 6);
  });
});

describe('decidableTimes and fromDecidable', () => {
  it('measure a detector’s delay from the moment the storm could be told apart', () => {
    const posts: StreamPost[] = [];
    for (let d = 0; d < 14; d++) for (let h = 0; h < 24; h++) posts.push(post(START + d * DAY + h * HOUR + 30 * 60_000));
    const onset = START + 9 * DAY + 9 * HOUR;
    for (let k = 0; k < 20; k++) posts.push(post(onset + k * 3 * 60_000, 'big'));
    const small = START + 11 * DAY + 9 * HOUR;
    posts.push(post(small, 'small'), post(small + HOUR, 'small'));
    posts.sort((a, b) => a.at - b.at);
    const big: Incident = { id: 'big', watch: 'a', kind: 'spike', onset, end: onset + HOUR, alarm: true, note: '' };
    const tiny: Incident = { id: 'small', watch: 'a', kind: 'slow-storm', onset: small, end: small + 2 * HOUR, alarm: true, note: '' };
    const s = scenario(posts, [big, tiny]);
    const dec = decidableTimes(s, H);
    const at = dec.get(big)!;
    expect(at).toBeGreaterThan(onset);
    expect(dec.get(tiny)).toBeUndefined();
    const afterOnset = (at - onset) / 60_000;
    const r = fromDecidable([{ incident: big, alertDelayMin: afterOnset + 30 }, { incident: tiny, alertDelayMin: 100 }], dec);
    expect(r).toMatchObject({ storms: 2, decidable: 1, alerted: 1, undecidableAlerted: 1, decidableIn2h: 1, alertedIn2hOfThose: 1 });
    expect(r.delays[0]).toBeCloseTo(30, 6);
  });
});

describe('the oracle counts what Vigil counts, against a null floored as Vigil floors it', () => {
  const cfg = resolveConfig();
  // A minimal enriched post: only what isComplaint reads.
  const mention = (label: 'negative' | 'positive'): EnrichedMention => ({ analysis: { sentiment: { label }, categories: [] } }) as unknown as EnrichedMention;

  it('a rise of posts that are not complaints (praise) is not decidable on complaints', () => {
    // Every hour: one complaint and one praise post; at 09:00 on day 9, 20 praise posts in an hour.
    const posts: StreamPost[] = [];
    const praise: boolean[] = [];
    const add = (p: StreamPost, isPraise: boolean) => { posts.push(p); praise.push(isPraise); };
    for (let d = 0; d < 14; d++) for (let h = 0; h < 24; h++) {
      add(post(START + d * DAY + h * HOUR + 10 * 60_000), false);
      add(post(START + d * DAY + h * HOUR + 40 * 60_000 + 1), true);
    }
    const onset = START + 9 * DAY + 9 * HOUR + 5 * 60_000;
    for (let k = 0; k < 20; k++) add(post(onset + k * 3 * 60_000 + 7, 'fans'), true);
    const order = posts.map((_, i) => i).sort((a, b) => posts[a]!.at - posts[b]!.at);
    const s = scenario(order.map((i) => posts[i]!), [{ id: 'fans', watch: 'a', kind: 'spike', onset, end: onset + HOUR, alarm: true, note: '' }]);
    const inc = s.incidents[0]!;
    const counted = order.map((i) => !praise[i]);
    // All posts: 20 extra posts over ~1 post per 30 min is decidable within minutes.
    expect(decidableTimes(s, H).get(inc)).toBeDefined();
    // Complaints only: nothing rose.
    expect(decidableTimes(s, H, { counted }).get(inc)).toBeUndefined();
    // complaintsFloored counts by Vigil's isComplaint (a negative post is one, a positive one is not).
    const opts = complaintsFloored(order.map((i) => mention(praise[i] ? 'positive' : 'negative')), cfg);
    expect(opts.counted).toEqual(counted);
    expect(decidableTimes(s, H, opts).get(inc)).toBeUndefined();
  });

  it('floors the null at Vigil’s own floor per 15-minute block (MIN_BLOCK_EXPECTED, read from libs/detection)', () => {
    expect(complaintsFloored([], cfg).blockFloor).toBe(MIN_BLOCK_EXPECTED);
    const zero = () => 0;
    const f = flooredPerBlock(zero, MIN_BLOCK_EXPECTED);
    const q = HOUR / 4;
    expect(f(START, START + 2 * HOUR)).toBeCloseTo(8 * MIN_BLOCK_EXPECTED, 9);
    // Blocks are Vigil's (since the epoch): half a block at each end is half the floor each.
    expect(f(START + q / 2, START + q / 2 + q)).toBeCloseTo(MIN_BLOCK_EXPECTED, 9);
    expect(f(START + q / 2, START + q)).toBeCloseTo(MIN_BLOCK_EXPECTED / 2, 9);
    // A null above the floor is left as it is; one below it is raised block by block.
    const perHour = (r: number) => (a: number, b: number) => (r * (b - a)) / HOUR;
    expect(flooredPerBlock(perHour(4), MIN_BLOCK_EXPECTED)(START, START + HOUR)).toBeCloseTo(4, 9);
    expect(flooredPerBlock(perHour(0.1), MIN_BLOCK_EXPECTED)(START, START + HOUR)).toBeCloseTo(4 * MIN_BLOCK_EXPECTED, 9);
  });

  it('two complaints at an hour whose true null is 0 (CFPB at night) are not decidable; three in one block are', () => {
    // Ordinary complaints only at 10:00 and 11:00; nights hold none.
    const base: StreamPost[] = [];
    for (let d = 0; d < 14; d++) for (const h of [10, 11]) for (let k = 0; k < 3; k++) base.push(post(START + d * DAY + h * HOUR + k * 60_000));
    const night = START + 9 * DAY + 2 * HOUR;
    const run = (minutes: number[]) => {
      const posts = [...base, ...minutes.map((m) => post(night + m * 60_000 + 1, 'night'))].sort((a, b) => a.at - b.at);
      const s = scenario(posts, [{ id: 'night', watch: 'a', kind: 'slow-storm', onset: night, end: night + 2 * HOUR, alarm: true, note: '' }]);
      const inc = s.incidents[0]!;
      return { old: decidableTimes(s, H).get(inc), floored: decidableTimes(s, H, { blockFloor: MIN_BLOCK_EXPECTED }).get(inc) };
    };
    // Two posts in 10 minutes: against a null of 0 the first one is already "decidable";
    // against 0.05 a block, two are 6.7 nats < h.
    const two = run([0, 10]);
    expect(two.old).toBe(night + 1);
    expect(two.floored).toBeUndefined();
    // Three spread over 2 h: 3 against 8 blocks × 0.05 is 4.8 nats, not decidable.
    expect(run([0, 50, 100]).floored).toBeUndefined();
    // Three in one block: 10.8 nats ≥ h, decidable at the third.
    expect(run([0, 5, 10]).floored).toBe(night + 10 * 60_000 + 1);
  });
});
