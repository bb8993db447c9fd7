import { poissonTailScore } from './poisson';
import { BLOCK_MINUTES, type RiseBlock } from './sustained-rise';

const HOUR_MS = 3_600_000;
const STEP_MS = 5 * 60_000;
const STEPS_PER_HOUR = 12;
/** The ring holds the longest window (6 h) of 5-minute counts. */
export const RING_STEPS = 72;
/** Beyond two weeks of empty hours nothing more is learnt (a key that went silent). */
const MAX_CATCH_UP_HOURS = 24 * 14;

/** Plain JSON, so a snapshot carries it as it is. */
export interface SeasonalState {
  firstSeen: number;
  hour: number;
  hourCount: number;
  /** Per hour of day (UTC): expected posts in that hour on an average weekday, learnt over days. */
  hod: number[];
  hodN: number[];
  /** Per weekday (UTC): that day's volume relative to the average (mean 1), learnt over weeks. */
  dow: number[];
  dowN: number[];
  /** The current UTC day: posts learnt and what the hour-of-day profile expected of them. */
  day: number;
  dayCount: number;
  dayExpected: number;
  dayHours: number;
  /**
   * Overdispersion as a negative binomial: variance = E + a·E² (a = the squared coefficient of
   * variation of the rate), a = aNum / aDen from EWMAs of ((c − E)² − E) and E² over closed hours.
   */
  aNum: number;
  aDen: number;
  dispN: number;
  learntHours: number;
  /**
   * How far whole days stray from what the profile expected: an EWMA of (day / expected − 1)² over
   * closed days, and how many days it rests on (absent in states from before it was kept).
   */
  dayVar?: number;
  dayVarN?: number;
  /**
   * The last day of learnt hours, flat [hour, taught, expected, hod before, hodN before] × ≤ 24, so an
   * hour confirmed later as part of an incident can be unlearnt (absent in older states).
   */
  taught?: number[];
  step: number;
  /** Posts per 5-minute step, oldest first; the last entry is the current step. */
  steps: number[];
}

export interface WindowTest {
  minutes: number;
  observed: number;
  expected: number;
  ratio: number;
  /** -log10 p of `observed` or more, under the baseline with its overdispersion. */
  score: number;
}

/**
 * What one key (a watch, or a category within it) usually gets at this hour on this weekday,
 * learnt from its own history: an hour-of-day profile (EWMA over days), weekday factors (EWMA
 * over weeks) and the measured overdispersion, so a busy brand, a quiet one and a noisy one each
 * get their own bar without anyone tuning it. Hours in a coverage gap are not learnt; hours of an
 * active burst are learnt only up to a cap, so a storm does not become tomorrow's normal.
 */
export class SeasonalBaseline {
  constructor(public s: SeasonalState) {}

  static create(now: number): SeasonalState {
    return {
      firstSeen: now,
      hour: Math.floor(now / HOUR_MS),
      hourCount: 0,
      hod: new Array<number>(24).fill(0),
      hodN: new Array<number>(24).fill(0),
      dow: new Array<number>(7).fill(1),
      dowN: new Array<number>(7).fill(0),
      day: Math.floor(now / (24 * HOUR_MS)),
      dayCount: 0,
      dayExpected: 0,
      dayHours: 0,
      aNum: 0,
      aDen: 0,
      dispN: 0,
      learntHours: 0,
      step: Math.floor(now / STEP_MS),
      steps: new Array<number>(RING_STEPS).fill(0),
    };
  }

  /** Expected posts in absolute hour `h` (hours since the epoch). */
  expectedAtHour(h: number): number {
    const s = this.s;
    return s.hod[h % 24]! * s.dow[Math.floor(h / 24) % 7]!;
  }

