/**
 * When posts arrive in a realistic stream: a daily volume with a weekly rhythm, organic
 * growth and day-to-day noise, spread over the hours by a time-of-day profile, with
 * hour-to-hour overdispersion (real streams vary more than a Poisson process would).
 * Everything is drawn from one seeded generator, so a scenario is the same on every run.
 */
import { expGapMs } from '../../../test/support/prng';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Share of a day's posts per local hour (24 entries, normalised on use). */
export type HourProfile = readonly number[];

/** Food delivery: lunch and dinner peaks, quiet nights. */
export const MEALS: HourProfile = [2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4, 4.5, 6, 10, 12, 8, 5, 4.5, 5, 8, 11, 10, 7, 5, 4, 3];
/** Social media: a slow morning, busy evenings. */
export const SOCIAL: HourProfile = [4, 2.5, 1.5, 1, 0.8, 1, 2, 3.5, 5, 5.5, 6, 6, 6.5, 6, 6, 6, 6.5, 7, 8, 9, 9.5, 9, 7.5, 6];
/** Complaint forms: office hours. */
export const OFFICE: HourProfile = [0.8, 0.5, 0.4, 0.3, 0.3, 0.5, 1, 2.5, 5, 8, 9, 9, 8.5, 8.5, 9, 8.5, 7.5, 6, 4.5, 3.5, 3, 2.5, 1.8, 1.2];

export interface VolumeSpec {
  /** Posts on an average weekday at the start of the stream. */
  perDay: number;
  /** Day-of-week factors, Sunday first. */
  weekly: readonly number[];
  /** Relative change per day (organic growth or decline). */
  growthPerDay: number;
  /** Log-normal sigma of the day level and of each hour (overdispersion). */
  daySigma: number;
  hourSigma: number;
  hours: HourProfile;
  /** Local time = UTC + this many hours. */
  utcOffset: number;
}

/** Standard normal from two uniforms (Box–Muller). */
export function normal(rand: () => number): number {
  const u = Math.max(1e-12, rand());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export const localHour = (t: number, utcOffset: number) => new Date(t + utcOffset * HOUR).getUTCHours();
export const localDow = (t: number, utcOffset: number) => new Date(t + utcOffset * HOUR).getUTCDay();

/**
 * Post times for one stream over [start, end): per local hour a rate (day level × hour share ×
 * noise), and Poisson arrivals at that rate within the hour. `skip(t)` drops posts (a source
 * not collected then).
 */
export function arrivals(rand: () => number, v: VolumeSpec, start: number, end: number, skip?: (t: number) => boolean): number[] {
  const total = v.hours.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let dayLevel = 1;
  let lastDay = -1;
  for (let h = start; h < end; h += HOUR) {
    const day = Math.floor((h - start) / DAY);
    if (day !== lastDay) {
      dayLevel = Math.exp(v.daySigma * normal(rand) - (v.daySigma * v.daySigma) / 2);
      lastDay = day;
    }
    const hourNoise = Math.exp(v.hourSigma * normal(rand) - (v.hourSigma * v.hourSigma) / 2);
    const perDay = v.perDay * Math.pow(1 + v.growthPerDay, day) * v.weekly[localDow(h, v.utcOffset)]! * dayLevel;
    const rate = (perDay * v.hours[localHour(h, v.utcOffset)]!) / total * hourNoise;
    if (rate <= 0) continue;
    for (let t = h + expGapMs(rand, rate); t < h + HOUR && t < end; t += expGapMs(rand, rate)) {
      if (!skip?.(t)) out.push(Math.floor(t));
    }
  }
  return out;
}

/**
 * An incident's extra posts: `count` times drawn from a ramp (the first quarter), a plateau
 * (to 60 %) and a decline over `durationMs` — organic growth, not a step.
 */
export function rampTimes(rand: () => number, onset: number, durationMs: number, count: number): number[] {
  // Density: rises linearly on [0, .25], flat on [.25, .6], falls linearly on [.6, 1]. Sampled by rejection.
  const f = (u: number) => (u < 0.25 ? u / 0.25 : u < 0.6 ? 1 : (1 - u) / 0.4);
  const out: number[] = [];
  while (out.length < count) {
    const u = rand();
    if (rand() <= f(u)) out.push(Math.floor(onset + u * durationMs));
  }
  return out.sort((a, b) => a - b);
}

/** Times spread evenly at random over [onset, onset + durationMs): a sharp spike. */
export function spikeTimes(rand: () => number, onset: number, durationMs: number, count: number): number[] {
  const out = Array.from({ length: count }, () => Math.floor(onset + rand() * durationMs)).sort((a, b) => a - b);
  out[0] = onset;
  return out;
}

export const WEEK_FLAT = [1, 1, 1, 1, 1, 1, 1];
/** Delivery: busier at the weekend. */
export const WEEK_DELIVERY = [1.2, 0.95, 0.95, 0.95, 1, 1.1, 1.2];
