/**
 * A sustained rise, judged beside the windows' spike test: a one-sided CUSUM of the quasi-Poisson
 * log-likelihood ratio "the key runs at `ratio` × its baseline" against "it runs at its baseline",
 * over closed 15-minute blocks. Each block adds
 *
 *     (c · ln(e₁ / e₀) − (e₁ − e₀)) / φ,   e₀ = e · (1 + σ_day),  e₁ = R · e
 *
 * (c posts seen, e expected by the seasonal baseline, φ the baseline's own variance/mean for that
 * hour, widened while it rests on few days, σ_day how far the key's whole days stray from its
 * baseline), and the sum restarts from 0 whenever it would go below it. Under the baseline the sum drifts down; under a rise of ~R it climbs steadily, so a rise too
 * slow for any window's tail test adds up block by block.
 *
 * The threshold is not tuned per key: dividing by φ puts every key (busy, quiet, noisy) on the same
 * log-likelihood scale, where Wald's bound gives P(the sum ever reaches h from a restart | no rise)
 * ≤ e^−h. So h = ln(blocks in `meanDaysBetweenFalseAlarms`), and a fired rise carries its own
 * surprise: confidence 1 − e^−S (score −log10 of that bound).
 *
 * Pure: plain JSON state (carried in the detector's snapshot), no clock.
 */
export const BLOCK_MINUTES = 15;
export const BLOCKS_PER_DAY = (24 * 60) / BLOCK_MINUTES;

/** The alternative stays this far above an inflated null. */
const MIN_ALT_OVER_NULL = 1.25;
/**
 * Posts a block is expected to hold at least. An hour of day in which a key has never had a post
 * (a small category at night) has an expectation of 0, and a 0 there made the sum 0·ln(0/0) = NaN,
 * which never reaches a threshold and never restarts: the key's test was dead for good (on the
 * eval's streams every category key's was). The floor is the windows' (0.05 posts a window), counted
 * per block: it only ever raises the bar.
 */
export const MIN_BLOCK_EXPECTED = 0.05;

export interface RiseConfig {
  /** Off: the windows alone judge. */
  enabled: boolean;
  /** The rise the test is tuned to find (× the baseline). */
  ratio: number;
  /** Mean days between false alarms of one key under its baseline (sets the threshold). */
  meanDaysBetweenFalseAlarms: number;
  /** Posts above the expectation, over the run, before a rise is worth a signal. */
  minExcess: number;
}

/** Plain JSON, so a snapshot carries it as it is. */
export interface RiseState {
  /** The CUSUM statistic (nats). */
  s: number;
  /** The next block to be judged (blocks since the epoch). */
  nextBlock: number;
  /** First block of the current run (since the sum last stood at 0). */
  runStart: number;
  /** Posts seen and expected over the current run. */
  observed: number;
  expected: number;
}

export interface RiseBlock {
  /** Posts in the block. */
  count: number;
  /** What the baseline expected in the block. */
  expected: number;
  /** The baseline's variance / mean at this block's hour (≥ 1). */
  phi: number;
  /** Standard deviation of a whole day's level around the baseline (the baseline's own error). */
  levelSd: number;
}

export function createRise(block: number): RiseState {
  return { s: 0, nextBlock: block, runStart: block, observed: 0, expected: 0 };
}

export function riseThreshold(cfg: RiseConfig): number {
  return Math.log(Math.max(1, cfg.meanDaysBetweenFalseAlarms) * BLOCKS_PER_DAY);
}

/** Start over (after an alarm, while a key warms up or has a coverage gap, while a burst is active). */
export function resetRise(st: RiseState, nextBlock: number): void {
  st.s = 0;
  st.nextBlock = nextBlock;
  st.runStart = nextBlock;
  st.observed = 0;
  st.expected = 0;
}

/** Judge block `st.nextBlock`. */
export function addRiseBlock(st: RiseState, b: RiseBlock, cfg: RiseConfig): void {
  // The null is the baseline one day-level standard deviation high: a day that merely runs high
  // (a weekday not yet learnt, growth) drifts the sum down instead of adding up to an alarm.
  const e = Math.max(b.expected, MIN_BLOCK_EXPECTED);
  const e0 = e * (1 + Math.max(0, b.levelSd));
  const e1 = Math.max(e * cfg.ratio, e0 * MIN_ALT_OVER_NULL);
  const phi = Math.max(1, b.phi);
  const next = st.s + (b.count * Math.log(e1 / e0) - (e1 - e0)) / phi;
  const block = st.nextBlock;
  st.nextBlock = block + 1;
  if (next <= 0) {
    st.s = 0;
    st.runStart = block + 1;
    st.observed = 0;
    st.expected = 0;
    return;
  }
  st.s = next;
  st.observed += b.count;
  st.expected += e;
}

/** Has the rise reached the threshold with enough posts behind it? */
export function riseFires(st: RiseState, cfg: RiseConfig): boolean {
  return st.s >= riseThreshold(cfg) && st.observed - st.expected >= cfg.minExcess;
}

/** -log10 of Wald's bound e^−S: the score of a fired rise, on the windows' scale. */
export function riseScore(st: RiseState): number {
  return st.s / Math.LN10;
}
