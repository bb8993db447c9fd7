import { ClusterDoc, Signal, severityRank, type EnrichedMention, type RiskCue } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createDetector, type Detector, type DetectorOutput } from './detector';
import { makeMention } from '../../../test/support/mention-factory';
import { mulberry32 } from '../../../test/support/prng';
import { backgroundStream } from '../../../test/support/synthetic-streams';

const DAY = 86_400_000;
const MIN = 60_000;
const START = Date.parse('2026-03-01T00:00:00Z');

function validate(o: DetectorOutput): DetectorOutput {
  for (const s of o.signals) Signal.parse(s);
  for (const c of o.clusterUpdates) ClusterDoc.parse(c);
  return o;
}

function runAll(d: Detector, ms: EnrichedMention[]): Signal[] {
  const out: Signal[] = [];
  for (const m of ms) out.push(...validate(d.process(m)).signals);
  return out;
}

/** Four days of background (a baseline needs three), then a storm with a group of one compound and high-risk posts. */
function stormDay(): EnrichedMention[] {
  const bg = backgroundStream({ start: START, days: 5, peakPerHour: 20, seed: 3 });
  const onset = START + 4 * DAY + 19 * 60 * MIN;
  const storm = Array.from({ length: 60 }, (_, i) =>
    makeMention({
      ext: `storm-${i}`,
      text: `翠湖苑小区燃气管道漏气，物业维修拖了${(i % 4) + 1}天，孩子都不敢回家，已经打了12345`,
      at: onset + i * 40_000,
      author: `resident-${i % 40}`,
      followers: 150 + i,
      reach: 500 + 10 * i,
      categories: ['safety'],
      places: [{ name: '翠湖苑', kind: 'compound' }],
      cues: i % 5 === 0 ? ['safety', 'regulator'] : ['safety'],
      money: i === 7 ? [3000] : [],
      emotion: 0.8,
    }),
  );
  return [...bg, ...storm].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
}

