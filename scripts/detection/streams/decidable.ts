/**
 * When a storm becomes decidable: the first moment an oracle looking at counts alone could tell
 * it from an ordinary day, at the false-alarm rate Vigil's own tests use. A storm whose first two
 * hours hold three complaints cannot be found in two hours by anything that counts; measuring
 * delay from this moment (beside delay from onset) says how much of a delay is the detector's.
 *
 * The oracle is generous on purpose (a lower bound for any count test):
 * - it knows the onset, so it tests one window [onset, t] per post instead of scanning every start;
 * - it knows the true null of the brand's stream in hindsight (hindsightBaseline): the hour-of-day
 *   profile of the watch's ordinary posts over the whole scenario, scaled to the day's own
 *   ordinary volume (or, where a label covers whole days, the same weekday's ordinary days before);
 * - it takes that null as Poisson, blind to the stream's hour-to-hour overdispersion.
 * It declares the storm decidable at the first post t at which the Poisson tail
 * P(N ≥ n | Λ) of the watch's posts n in [onset, t] (storm and ordinary) against the null's Λ
 * (Λ over at least one 15-minute block) drops to e^−h, h the sustained-rise threshold (ln of the blocks in the mean days between false
 * alarms: one false alarm per key per 100 days). The tail only drops at a post, so the first
 * crossing is at a post. Pure and deterministic.
 *
 * Two definitions (decidableTimes' options), both printed by the eval for one release:
 * - "all posts, no floor" (the first one): every post of the watch, against the null as it is.
 *   It counted posts Vigil never counts (praise, questions: Vigil's burst keys count complaints
 *   only), and at hours where a brand's true null is ~0 (CFPB at night) one or two posts were
 *   "decidable", which no count detector with a floor can alert on, or should.
 * - "complaints, floored" (complaintsFloored, the one the eval's figures quote): the posts Vigil's
 *   burst keys count (isComplaint) against the hindsight null of those posts, that null held at
 *   Vigil's own floor per 15-minute block (MIN_BLOCK_EXPECTED, sustained-rise.ts), blocks aligned
 *   as Vigil's (since the epoch). The oracle stays generous in every other way.
 */
import type { EnrichedMention } from '@vigil/contracts';
import type { DetectionConfig } from '../../../libs/detection/src/config';
import { isComplaint } from '../../../libs/detection/src/features';
import { poissonTailScore } from '../../../libs/detection/src/poisson';
import { BLOCK_MINUTES, MIN_BLOCK_EXPECTED } from '../../../libs/detection/src/sustained-rise';
import { DAY, HOUR, localDow, localHour } from './rhythm';
import type { Incident, Scenario } from './scenarios';

/** The oracle's resolution: Vigil's block (sustained-rise.ts). */
const MIN_WINDOW_MS = BLOCK_MINUTES * 60_000;

/** Expected ordinary posts of one watch over [a, b) (ms). */
export type ExpectedBetween = (a: number, b: number) => number;

/** −ln P(Poisson(Λ) ≥ n): nats of evidence that n posts are more than Λ would bring. */
export function tailNats(n: number, lambda: number): number {
  return poissonTailScore(n, lambda) * Math.LN10;
}

/**
 * The first post time in [onset, end] at which the posts since onset are decidable against the
 * null (≥ h nats), or undefined. `times` are the watch's post times, ascending.
 */
export function decidableAt(times: readonly number[], onset: number, end: number, expected: ExpectedBetween, h: number): number | undefined {
  let n = 0;
  for (const t of times) {
    if (t < onset) continue;
    if (t > end) break;
    n++;
    // The null of at least one block: a window closed at its own first post would hold
    // almost no null, and one post at the onset would be "decidable" (Vigil counts in 15-minute blocks).
    if (tailNats(n, Math.max(1e-9, expected(onset, Math.max(t + 1, onset + MIN_WINDOW_MS)))) >= h) return t;
  }
  return undefined;
}

/**
 * The null of a watch's stream, known in hindsight: expected posts per local hour = the day's
 * ordinary volume × the watch's share of ordinary posts in that hour of day (whole scenario).
 * `wholeDays`: a label covers whole days (CFPB: every post of a surge day is the surge's), so a
 * storm day has no ordinary posts of its own; its volume is the mean of the same weekday's days
 * without an incident post in the 4 weeks before.
 */
export function hindsightBaseline(s: Scenario, watch: string, wholeDays: boolean): ExpectedBetween {
  const local = (t: number) => t + s.utcOffset * HOUR;
  const dayOf = (t: number) => Math.floor((t - s.start) / DAY);
  const days = Math.round((s.end - s.start) / DAY);
  const ordinary = new Array<number>(days + 1).fill(0);
  const touched = new Array<boolean>(days + 1).fill(false);
  const hours = new Array<number>(24).fill(0);
  for (const p of s.posts) {
    if (p.watch !== watch) continue;
    const d = dayOf(p.at);
    if (d < 0 || d > days) continue;
    if (p.incident !== undefined) {
      touched[d] = true;
      continue;
    }
    ordinary[d]! += 1;
    hours[localHour(p.at, s.utcOffset)]! += 1;
  }
  const total = hours.reduce((a, b) => a + b, 0) || 1;
  const level = (d: number): number => {
    if (!wholeDays || !touched[d]) return ordinary[d] ?? 0;
    const dow = localDow(s.start + d * DAY + 12 * HOUR, s.utcOffset);
    const same: number[] = [];
    for (let k = d - 1; k >= Math.max(0, d - 28); k--) {
      if (!touched[k] && localDow(s.start + k * DAY + 12 * HOUR, s.utcOffset) === dow) same.push(ordinary[k]!);
    }
    return same.length ? same.reduce((a, b) => a + b, 0) / same.length : ordinary[d] ?? 0;
  };
  // Per hour rate, integrated piecewise over local hours.
  return (a: number, b: number) => {
    let sum = 0;
    for (let t = a; t < b;) {
      const hourEnd = Math.min(b, Math.floor(local(t) / HOUR) * HOUR + HOUR - s.utcOffset * HOUR);
      const d = dayOf(t);
      sum += (level(d) * hours[localHour(t, s.utcOffset)]!) / total * ((hourEnd - t) / HOUR);
      t = hourEnd;
    }
    return sum;
  };
}

