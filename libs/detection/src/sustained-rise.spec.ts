// Pure: the sustained-rise CUSUM on its own (seeded Poisson blocks), then inside the detector
// (synthetic brand streams; the windows switched off so only the rise can fire). Nothing real.
import { Signal, type EnrichedMention } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createDetector, type Detector } from './detector';
import { addRiseBlock, createRise, riseFires, riseScore, riseThreshold, BLOCKS_PER_DAY, type RiseConfig } from './sustained-rise';
import { mulberry32 } from '../../../test/support/prng';
import { backgroundStream, diurnal, rampStorm } from '../../../test/support/synthetic-streams';

const CFG: RiseConfig = { enabled: true, ratio: 2, meanDaysBetweenFalseAlarms: 100, minExcess: 10 };

function poisson(rand: () => number, mean: number): number {
  // Knuth's method in chunks of 30 so exp(-mean) never underflows.
  let n = 0;
  for (let left = mean; left > 0; left -= 30) {
    const l = Math.exp(-Math.min(30, left));
    let p = rand();
    while (p > l) {
      n++;
      p *= rand();
    }
  }
  return n;
}

/** Expected posts in 15-minute block `b` of a brand peaking at `peak` posts an hour (the synthetic streams' daily shape). */
const expectedAt = (b: number, peak: number) => (peak * diurnal((b % BLOCKS_PER_DAY) / 4)) / 4;

/** Runs the CUSUM over `days` of blocks; `ratio(b)` multiplies the true rate. Returns the blocks it fired at (restarting after each). */
function run(days: number, peak: number, seed: number, ratio: (b: number) => number): Array<{ block: number; score: number; observed: number; expected: number }> {
  const rand = mulberry32(seed);
  let st = createRise(0);
  const fired: Array<{ block: number; score: number; observed: number; expected: number }> = [];
  for (let b = 0; b < days * BLOCKS_PER_DAY; b++) {
    const e = expectedAt(b, peak);
    addRiseBlock(st, { count: poisson(rand, e * ratio(b)), expected: e, phi: 1.1, levelSd: 0.1 }, CFG);
    if (riseFires(st, CFG)) {
      fired.push({ block: b, score: riseScore(st), observed: st.observed, expected: st.expected });
      st = createRise(b + 1);
    }
  }
  return fired;
}

describe('sustained-rise CUSUM (pure)', () => {
  it('takes its threshold from the false-alarm rate alone: ln(blocks between false alarms)', () => {
    expect(riseThreshold(CFG)).toBeCloseTo(Math.log(100 * 96), 6);
    expect(riseThreshold({ ...CFG, meanDaysBetweenFalseAlarms: 10 })).toBeLessThan(riseThreshold(CFG));
  });

  it('stays quiet through 30 ordinary days of Poisson counts with a normal daily rhythm', () => {
    for (const seed of [1, 2, 3]) expect(run(30, 40, seed, () => 1)).toEqual([]);
  });

  it('finds a rise to 2× over 8 hours (ramping up over the first 2) within 4 hours of its onset on its own, and says how sure it is', () => {
    const onset = 5 * BLOCKS_PER_DAY + 40; // day 5, 10:00
    const ramp = (b: number) => (b < onset || b >= onset + 32 ? 1 : 1 + Math.min(1, (b - onset) / 8));
    for (const seed of [4, 5, 6]) {
      // Restarted after each alarm (the detector then holds the key active), so it fires again while the rise lasts.
      const fired = run(6, 40, seed, ramp);
      expect(fired.filter((f) => f.block < onset)).toEqual([]);
      expect(fired.length).toBeGreaterThanOrEqual(1);
      const delayMin = (fired[0]!.block + 1 - onset) * 15;
      expect(delayMin).toBeGreaterThan(0);
      // A rise below 1 + σ_day + … teaches the sum nothing, so the ramp's first half is lost: ~1.5 h of ramp, then ~1 h at 2×.
      expect(delayMin).toBeLessThanOrEqual(240);
      // Wald's bound e^-S: the score is -log10 of it, at least the threshold's.
      expect(fired[0]!.score).toBeGreaterThanOrEqual(riseThreshold(CFG) / Math.LN10);
      expect(fired[0]!.observed / fired[0]!.expected).toBeGreaterThan(1.4);
    }
  });

  it('does not fire on a day that merely runs one day-level deviation high', () => {
    expect(run(10, 40, 7, () => 1.1)).toEqual([]);
  });

  it('stays a number through a block the baseline expects nothing of (a small category at night), and can still fire after it', () => {
    // Before the floor, expected 0 made the sum NaN for good: the key never fired nor restarted again.
    const st = createRise(0);
    addRiseBlock(st, { count: 0, expected: 0, phi: 1, levelSd: 0.1 }, CFG);
    addRiseBlock(st, { count: 1, expected: 0, phi: 1, levelSd: 0.1 }, CFG);
    expect(Number.isFinite(st.s)).toBe(true);
    let fired = false;
    for (let b = 0; b < 12 && !fired; b++) {
      addRiseBlock(st, { count: 6, expected: 1, phi: 1, levelSd: 0.1 }, CFG);
      fired = riseFires(st, CFG);
    }
    expect(fired).toBe(true);
  });
});

