import { Signal } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { makeMention } from '../../../test/support/mention-factory';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const MIN = 60_000;

function run(ms: ReturnType<typeof makeMention>[]) {
  const d = createDetector();
  const outs = ms.map((m) => d.process(m));
  const signals = outs.flatMap((o) => o.signals);
  for (const s of signals) Signal.parse(s);
  return { d, signals, groups: signals.filter((s) => s.kind === 'group_complaint') };
}

describe('group complaints (群体投诉)', () => {
  it('one author posting 50 times is not a group complaint', () => {
    const ms = Array.from({ length: 50 }, (_, i) =>
      makeMention({
        ext: `loud-${i}`,
        text: `阳光花园小区停水${i % 5 + 2}天了，物业一直不管，投诉无门`,
        at: T0 + i * 2 * MIN,
        author: 'loud-customer',
        followers: 300,
        places: [{ name: '阳光花园', kind: 'compound' }],
      }),
    );
    const { d, signals, groups } = run(ms);
    const [cluster] = d.snapshot().clusters.filter((c) => c.size === 50);
    expect(cluster?.distinctAuthors).toBe(1); // it is one issue…
    expect(groups).toHaveLength(0); // …from one person
    expect(signals.filter((s) => s.kind === 'cluster_new')).toHaveLength(0); // and not a new incident either
  });

  const complaints = [
    '阳光花园小区停水三天了，物业不管',
    '我们阳光花园又停水了，孩子没法洗澡',
    '阳光花园停水第三天，物业电话打不通',
    '阳光花园物业太差，停水不通知',
    '小区停水好几天，阳光花园的业主都很生气',
    '阳光花园停水，老人买水都困难',
  ];

  it('30 households of one compound are an organic group complaint', () => {
    const ms = Array.from({ length: 30 }, (_, i) =>
      makeMention({
        ext: `household-${i}`,
        text: complaints[i % complaints.length]! + `（${i + 1}栋）`,
        at: T0 + i * 7 * MIN,
        author: `owner-${i}`,
        followers: 80 + i * 13,
        authorCreatedAt: '2019-05-01T00:00:00Z',
        places: [{ name: '阳光花园', kind: 'compound' }],
      }),
    );
    const { groups } = run(ms);
    expect(groups.length).toBeGreaterThanOrEqual(1);
    const g = groups[0]!.groupComplaint!;
    expect(g.nature).toBe('organic');
    expect(g.concentration).toContainEqual({ kind: 'place', value: '阳光花园' });
    expect(groups[0]!.metrics.distinctAuthors).toBeGreaterThanOrEqual(5);
    // One group signal per (nature, level): no repeat for every new household.
    expect(new Set(groups.map((s) => s.id)).size).toBe(groups.length);
    expect(groups.length).toBeLessThanOrEqual(4);
  });

  it('30 near-identical texts from brand-new low-follower accounts in 5 minutes are coordinated', () => {
    const ms = Array.from({ length: 30 }, (_, i) =>
      makeMention({
        ext: `bot-${i}`,
        text: '某某外卖平台黑心商家，食物中毒无人负责，大家千万别点！！',
        at: T0 + i * 10_000,
        author: `new-acct-${i}`,
        followers: i % 3,
        authorCreatedAt: T0 - 2 * 86_400_000,
        cues: i % 2 ? ['collective_action'] : [],
      }),
    );
    const { groups } = run(ms);
    const last = groups[groups.length - 1]!;
    expect(last.groupComplaint!.nature).toBe('coordinated');
    expect(last.groupComplaint!.explanation).toMatch(/coordinated/i);
  });

  it('the same copies from established accounts of one compound over a day stay organic', () => {
    const ms = Array.from({ length: 30 }, (_, i) =>
      makeMention({
        ext: `fan-${i}`,
        text: '某某外卖平台黑心商家，食物中毒无人负责，大家千万别点！！',
        at: T0 + i * 40 * MIN,
        author: `old-acct-${i}`,
        followers: 500 + i,
        authorCreatedAt: '2018-01-01T00:00:00Z',
        places: [{ name: '翠湖小区', kind: 'compound' }],
        cues: ['collective_action'],
      }),
    );
    const { groups } = run(ms);
    expect(groups.length).toBeGreaterThanOrEqual(1);
    expect(groups.every((g) => g.groupComplaint!.nature === 'organic')).toBe(true);
  });

  it('a city is not a group: strangers in one city with one everyday complaint are never a group complaint', () => {
    const texts = ['Flight cancelled again, no rebooking offered', 'my flight got cancelled and nobody offers rebooking', 'cancelled flight, no rebooking, no hotel', 'flight cancelled tonight and still no rebooking'];
    const ms = Array.from({ length: 40 }, (_, i) =>
      makeMention({
        ext: `houston-${i}`,
        text: `Houston here. ${texts[i % texts.length]!}`,
        at: T0 + i * 3 * MIN,
        author: `traveller-${i}`,
        followers: 200 + i,
        authorCreatedAt: '2017-01-01T00:00:00Z',
        places: [{ name: 'Houston', kind: 'city' }, ...(i % 2 ? [{ name: 'Texas', kind: 'province' as const }] : [])],
      }),
    );
    const { signals, groups } = run(ms);
    expect(signals.some((s) => s.kind === 'cluster_new')).toBe(true); // one issue, many people, within two hours…
    expect(groups).toHaveLength(0); // …but all they share is a city: a storm, not a group
    for (const s of signals) expect(s.places).not.toContain('Houston');
    for (const s of signals) expect(s.terms ?? []).not.toContain('houston');
  });

  it('the same people naming one flight are a group complaint (an anchor, not a city)', () => {
    const texts = ['Flight UA1234 cancelled again, no rebooking offered', 'UA1234 got cancelled and nobody offers rebooking', 'cancelled flight UA 1234, no rebooking, no hotel', 'flight UA1234 cancelled tonight and still no rebooking'];
    const ms = Array.from({ length: 12 }, (_, i) =>
      makeMention({ ext: `ua-${i}`, text: `Houston here. ${texts[i % texts.length]!}`, at: T0 + i * 5 * MIN, author: `pax-${i}`, followers: 300, places: [{ name: 'Houston', kind: 'city' }] }),
    );
    const { groups } = run(ms);
    expect(groups.length).toBeGreaterThanOrEqual(1);
    expect(groups[0]!.groupComplaint!.concentration).toContainEqual({ kind: 'anchor', value: 'flight:UA1234' });
  });
});