  /**
   * Move to `now`, closing steps and hours. `skipHour(h)` says an hour is not to be learnt (a
   * coverage gap); `cap` limits what a closing hour teaches (× its expectation, during a burst);
   * `incidentHour(h)` says a person confirmed the hour as part of an incident: it teaches the hour
   * profile nothing and counts in its day at the level expected (so the day's weekday factor learns
   * from its other hours).
   */
  roll(now: number, skipHour?: (hourStartMs: number) => boolean, cap?: number, incidentHour?: (hourStartMs: number) => boolean): void {
    const s = this.s;
    const step = Math.floor(now / STEP_MS);
    if (step > s.step) {
      const shift = Math.min(RING_STEPS, step - s.step);
      // Shift in place: no allocation per post.
      const ring = s.steps;
      for (let i = 0; i + shift < RING_STEPS; i++) ring[i] = ring[i + shift]!;
      for (let i = RING_STEPS - shift; i < RING_STEPS; i++) ring[i] = 0;
      s.step = step;
    }
    const hour = Math.floor(now / HOUR_MS);
    if (hour <= s.hour) return;
    let h = s.hour;
    if (hour - h > MAX_CATCH_UP_HOURS) {
      this.closeHour(h, skipHour, cap, incidentHour);
      h = hour - MAX_CATCH_UP_HOURS;
      s.hourCount = 0;
    }
    for (; h < hour; h++) this.closeHour(h, skipHour, cap, incidentHour);
    s.hour = hour;
  }

  private closeHour(h: number, skipHour?: (hourStartMs: number) => boolean, cap?: number, incidentHour?: (hourStartMs: number) => boolean): void {
    const s = this.s;
    const count = s.hourCount;
    s.hourCount = 0;
    const day = Math.floor(h / 24);
    if (day !== s.day) this.closeDay(day);
    if (skipHour?.(h * HOUR_MS)) return;
    const slot = h % 24;
    const dowF = s.dow[day % 7]!;
    const prior = s.hod[slot]! * dowF;
    const n = s.hodN[slot]!;
    if (n >= 1 && incidentHour?.(h * HOUR_MS)) {
      s.dayCount += prior;
      s.dayExpected += prior / dowF;
      s.dayHours++;
      return;
    }
    // What an hour may teach is bounded once the slot has history: within 3 standard deviations of
    // its expectation (so a storm building up before it is noticed does not raise the bar it is
    // judged by, nor tomorrow's normal, and an unreported outage does not lower it), and during an
    // active burst at most `cap` × the expectation.
    let c = count;
    const sd = Math.sqrt(prior + this.a() * prior * prior);
    if (n >= 2) {
      c = Math.max(Math.min(c, prior + 3 * sd + 1), prior - 3 * sd);
      if (cap !== undefined) c = Math.min(c, Math.max(prior * cap, prior + 3));
    }
    // Overdispersion is measured on ordinary hours: an hour far above its expectation may be the
    // start of a storm nobody has called yet (and would teach the key to expect storms), one far
    // below it a collection outage nobody reported. Hours with few posts say little about it
    // (their noise is Poisson whatever the rate does).
    if (n >= 3 && cap === undefined && prior >= 2 && Math.abs(count - prior) <= 2.5 * sd) {
      const a = s.dispN < 50 ? 1 / (s.dispN + 2) : 0.02;
      s.aNum += a * ((count - prior) * (count - prior) - prior - s.aNum);
      s.aDen += a * (prior * prior - s.aDen);
      s.dispN++;
    }
    const a = n < 6 ? 1 / (n + 1) : 0.15;
    const taught = (s.taught ??= []);
    taught.push(h, c, prior, s.hod[slot]!, n);
    if (taught.length > 24 * 5) taught.splice(0, taught.length - 24 * 5);
    s.hod[slot] = s.hod[slot]! + a * (c / dowF - s.hod[slot]!);
    s.hodN[slot] = n + 1;
    s.learntHours++;
    s.dayCount += c;
    s.dayExpected += prior / dowF;
    s.dayHours++;
  }

