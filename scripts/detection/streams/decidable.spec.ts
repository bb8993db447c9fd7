import { describe, expect, it } from 'vitest';
import { decidableAt, decidableTimes, fromDecidable, hindsightBaseline, tailNats } from './decidable';
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
