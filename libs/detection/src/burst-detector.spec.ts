import { Signal, type EnrichedMention } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createDetector, type Detector } from './detector';
import { makeMention } from '../../../test/support/mention-factory';
import { backgroundStream } from '../../../test/support/synthetic-streams';

const DAY = 86_400_000;
const MIN = 60_000;
const START = Date.parse('2026-03-01T00:00:00Z');

/** What rose: the burst's own key (the signal's key may be the cluster the burst belongs to). */
const burstKey = (s: Signal) => (s.burst ? `burst:${s.burst.dimension}:${s.burst.value}` : s.key);

function feed(d: Detector, ms: EnrichedMention[]): Signal[] {
  const out: Signal[] = [];
  for (const m of ms) out.push(...d.process(m).signals);
  for (const s of out) Signal.parse(s);
  return out;
}

function storm(at: number, n: number, gapMs: number, tag = 's'): EnrichedMention[] {
  return Array.from({ length: n }, (_, i) =>
    makeMention({
      ext: `${tag}-${at}-${i}`,
      text: `蓝鲸外卖今晚全城系统崩溃，订单付了钱一直不派送，客服电话打不通${i % 7}`,
      at: at + i * gapMs,
      author: `${tag}-user-${i}`,
      followers: 200,
      categories: ['outage'],
    }),
  );
}

const background = backgroundStream({ start: START, days: 3, peakPerHour: 12, seed: 7 });

describe('burst detection', () => {
  it('a slow day raises no burst', () => {
    const d = createDetector();
    const bursts = feed(d, background).filter((s) => s.kind === 'burst');
    expect(background.length).toBeGreaterThan(300);
    expect(bursts).toEqual([]);
  });

  it('a storm fires within the first handful of posts, then cools down once', () => {
    const d = createDetector();
    feed(d, background);
    const onset = START + 3 * DAY + 20 * 60 * MIN; // 20:00, busy hour
    const posts = storm(onset, 40, 30_000);
    let firstAt = -1;
    const signals: Signal[] = [];
    posts.forEach((m, i) => {
      const s = d.process(m).signals.filter((x) => x.kind === 'burst');
      if (s.length && firstAt < 0) firstAt = i + 1;
      signals.push(...s);
    });
    expect(firstAt).toBeGreaterThan(0);
    expect(firstAt).toBeLessThanOrEqual(8);
    // One burst per key, not one per post.
    const keys = signals.map(burstKey);
    expect(new Set(keys).size).toBe(keys.length);
    const cooling = d.advanceTo(onset + 3 * 3_600_000).signals.filter((s) => s.kind === 'burst_cooling');
    expect(cooling.map(burstKey).sort()).toEqual([...keys].sort());
    for (const c of cooling) {
      Signal.parse(c);
      expect(c.id.split(':').slice(-3).join(':')).toBe(signals.find((s) => burstKey(s) === burstKey(c))!.id.split(':').slice(-3).join(':'));
    }
  });

  it('a small count never fires, however quiet the baseline', () => {
    const d = createDetector();
    feed(d, background);
    const few = storm(START + 3 * DAY + 4 * 60 * MIN, 4, 10_000, 'few'); // 04:00, quietest hour
    expect(feed(d, few).filter((s) => s.kind === 'burst')).toEqual([]);
  });

  it('a burst most of whose posts are one incident cluster is keyed to that cluster, so it joins its ticket', () => {
    const d = createDetector();
    feed(d, background);
    const out = feed(d, storm(START + 3 * DAY + 20 * 60 * MIN, 40, 30_000));
    const cluster = out.find((s) => s.kind === 'cluster_new')!;
    expect(cluster).toBeDefined();
    const bursts = out.filter((s) => s.kind === 'burst');
    // The category and brand-volume bursts rose because of the storm: same incident key.
    const attributed = bursts.filter((s) => s.burst!.dimension !== 'cluster' && s.key === cluster.key);
    expect(attributed.length).toBeGreaterThan(0);
    for (const b of attributed) expect(b.clusterId).toBe(cluster.clusterId);
    // Bursts that came before the cluster was an incident keep their own key.
    for (const b of bursts) expect([cluster.key, burstKey(b)]).toContain(b.key);
  });

  it('a flapping key fires once (hysteresis), not at every flap', () => {
    const d = createDetector();
    feed(d, background);
    const base = START + 3 * DAY + 18 * 60 * MIN;
    const flaps: EnrichedMention[] = [];
    // 3 hours: 5 minutes of 10 posts, 5 minutes of silence, again and again.
    for (let k = 0; k < 18; k++) flaps.push(...storm(base + k * 10 * MIN, 10, 30_000, `flap${k}`));
    const bursts = feed(d, flaps).filter((s) => s.kind === 'burst' && burstKey(s) === 'burst:category:outage');
    expect(bursts).toHaveLength(1);
  });

  it('without hysteresis the same flapping fires again (the test can fail)', () => {
    const d = createDetector({ burst: { coolSteps: 1, exitScore: 20, refractoryMinutes: 0 } });
    feed(d, background);
    const base = START + 3 * DAY + 18 * 60 * MIN;
    const flaps: EnrichedMention[] = [];
    for (let k = 0; k < 18; k++) flaps.push(...storm(base + k * 20 * MIN, 10, 30_000, `flap${k}`));
    const bursts = feed(d, flaps).filter((s) => s.kind === 'burst' && burstKey(s) === 'burst:category:outage');
    expect(bursts.length).toBeGreaterThan(1);
  });

  it('knows the time of day: the evening volume at 03:00 is a burst, in the evening it is not', () => {
    const d = createDetector({ burst: { dimensions: ['topic'] } });
    const bg = backgroundStream({ start: START, days: 4, peakPerHour: 60, seed: 11 });
    feed(d, bg.filter((m) => Date.parse(m.publishedAt) < START + 3 * DAY));
    // Replay the evening hour's posts shifted to 03:00 of day 4.
    const evening = bg.filter((m) => {
      const t = Date.parse(m.publishedAt);
      return t >= START + 2 * DAY + 18 * 60 * MIN && t < START + 2 * DAY + 19 * 60 * MIN;
    });
    const night = evening.map((m, i) => ({ ...m, id: (i.toString(16) + 'a'.repeat(32)).slice(0, 32), publishedAt: new Date(Date.parse(m.publishedAt) + DAY - 15 * 60 * MIN).toISOString() }));
    const bursts = feed(d, night).filter((s) => s.kind === 'burst');
    expect(bursts.map(burstKey)).toContain('burst:topic:all');

    const d2 = createDetector({ burst: { dimensions: ['topic'] } });
    const sameEvening = bg.filter((m) => Date.parse(m.publishedAt) < START + 3 * DAY + 19 * 60 * MIN);
    expect(feed(d2, sameEvening).filter((s) => s.kind === 'burst')).toEqual([]);
  });
});