  /**
   * Takes back what the hours of the last day that `incidentHour` now names taught (a person
   * confirmed the incident after they were learnt): their slot returns to what it held before,
   * and while their day is still open they count in it at the level expected. A slot learnt again
   * since (a day later) is left as it is. Returns the hours unlearnt.
   */
  unlearn(incidentHour: (hourStartMs: number) => boolean): number {
    const s = this.s;
    const t = s.taught;
    if (!t?.length) return 0;
    let n = 0;
    for (let i = 0; i < t.length; i += 5) {
      const h = t[i]!;
      if (h < 0 || !incidentHour(h * HOUR_MS)) continue;
      const slot = h % 24;
      if (s.hodN[slot] !== t[i + 4]! + 1) continue;
      s.hod[slot] = t[i + 3]!;
      s.hodN[slot] = t[i + 4]!;
      s.learntHours--;
      if (Math.floor(h / 24) === s.day) s.dayCount += t[i + 2]! - t[i + 1]!;
      t[i] = -1;
      n++;
    }
    return n;
  }

  /** A weekday's factor learns from whole days only, once the hour profile rests on a week. */
  private closeDay(next: number): void {
    const s = this.s;
    if (s.dayHours >= 20 && s.dayExpected >= 5 && s.learntHours >= 24 * 3) {
      const dev = s.dayCount / (s.dayExpected * s.dow[s.day % 7]!) - 1;
      const n = s.dayVarN ?? 0;
      const a = n < 10 ? 1 / (n + 1) : 0.1;
      s.dayVar = (s.dayVar ?? 0) + a * (dev * dev - (s.dayVar ?? 0));
      s.dayVarN = n + 1;
    }
    if (s.dayHours >= 20 && s.dayExpected >= 5 && s.learntHours >= 24 * 7) {
      const wd = s.day % 7;
      // `dayExpected` sums the de-factored profile, so day / (profile × factor) is the day against what
      // its weekday was expected to bring (clamped to 0.5–2 of it, as dayVar's deviation is measured), and
      // that × the factor is the factor the day shows. (It was clamp(day / profile) × factor, which counts
      // the factor twice: factors drifted apart week after week, weekends 1.5× the weekdays learnt as
      // ≈ 2.8–3.1× after 10 weeks, and a factor a storm had raised stayed raised; seasonal-baseline.spec.ts.)
      const ratio = Math.min(2, Math.max(0.5, s.dayCount / (s.dayExpected * s.dow[wd]!))) * s.dow[wd]!;
      const a = s.dowN[wd] === 0 ? 0.5 : 0.25;
      s.dow[wd] = s.dow[wd]! + a * (ratio - s.dow[wd]!);
      s.dowN[wd]! += 1;
      let mean = 0;
      for (const f of s.dow) mean += f;
      mean /= 7;
      for (let i = 0; i < 7; i++) s.dow[i] = s.dow[i]! / mean;
    }
    s.day = next;
    s.dayCount = 0;
    s.dayExpected = 0;
    s.dayHours = 0;
  }

  add(t: number): void {
    const s = this.s;
    const back = s.step - Math.floor(t / STEP_MS);
    // A late post still counts where its step is still in the ring.
    if (back >= 0 && back < RING_STEPS) s.steps[RING_STEPS - 1 - back]! += 1;
    if (Math.floor(t / HOUR_MS) === s.hour) s.hourCount += 1;
  }

  /** Expected posts per hour now, or while warming up the mean of the hours learnt so far (0 before any). */
  roughPerHour(): number {
    const s = this.s;
    if (s.hodN[s.hour % 24]! > 0) return this.expectedPerHour();
    let sum = 0;
    let n = 0;
    for (let i = 0; i < 24; i++) {
      if (s.hodN[i]! === 0) continue;
      sum += s.hod[i]!;
      n++;
    }
    return n ? sum / n : 0;
  }

  /** Expected posts per hour now (for status and titles). */
  expectedPerHour(): number {
    return this.expectedAtHour(this.s.hour);
  }

  /**
   * Squared coefficient of variation of the hourly rate (0 = Poisson). The measured value is shrunk
   * toward a prior of 0.1 with the weight of two days of hours (a few quiet hours say little),
   * and never below 0.02.
   */
  a(): number {
    const s = this.s;
    const n = Math.min(s.dispN, 200);
    const measured = s.aDen > 0 ? s.aNum / s.aDen : 0.1;
    return Math.min(2, Math.max(0.02, (n * measured + 48 * 0.1) / (n + 48)));
  }