/**
 * `expected` held at `floor` posts per 15-minute block: each block (since the epoch, as Vigil's)
 * the window overlaps expects at least `floor` × the part of the block it covers. The hindsight
 * null is constant within a block (its hours start on a block), so this is the block's own floor.
 */
export function flooredPerBlock(expected: ExpectedBetween, floor: number): ExpectedBetween {
  return (a: number, b: number) => {
    let sum = 0;
    for (let t = a; t < b;) {
      const end = Math.min(b, (Math.floor(t / MIN_WINDOW_MS) + 1) * MIN_WINDOW_MS);
      sum += Math.max(expected(t, end), (floor * (end - t)) / MIN_WINDOW_MS);
      t = end;
    }
    return sum;
  };
}

export interface DecidableOptions {
  /** Which of the scenario's posts the oracle counts (by index into s.posts); every post when absent. */
  counted?: readonly boolean[];
  /** Least posts the null expects per 15-minute block; no floor when absent. */
  blockFloor?: number;
}

/**
 * The definition the eval quotes: count what Vigil's burst keys count (complaints, isComplaint on
 * the enriched post; `stream` is s.posts enriched, index for index) against a null floored as
 * Vigil floors its own (MIN_BLOCK_EXPECTED per block).
 */
export function complaintsFloored(stream: readonly EnrichedMention[], cfg: DetectionConfig): DecidableOptions {
  return { counted: stream.map((m) => isComplaint(m, cfg)), blockFloor: MIN_BLOCK_EXPECTED };
}

/**
 * When each alarming incident of a scenario becomes decidable (undefined: never before its end).
 * Without options: every post, no floor (the first definition, kept beside the new one for one release).
 */
export function decidableTimes(s: Scenario, h: number, opts: DecidableOptions = {}): Map<Incident, number | undefined> {
  const wholeDays = s.incidentsCoverWholeDays === true;
  // The oracle's stream and its null are the counted posts alone.
  const counted = opts.counted;
  const cs: Scenario = counted ? { ...s, posts: s.posts.filter((_, i) => counted[i]) } : s;
  const out = new Map<Incident, number | undefined>();
  const byWatch = new Map<string, number[]>();
  for (const p of cs.posts) (byWatch.get(p.watch) ?? byWatch.set(p.watch, []).get(p.watch)!).push(p.at);
  for (const times of byWatch.values()) times.sort((a, b) => a - b);
  const nulls = new Map<string, ExpectedBetween>();
  const nullOf = (watch: string): ExpectedBetween => {
    const raw = hindsightBaseline(cs, watch, wholeDays);
    return opts.blockFloor !== undefined ? flooredPerBlock(raw, opts.blockFloor) : raw;
  };
  for (const inc of s.incidents) {
    if (!inc.alarm) continue;
    const expected = nulls.get(inc.watch) ?? nulls.set(inc.watch, nullOf(inc.watch)).get(inc.watch)!;
    out.set(inc, decidableAt(byWatch.get(inc.watch) ?? [], inc.onset, inc.end, expected, h));
  }
  return out;
}

export interface FromDecidable {
  storms: number;
  decidable: number;
  /** Minutes from onset to decidable, over the decidable storms. */
  decidableAfterOnset: number[];
  /** Of the decidable storms: alerted, and minutes from decidable to the alert (negative: earlier). */
  alerted: number;
  delays: number[];
  /** Decidable within 2 h of onset, and of those alerted within 2 h of onset (the target, where it can be met). */
  decidableIn2h: number;
  alertedIn2hOfThose: number;
  /** Of the storms never decidable: alerted anyway (by other evidence than the watch's count). */
  undecidableAlerted: number;
}

/** Delay from decidable of one detector's alerts (alertDelayMin from onset, per storm). */
export function fromDecidable(rows: ReadonlyArray<{ incident: Incident; alertDelayMin?: number }>, decidable: ReadonlyMap<Incident, number | undefined>): FromDecidable {
  const r: FromDecidable = { storms: 0, decidable: 0, decidableAfterOnset: [], alerted: 0, delays: [], decidableIn2h: 0, alertedIn2hOfThose: 0, undecidableAlerted: 0 };
  for (const st of rows) {
    if (!decidable.has(st.incident)) continue;
    r.storms++;
    const at = decidable.get(st.incident);
    if (at === undefined) {
      if (st.alertDelayMin !== undefined) r.undecidableAlerted++;
      continue;
    }
    r.decidable++;
    const after = (at - st.incident.onset) / 60_000;
    r.decidableAfterOnset.push(after);
    if (after <= 120) {
      r.decidableIn2h++;
      if (st.alertDelayMin !== undefined && st.alertDelayMin <= 120) r.alertedIn2hOfThose++;
    }
    if (st.alertDelayMin === undefined) continue;
    r.alerted++;
    r.delays.push(st.alertDelayMin - after);
  }
  return r;
}
