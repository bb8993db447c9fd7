import { BaselineStatus, Signal, type EnrichedMention } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createDetector, type Detector } from './detector';
import { makeMention } from '../../../test/support/mention-factory';
import { backgroundStream, rampStorm, STORM_TEXTS } from '../../../test/support/synthetic-streams';

const H = 3_600_000;
const DAY = 24 * H;
const START = Date.parse('2026-03-02T00:00:00Z');
function replay(d: Detector, ms: EnrichedMention[], until?: number): Signal[] {
  const out: Signal[] = [];
  for (const m of ms.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt))) out.push(...d.process(m).signals);
  if (until) out.push(...d.advanceTo(until).signals);
  for (const s of out) Signal.parse(s);
  return out;
}

const brand = (watch: string, days: number, peak: number, seed: number, start = START) => backgroundStream({ start, days, peakPerHour: peak, seed, extra: { watches: watch } });
const dayPosts = (ms: EnrichedMention[], day: number) => ms.filter((m) => Math.floor((Date.parse(m.publishedAt) - START) / DAY) === day).length;

// Each case replays days of posts: generous timeouts, the machine is shared.
describe('volume bursts per watch', { timeout: 60_000 }, () => {
  it('finds a slow storm that doubles a brand’s day over 8 hours within 2 hours of its onset, and says how sure it is', () => {
    const bg = brand('dash', 9, 40, 11);
    const onset = START + 8 * DAY + 9 * H;
    const storm = rampStorm('dash', onset, 8, dayPosts(bg, 7), 12);
    const signals = replay(createDetector(), [...bg, ...storm]);
    const bursts = signals.filter((s) => s.kind === 'burst');
    expect(bursts.filter((s) => Date.parse(s.at) < onset)).toEqual([]); // eight ordinary days: quiet
    const first = bursts[0]!;
    expect(first.watchId).toBe('dash');
    expect(Date.parse(first.at) - onset).toBeLessThanOrEqual(2 * H);
    expect(first.burst!.ratio).toBeGreaterThanOrEqual(1.4);
    expect(first.burst!.confidence).toBeGreaterThanOrEqual(0.99);
    expect(first.label).toMatch(/^dash ×\d/);
    // One storm, one incident: every burst of the watch during it carries the same key.
    expect(new Set(bursts.map((s) => s.key)).size).toBe(1);
  });

  it('finds a sharp spike within 15 minutes', () => {
    const bg = brand('dash', 5, 40, 21);
    const onset = START + 4 * DAY + 14 * H;
    const spike = Array.from({ length: 40 }, (_, i) => makeMention({ ext: `spike-${i}`, text: STORM_TEXTS[i % 4]!, at: onset + i * 30_000, author: `s${i}`, categories: ['delivery'], watches: 'dash' }));
    const first = replay(createDetector(), [...bg, ...spike]).find((s) => s.kind === 'burst')!;
    expect(Date.parse(first.at) - onset).toBeLessThanOrEqual(15 * 60_000);
  });

  it('needs no tuning per brand: a busy and a quiet brand in one stream stay quiet for a week of ordinary days', () => {
    const signals = replay(createDetector(), [...brand('busy', 8, 120, 31), ...brand('small', 8, 3, 32)], START + 8 * DAY);
    expect(signals.filter((s) => s.kind === 'burst')).toEqual([]);
  });

  it('a key with too little history is warming up: no burst from a brand whose collection just began, and the state is readable', () => {
    const d = createDetector();
    const old = brand('dash', 6, 30, 41);
    // Collection of "late" begins on day 4 at once at full volume, with a spike on its second day.
    const lateStart = START + 4 * DAY;
    const late = brand('late', 2, 30, 42, lateStart);
    const spike = Array.from({ length: 40 }, (_, i) => makeMention({ ext: `ls-${i}`, text: STORM_TEXTS[i % 4]!, at: lateStart + DAY + 14 * H + i * 30_000, author: `l${i}`, categories: ['delivery'], watches: 'late' }));
    const signals = replay(d, [...old, ...late, ...spike]);
    expect(signals.filter((s) => s.kind === 'burst' && s.watchId === 'late')).toEqual([]);
    const status = d.baselineStatuses().find((s) => s.key === 'burst:late')!;
    expect(BaselineStatus.parse(status)).toMatchObject({ watchId: 'late', dimension: 'watch', state: 'warming_up' });
    expect(status.reason).toMatch(/history/);
    expect(d.baselineStatuses().find((s) => s.key === 'burst:dash')!.state).toBe('ready');
    // The stored status learns of both the new key and the one that became ready.
    const changes = d.takeBaselineChanges().map((s) => `${s.key}=${s.state}`);
    expect(changes).toEqual(expect.arrayContaining(['burst:late=warming_up', 'burst:dash=ready']));
    expect(d.takeBaselineChanges()).toEqual([]);
  });

  it('a warming-up key stores its progress as it learns (hours seen of hours needed), not only when its state changes', () => {
    const d = createDetector();
    const mentions = brand('late', 2, 30, 43, START);
    const seen: number[] = [];
    for (const m of mentions) {
      d.process(m);
      for (const st of d.takeBaselineChanges()) if (st.key === 'burst:late' && st.state === 'warming_up') seen.push(st.learntHours);
    }
    const last = d.baselineStatuses().find((s) => s.key === 'burst:late')!;
    expect(last.state).toBe('warming_up');
    expect(last.neededHours).toBe(72);
    // Reported again and again while it learns, the hours growing, and none of them past what it needs.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(24);
    expect(Math.max(...seen)).toBeLessThan(72);
  });

  it('does not learn or judge across a coverage gap: a source back after an outage is not a storm', () => {
    const d = createDetector();
    const bg = brand('dash', 6, 40, 51);
    const gapFrom = START + 5 * DAY + 9 * H;
    const gapTo = gapFrom + 3 * H;
    // What the source missed during the outage arrives right after it (a catch-up), on top of the usual.
    const kept = bg.filter((m) => Date.parse(m.publishedAt) < gapFrom || Date.parse(m.publishedAt) >= gapTo);
    const caughtUp = bg.filter((m) => Date.parse(m.publishedAt) >= gapFrom && Date.parse(m.publishedAt) < gapTo).map((m, i) => ({ ...m, id: `${m.id.slice(0, 24)}${String(i).padStart(8, '0')}`, publishedAt: new Date(gapTo + i * 20_000).toISOString() }));
    d.setCoverage([{ sourceId: 'test', from: gapFrom, to: gapTo }]);
    const signals = replay(d, [...kept, ...caughtUp]);
    expect(signals.filter((s) => s.kind === 'burst')).toEqual([]);
    const status = d.baselineStatuses().find((s) => s.key === 'burst:dash')!;
    expect(status.state).toBe('ready'); // six hours after the gap the windows are clear again
    // Without the coverage input the same catch-up reads as a storm.
    const blind = replay(createDetector(), [...kept, ...caughtUp]);
    expect(blind.some((s) => s.kind === 'burst')).toBe(true);
  });

  it('a competitor’s watch and a mention that matched no watch never alarm', () => {
    const competitor = [{ id: 'rival', rule: 'rival', competitor: true }];
    const ms = [...brand('rival', 5, 30, 61)].map((m) => ({ ...m, watches: competitor }));
    const spike = Array.from({ length: 60 }, (_, i) => makeMention({ ext: `r-${i}`, text: STORM_TEXTS[i % 4]!, at: START + 4 * DAY + 14 * H + i * 20_000, author: `r${i}`, categories: ['delivery'], watches: competitor, cues: ['safety'] }));
    const none = Array.from({ length: 60 }, (_, i) => makeMention({ ext: `n-${i}`, text: STORM_TEXTS[i % 4]!, at: START + 4 * DAY + 15 * H + i * 20_000, author: `n${i}`, categories: ['delivery'], watches: [], cues: ['safety'] }));
    expect(replay(createDetector(), [...ms, ...spike, ...none])).toEqual([]);
  });

  it('a storm days after the last one is a new incident (a new key), not a flare of the old ticket', () => {
    const bg = brand('dash', 13, 40, 71);
    const a = rampStorm('dash', START + 8 * DAY + 10 * H, 6, dayPosts(bg, 7), 72, 'a');
    const b = rampStorm('dash', START + 11 * DAY + 10 * H, 6, dayPosts(bg, 10), 73, 'b');
    const bursts = replay(createDetector(), [...bg, ...a, ...b]).filter((s) => s.kind === 'burst');
    const keyAt = (day: number) => bursts.find((s) => Math.floor((Date.parse(s.at) - START) / DAY) === day)?.key;
    expect(keyAt(8)).toBeDefined();
    expect(keyAt(11)).toBeDefined();
    expect(keyAt(11)).not.toBe(keyAt(8));
  });
});