  /**
   * Standard deviation of a whole day's level around the profile (the baseline's own error: weekday
   * effects not yet learnt, growth, ordinary good and bad days), shrunk toward 0.2 with the weight of
   * three days and never below 0.05.
   */
  daySd(): number {
    const s = this.s;
    const n = Math.min(s.dayVarN ?? 0, 60);
    const v = ((s.dayVar ?? 0) * n + 0.04 * 3) / (n + 3);
    return Math.max(0.05, Math.sqrt(v));
  }

  /** variance / mean of an hour's count at the current expectation. */
  dispersion(): number {
    return 1 + this.a() * this.expectedPerHour();
  }

  /**
   * Observed and expected posts over the last `minutes` (whole 5-minute steps, the current one
   * counted in full), and how surprising the observed count is. Counts are scaled by the
   * dispersion (quasi-Poisson), widened for how few days the expectation rests on.
   */
  test(minutes: number, stepsAgo = 0): WindowTest {
    return this.tests([minutes], stepsAgo, () => true)[0]!;
  }

  /**
   * test() for several windows (ascending minutes) in one pass over the ring. `worth(i, o, e)`
   * says whether window i is worth its score (the tail sum is the costly part); others get 0.
   */
  tests(windows: readonly number[], stepsAgo = 0, worth: (i: number, observed: number, expected: number) => boolean = () => true): WindowTest[] {
    const s = this.s;
    const out: WindowTest[] = [];
    let observed = 0;
    let expected = 0;
    let days = 0;
    let k = 0;
    let hour = Number.NaN;
    let eStep = 0;
    let nDays = 0;
    for (const minutes of windows) {
      const steps = Math.min(RING_STEPS - stepsAgo, Math.round(minutes / 5));
      for (; k < steps; k++) {
        observed += s.steps[RING_STEPS - 1 - stepsAgo - k]!;
        const h = Math.floor(((s.step - stepsAgo - k) * STEP_MS) / HOUR_MS);
        if (h !== hour) {
          hour = h;
          eStep = this.expectedAtHour(h) / STEPS_PER_HOUR;
          nDays = s.hodN[h % 24]!;
        }
        expected += eStep;
        days += nDays;
      }
      const ratio = expected > 0 ? observed / expected : observed > 0 ? Infinity : 0;
      let score = 0;
      if (observed > expected && worth(out.length, observed, expected)) {
        const n = Math.max(1, days / Math.max(1, k));
        // Rate noise averages out partly over a long window (not fully: whole days run high or low).
        const hours = Math.max(1, minutes / 60);
        const phi = (1 + (this.a() * expected) / Math.sqrt(hours)) * (1 + 1 / Math.min(n, 12));
        score = poissonTailScore(Math.floor(observed / phi), Math.max(expected, 0.05) / phi);
      }
      out.push({ minutes: k * 5, observed, expected, ratio, score });
    }
    return out;
  }

  /**
   * Posts in 15-minute block `b` (blocks since the epoch; steps that left the ring count 0), what the
   * baseline expected of it, the variance / mean of that hour's count (its measured
   * overdispersion, widened for how few days the hour rests on, as in tests()), and how far whole
   * days stray from the baseline (daySd).
   */
  block(b: number): RiseBlock {
    const s = this.s;
    const per = BLOCK_MINUTES / 5;
    let count = 0;
    for (let k = 0; k < per; k++) {
      const back = s.step - (b * per + k);
      if (back >= 0 && back < RING_STEPS) count += s.steps[RING_STEPS - 1 - back]!;
    }
    const h = Math.floor((b * BLOCK_MINUTES * 60_000) / HOUR_MS);
    const eHour = this.expectedAtHour(h);
    const n = Math.max(1, Math.min(s.hodN[h % 24]!, 12));
    return { count, expected: eHour / (60 / BLOCK_MINUTES), phi: (1 + this.a() * eHour) * (1 + 1 / n), levelSd: this.daySd() };
  }

  /** Days (at least 2) of this hour of day, and 3 days in all, before anything is judged. */
  hasHistory(minHours: number): boolean {
    const s = this.s;
    return s.learntHours >= minHours && s.hodN[s.hour % 24]! >= 2;
  }
}