describe('detector', { timeout: 60_000 }, () => {
  const stream = stormDay();

  it('emits schema-valid signals and cluster documents, with severity factors that explain the level', () => {
    const d = createDetector();
    const signals = runAll(d, stream);
    const kinds = new Set(signals.map((s) => s.kind));
    for (const k of ['cluster_new', 'cluster_grew', 'group_complaint', 'burst', 'risk_flag'] as const) expect(kinds).toContain(k);
    const group = signals.find((s) => s.kind === 'group_complaint' && s.places.includes('翠湖苑'))!;
    expect(group.groupComplaint!.nature).toBe('organic');
    expect(group.severity.factors.map((f) => f.factor)).toEqual(expect.arrayContaining(['distinct_authors', 'risk_cue', 'reach']));
    const sum = group.severity.factors.reduce((s, f) => s + f.contribution, 0);
    expect(group.severity.score).toBeCloseTo(Math.min(100, sum), 0);
    for (const c of d.flushClusterUpdates()) ClusterDoc.parse(c);
  });

  it('gives the same signal ids on a replay into a fresh detector (deterministic ids)', () => {
    const a = runAll(createDetector(), stream).map((s) => s.id);
    const b = runAll(createDetector(), stream).map((s) => s.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('does not count a mention twice and emits nothing new when the stream is replayed into a restored detector', () => {
    const d = createDetector();
    const first = runAll(d, stream);
    const size = d.stats().clusters;
    const restored = createDetector();
    restored.restore(JSON.parse(JSON.stringify(d.snapshot())));
    // Redelivery covers the last day (the seen set remembers seenHours = 72 h of posts).
    const again = runAll(restored, stream.filter((m) => Date.parse(m.publishedAt) >= START + 4 * DAY));
    expect(again).toEqual([]);
    expect(restored.stats().clusters).toBe(size);
    expect(first.length).toBeGreaterThan(0);
  });

  it('continues a storm after snapshot/restore mid-storm with no duplicate and no missing signal', () => {
    const whole = runAll(createDetector(), stream).map((s) => s.id);
    const cut = stream.length - 35; // inside the storm
    const d1 = createDetector();
    const before = runAll(d1, stream.slice(0, cut));
    const d2 = createDetector();
    d2.restore(JSON.parse(JSON.stringify(d1.snapshot())));
    // Kafka redelivers a few messages from before the cut: they must not count again.
    const after = runAll(d2, stream.slice(cut - 10));
    const ids = [...before, ...after].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(whole);
  });

  it('rebuilds from persisted cluster documents without re-opening clusters', () => {
    const d1 = createDetector();
    const docs = new Map<string, ClusterDoc>();
    const save = (o: DetectorOutput) => o.clusterUpdates.forEach((c) => docs.set(c.id, c));
    const cut = stream.length - 30;
    const before: Signal[] = [];
    for (const m of stream.slice(0, cut)) {
      const o = d1.process(m);
      save(o);
      before.push(...o.signals);
    }
    d1.flushClusterUpdates().forEach((c) => docs.set(c.id, c));
    const d2 = createDetector();
    d2.restoreClusters([...docs.values()].map((c) => ClusterDoc.parse(JSON.parse(JSON.stringify(c)))));
    const after = runAll(d2, stream.slice(cut)).filter((s) => s.kind !== 'burst' && s.kind !== 'burst_cooling');
    const beforeIds = new Set(before.map((s) => s.id));
    expect(after.filter((s) => beforeIds.has(s.id))).toEqual([]);
    expect(after.filter((s) => s.kind === 'cluster_new' && s.places.includes('翠湖苑'))).toEqual([]);
  });

  it('keeps memory bounded: cluster count, seen set and index sizes stay capped over a long stream', () => {
    const d = createDetector({ clustering: { maxClusters: 300, maxBuckets: 4000, maxTermPostings: 2000 }, signals: { seenCap: 3000 }, burst: { maxKeys: 300 } });
    const rand = mulberry32(5);
    let peakClusters = 0;
    for (let i = 0; i < 8_000; i++) {
      const words = Array.from({ length: 5 }, () => `w${Math.floor(rand() * 5000)}`);
      d.process(makeMention({ ext: `long-${i}`, text: words.join(' '), at: START + i * 20_000, author: `u${i % 997}`, places: [{ name: `p${i % 1000}`, kind: 'compound' }] }));
      const st = d.stats();
      peakClusters = Math.max(peakClusters, st.clusters);
      expect(st.seen).toBeLessThanOrEqual(3000);
      expect(st.lshBuckets).toBeLessThanOrEqual(4000);
      expect(st.termPostings).toBeLessThanOrEqual(2000);
      expect(st.burstKeys).toBeLessThanOrEqual(330);
    }
    expect(peakClusters).toBeLessThanOrEqual(330);
    expect(peakClusters).toBeGreaterThan(250); // the cap was actually exercised
  }, 60_000);

  it('flags a post by a cue combination only on cues the analysis is sure of; a complaint goes to the plan with every cue and its confidence', () => {
    const d = createDetector();
    const post = (ext: string, safety: number, media: number, sentiment?: number) => {
      const m = makeMention({ ext, text: 'the charger caught fire in my kid’s room, calling the press', at: START, author: ext, ...(sentiment !== undefined && { sentiment }) });
      m.analysis.riskCues = [
        { kind: 'safety', evidence: 'caught fire', start: 12, end: 23, confidence: safety } as RiskCue,
        { kind: 'media', evidence: 'the press', start: 40, end: 49, confidence: media } as RiskCue,
      ];
      return m;
    };
    // Not a complaint: only a sure combination flags it.
    expect(d.process(post('idiom', 0.3, 0.4, 0.1)).signals).toEqual([]);
    expect(validate(d.process(post('real', 0.9, 0.4, 0.1))).signals.map((s) => s.kind)).toEqual(['risk_flag']);
    // A complaint with a cue the plan reads is the plan's to judge: all cues listed, each with its confidence,
    // and the unsure ones add nothing to the severity.
    const [unsure] = validate(d.process(post('unsure', 0.3, 0.55))).signals;
    const [sure] = validate(d.process(post('sure', 0.9, 0.9))).signals;
    expect(unsure).toMatchObject({ kind: 'risk_flag', riskCues: ['media', 'safety'] });
    expect(unsure!.post!.cues).toEqual([
      { kind: 'safety', evidence: 'caught fire', confidence: 0.3 },
      { kind: 'media', evidence: 'the press', confidence: 0.55 },
    ]);
    expect(severityRank(unsure!.severity.level)).toBeLessThan(severityRank(sure!.severity.level));
  });

  it('flags a single high-risk post once, keyed per mention, and ignores positive chatter', () => {
    const d = createDetector();
    const risky = makeMention({ ext: 'leak-1', text: 'Your app leaked my ID card and bank details, I have reported it to the regulator and the press', at: START, cues: ['data_leak', 'regulator', 'media'], author: 'x' });
    const s1 = validate(d.process(risky)).signals;
    expect(s1.map((s) => s.id)).toEqual([`risk_flag:mention:${risky.id}`]);
    expect(s1[0]!.severity.level).toBe('urgent'); // media + regulator floor
    expect(d.process(risky).signals).toEqual([]);
    const happy = makeMention({ ext: 'happy', text: 'great service, thanks!', at: START + 1000, sentiment: 0.8, author: 'y' });
    expect(d.process(happy)).toEqual({ signals: [], clusterUpdates: [] });
  });

  it('hands single complaints to the plan: pushed ones always, others with a plan cue or money at stake; the post travels with the signal', () => {
    const d = createDetector();
    const pushed = makeMention({ ext: 'form-1', text: '外卖送错了，请处理', at: START, channel: 'form', sentiment: 0.1, orderIds: ['2026112300123'], author: 'a' });
    const [s] = validate(d.process(pushed)).signals;
    expect(s).toMatchObject({ id: `risk_flag:mention:${pushed.id}`, kind: 'risk_flag', key: `mention:${pushed.id}`, channels: ['form'] });
    expect(s!.post).toMatchObject({ mentionId: pushed.id, channel: 'form', text: '外卖送错了，请处理', orderIds: ['2026112300123'], author: { id: 'a' } });
    const manager = makeMention({ ext: 'mgr', text: '我要找你们经理', at: START + 1000, cues: ['manager_request'], author: 'b' });
    expect(validate(d.process(manager)).signals.map((x) => x.kind)).toEqual(['risk_flag']);
    const money = makeMention({ ext: 'money', text: '退款800元一直不到账', at: START + 2000, money: [800], author: 'c' });
    expect(validate(d.process(money)).signals.map((x) => x.kind)).toEqual(['risk_flag']);
    // Ordinary complaints and praise that mentions a child stay off the signals topic.
    const plain = makeMention({ ext: 'plain', text: 'food was cold again', at: START + 3000, money: [30], author: 'd' });
    const praise = makeMention({ ext: 'kid', text: 'my kid loves it', at: START + 4000, sentiment: 0.8, cues: ['vulnerable_person'], author: 'e' });
    expect([...d.process(plain).signals, ...d.process(praise).signals]).toEqual([]);
  });
});