const H = 3_600_000;
const DAY = 24 * H;
const START = Date.parse('2026-03-02T00:00:00Z');
/** Only the rise can fire: every window asks for the impossible. */
const RISE_ONLY = { burst: { windows: [{ minutes: 60, score: 99, minRatio: 99, minCount: 1e6, sustainSteps: 1 }] } };

function feed(d: Detector, ms: readonly EnrichedMention[]): Signal[] {
  const out: Signal[] = [];
  for (const m of ms) out.push(...d.process(m).signals);
  for (const s of out) Signal.parse(s);
  return out;
}

const byTime = (ms: EnrichedMention[]) => ms.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));

describe('sustained rise in the detector', { timeout: 60_000 }, () => {
  const bg = backgroundStream({ start: START, days: 9, peakPerHour: 40, seed: 11, extra: { watches: 'dash' } });
  const onset = START + 8 * DAY + 9 * H;
  const dayPosts = bg.filter((m) => Math.floor((Date.parse(m.publishedAt) - START) / DAY) === 7).length;
  const stream = byTime([...bg, ...rampStorm('dash', onset, 8, dayPosts, 12, 'rise')]);

  it('finds a slow storm that doubles a day over 8 hours with the windows off, once, after a quiet week', () => {
    const rises = feed(createDetector(RISE_ONLY), stream).filter((s) => s.kind === 'burst' && s.burst?.dimension === 'watch');
    expect(rises.filter((s) => Date.parse(s.at) < onset)).toEqual([]);
    expect(rises.length).toBe(1);
    const delay = Date.parse(rises[0]!.at) - onset;
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(3 * H);
    expect(rises[0]!.burst!.confidence).toBeGreaterThanOrEqual(0.999);
    expect(Date.parse(rises[0]!.burst!.windowStart)).toBeLessThan(Date.parse(rises[0]!.burst!.windowEnd));
  });

  it('keeps every key’s sum a number, a sparse category with hours it never had a post in too (it was NaN, so dead)', () => {
    const small = byTime([
      ...backgroundStream({ start: START, days: 8, peakPerHour: 6, seed: 31, extra: { watches: 'mei' } }),
      ...backgroundStream({ start: START, days: 8, peakPerHour: 0.4, seed: 32, extra: { watches: 'mei', categories: ['packaging'] } }),
    ]);
    const d = createDetector(RISE_ONLY);
    feed(d, small);
    const keys = d.snapshot().volume.keys.filter((k) => k.watchId === 'mei');
    expect(keys.map((k) => k.value).sort()).toEqual(['delivery', 'mei', 'packaging', 'service']);
    for (const k of keys) expect([k.key, Number.isFinite(k.rise?.s)]).toEqual([k.key, true]);
  });

  it('is off with rise.enabled false (the same stream then raises no watch burst)', () => {
    const d = createDetector({ ...RISE_ONLY, burst: { ...RISE_ONLY.burst, rise: { enabled: false } } });
    expect(feed(d, stream).filter((s) => s.kind === 'burst')).toEqual([]);
  });

  it('is suppressed while the key warms up: a brand collected from the storm’s day on raises nothing', () => {
    const late = byTime(stream.filter((m) => Date.parse(m.publishedAt) >= START + 7 * DAY));
    const d = createDetector(RISE_ONLY);
    expect(feed(d, late).filter((s) => s.kind === 'burst')).toEqual([]);
    expect(d.baselineStatuses().find((s) => s.key === 'burst:dash')?.state).toBe('warming_up');
  });

  it('survives a snapshot and restore mid-rise (JSON, as the partition state is stored): the same signals as without one', () => {
    const whole = feed(createDetector(RISE_ONLY), stream);
    const cut = onset + 75 * 60_000;
    const d1 = createDetector(RISE_ONLY);
    const before = feed(d1, stream.filter((m) => Date.parse(m.publishedAt) < cut));
    const snap = JSON.parse(JSON.stringify(d1.snapshot())) as ReturnType<Detector['snapshot']>;
    const rise = snap.volume.keys.find((k) => k.key === 'burst:dash')!.rise!;
    expect(rise.s).toBeGreaterThan(0); // the rise was under way when the state was saved
    const d2 = createDetector(RISE_ONLY);
    d2.restore(snap);
    const after = feed(d2, stream.filter((m) => Date.parse(m.publishedAt) >= cut));
    expect([...before, ...after].filter((s) => s.kind === 'burst').map((s) => s.id)).toEqual(whole.filter((s) => s.kind === 'burst').map((s) => s.id));
    expect(whole.some((s) => s.kind === 'burst')).toBe(true);
  });
});
