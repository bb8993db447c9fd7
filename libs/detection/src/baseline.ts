import type { DetectionConfig } from './config';

const HOUR_MS = 3_600_000;
const NEIGHBOURS: ReadonlyArray<readonly [number, number]> = [[-1, 0.25], [0, 0.5], [1, 0.25]];

export interface BaselineState {
  firstSeen: number;
  step: number;
  stepCounts: number[];
  hour: number;
  hourCount: number;
  recent: number[];
  seasonal: number[];
  seasonalDays: number[];
}

/**
 * Expected posts for one key, aware of time of day: an EWMA of each hour of the day
 * over past days, and the mean of the recent hours; the larger of the two (and a
 * floor) is the expectation, which errs against false alarms.
 */
export class Baseline {
  s: BaselineState;

  constructor(
    private readonly cfg: DetectionConfig['burst'],
    now: number,
    state?: BaselineState,
  ) {
    const stepMs = cfg.stepMinutes * 60_000;
    this.s = state ?? {
      firstSeen: now,
      step: Math.floor(now / stepMs),
      stepCounts: new Array<number>(cfg.windowSteps + cfg.coolSteps).fill(0),
      hour: Math.floor(now / HOUR_MS),
      hourCount: 0,
      recent: [],
      seasonal: new Array<number>(24).fill(0),
      seasonalDays: new Array<number>(24).fill(0),
    };
  }

  private get stepMs(): number {
    return this.cfg.stepMinutes * 60_000;
  }

  /**
   * Move the clocks to `now`, closing steps and hours. `cap` limits what a closing
   * hour may teach the seasonal baseline (a storm must not become tomorrow's normal).
   */
  roll(now: number, cap?: number): void {
    const step = Math.floor(now / this.stepMs);
    const ring = this.s.stepCounts;
    if (step > this.s.step) {
      const shift = Math.min(ring.length, step - this.s.step);
      ring.splice(0, shift);
      for (let i = 0; i < shift; i++) ring.push(0);
      this.s.step = step;
    }
    const hour = Math.floor(now / HOUR_MS);
    // Long gaps: beyond two weeks of empty hours nothing more is learnt.
    let h = Math.max(this.s.hour, hour - 24 * 14);
    if (h > this.s.hour) this.s.hourCount = 0;
    while (h < hour) {
      this.closeHour(h, cap);
      h++;
    }
    this.s.hour = hour;
  }

  private closeHour(h: number, cap?: number): void {
    const n = cap === undefined ? this.s.hourCount : Math.min(this.s.hourCount, cap);
    this.s.hourCount = 0;
    this.s.recent.push(n);
    if (this.s.recent.length > this.cfg.recentHours) this.s.recent.shift();
    const hod = h % 24;
    const a = this.s.seasonalDays[hod] === 0 ? 1 : this.cfg.seasonalAlpha;
    this.s.seasonal[hod] = a * n + (1 - a) * this.s.seasonal[hod]!;
    this.s.seasonalDays[hod]! += 1;
  }

  add(now: number): void {
    const step = Math.floor(now / this.stepMs);
    const back = this.s.step - step;
    // Late posts still count if their step is still in the ring.
    if (back >= 0 && back < this.s.stepCounts.length) this.s.stepCounts[this.s.stepCounts.length - 1 - back]! += 1;
    if (Math.floor(now / HOUR_MS) === this.s.hour) this.s.hourCount += 1;
  }

  /** Posts in the window of windowSteps steps ending `stepsAgo` steps before the current one. */
  windowCount(stepsAgo = 0): number {
    const ring = this.s.stepCounts;
    let n = 0;
    for (let i = 0; i < this.cfg.windowSteps; i++) {
      const idx = ring.length - 1 - stepsAgo - i;
      if (idx >= 0) n += ring[idx]!;
    }
    return n;
  }

  /** Seasonal rate at an hour of day, smoothed with its neighbours (one noisy day must not set the bar). */
  private seasonalAt(hod: number): number | undefined {
    const sd = this.s.seasonalDays;
    if (sd[hod] === 0) return undefined;
    let sum = 0;
    let w = 0;
    for (const [d, wt] of NEIGHBOURS) {
      const h = (hod + d + 24) % 24;
      if (sd[h]! > 0) {
        sum += wt * this.s.seasonal[h]!;
        w += wt;
      }
    }
    return sum / w;
  }

  /**
   * Expected posts per hour now: the time-of-day shape scaled by the recent level
   * (last hours' actual over their seasonal expectation, clamped), so both a quiet
   * night and a generally busier day are accounted for. Without seasonal history,
   * the recent window's mean or its busiest hour, whichever is higher.
   */
  expectedPerHour(): number {
    const hod = this.s.hour % 24;
    const recent = this.s.recent;
    const seasonal = this.seasonalAt(hod);
    const floor = this.cfg.minRatePerHour;
    if (seasonal !== undefined && (this.s.seasonalDays[hod] ?? 0) >= 2) {
      let actual = 0;
      let expected = 0;
      const n = Math.min(6, recent.length);
      for (let i = 0; i < n; i++) {
        const e = this.seasonalAt((((this.s.hour - 1 - i) % 24) + 24) % 24);
        if (e === undefined) continue;
        actual += recent[recent.length - 1 - i]!;
        expected += e;
      }
      const level = expected > 0 ? Math.min(3, Math.max(0.67, (actual + 1) / (expected + 1))) : 1;
      return Math.max(floor, seasonal * level);
    }
    const mean = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
    const busiest = recent.reduce((a, b) => Math.max(a, b), 0);
    return Math.max(floor, seasonal ?? 0, seasonal === undefined ? busiest : mean);
  }

  /**
   * Expected posts in one observation window, plus a margin for how little history
   * the estimate rests on (one day of an hour is a noisy guess; a week is not).
   */
  expectedInWindow(): number {
    const perHour = this.expectedPerHour();
    const lambda = (perHour * this.cfg.windowSteps * this.cfg.stepMinutes) / 60;
    if (perHour <= this.cfg.minRatePerHour) return lambda;
    const days = this.s.seasonalDays[this.s.hour % 24] ?? 0;
    return lambda + Math.sqrt(lambda / Math.max(1, days));
  }

  windowStartMs(stepsAgo = 0): number {
    return (this.s.step - stepsAgo - this.cfg.windowSteps + 1) * this.stepMs;
  }

  windowEndMs(stepsAgo = 0): number {
    return (this.s.step - stepsAgo + 1) * this.stepMs;
  }
}
