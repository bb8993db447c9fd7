import { describe, expect, it } from 'vitest';
import { clusterIdFor } from './cluster-record';
import { resolveConfig } from './config';
import { extractFeatures } from './features';
import { makeMention, type MentionSpec } from '../../../test/support/mention-factory';
import { OnlineClusterer } from './online-clusterer';
import { mulberry32 } from '../../../test/support/prng';
import { TermStats } from './term-stats';

const T0 = Date.parse('2026-03-01T10:00:00Z');

/** A detector has read plenty before these posts: document frequencies from unrelated text. */
function warmStats(): TermStats {
  const stats = new TermStats();
  const rand = mulberry32(1);
  for (let i = 0; i < 500; i++) stats.observe(Array.from({ length: 8 }, () => `filler${Math.floor(rand() * 3000)}`));
  return stats;
}

function setup() {
  const cfg = resolveConfig();
  const c = new OnlineClusterer(cfg);
  const stats = warmStats();
  const add = (s: Partial<MentionSpec> & { ext: string; text: string }) => c.assign(extractFeatures(makeMention({ at: T0, author: s.ext, ...s }), cfg, stats));
  return { c, add };
}

describe('online clusterer', () => {
  it('groups same-issue posts in different words and keeps other issues apart (English)', () => {
    const { add } = setup();
    const late = [
      'my delivery arrived two hours late and the food was cold',
      'two hours late again, cold food, terrible delivery',
      'delivery was late by two hours, food completely cold',
    ].map((text, i) => add({ ext: `late-${i}`, text }).cluster.id);
    const refund = [
      'refund still not processed after three weeks, support ignores me',
      'three weeks waiting for my refund and support does not answer',
    ].map((text, i) => add({ ext: `refund-${i}`, text }).cluster.id);
    expect(new Set(late).size).toBe(1);
    expect(new Set(refund).size).toBe(1);
    expect(late[0]).not.toBe(refund[0]);
  });

  it('groups Chinese posts by character bigrams', () => {
    const { add } = setup();
    const a = ['外卖送了两个小时，饭菜全凉了', '送餐超时两个小时，饭都凉了', '等了两个小时外卖才到，全凉了'].map((text, i) => add({ ext: `zh-${i}`, text }).cluster.id);
    const b = add({ ext: 'zh-x', text: '客服态度恶劣，退款一直不给处理' }).cluster.id;
    expect(new Set(a).size).toBe(1);
    expect(b).not.toBe(a[0]);
  });

  it('names a cluster after its first post, so a replay gives the same id', () => {
    const { add } = setup();
    const r = add({ ext: 'first', text: 'app crashes on login since the update' });
    expect(r.created).toBe(true);
    expect(r.cluster.id).toBe(clusterIdFor(r.cluster.toDoc().sampleMentionIds[0]!));
  });

  it('lets a shared place pull differently worded posts together', () => {
    const { add } = setup();
    const place = [{ name: '阳光花园', kind: 'compound' as const }];
    const x = add({ ext: 'p1', text: '小区又停水了', places: place }).cluster.id;
    const y = add({ ext: 'p2', text: '物业电话打不通，没人管', places: place }).cluster.id;
    const z = add({ ext: 'p3', text: '物业电话打不通，没人管' }).cluster.id; // same words, no place: joins by text
    expect(y).toBe(x);
    expect(z).toBe(x);
  });

  it('merges two clusters that converge', () => {
    const cfg = resolveConfig({ clustering: { mergeThreshold: 0.3 } });
    const c = new OnlineClusterer(cfg);
    const stats = warmStats();
    let n = 0;
    const add = (ext: string, text: string) => c.assign(extractFeatures(makeMention({ ext, text, at: T0 + 60_000 * n++, author: ext }), cfg, stats));
    const a = add('a1', 'battery drains overnight after update').cluster.id;
    add('a2', 'battery drains overnight after the update');
    const b = add('b1', 'phone gets hot and battery empty by noon').cluster.id;
    add('b2', 'phone gets hot, battery empty by noon');
    expect(b).not.toBe(a);
    const bridge = add('m', 'after update battery drains overnight, phone gets hot and battery empty by noon');
    expect(bridge.merged.map((m) => m.id)).toContain(b);
    expect(bridge.cluster.id).toBe(a); // the older cluster survives
    expect(bridge.cluster.size).toBe(5);
    expect(c.clusters.has(b)).toBe(false);
  });

  it('closes clusters quiet past closeIdleHours (one finished incident each), including one a late post opened after a sweep', () => {
    const { c, add } = setup();
    const H = 3_600_000;
    const early = add({ ext: 'a', text: 'parcel lost by the courier for the third time', at: T0 }).cluster;
    const busy = add({ ext: 'b', text: 'app crashes on login after the update', at: T0 + 4 * H }).cluster;
    // A sweep at T0 + 5 h finds nothing quiet (quiet means 6 h); the oldest then is T0.
    expect(c.evict(T0 + 5 * H).closed).toEqual([]);
    // A late post, event time before everything live, opens its own cluster.
    const late = add({ ext: 'c', text: 'gas leak smell near the water heater install', at: T0 - 3 * H }).cluster;
    expect(c.evict(T0 + 5.5 * H).closed.map((r) => r.id)).toEqual([late.id]);
    const closed = c.evict(T0 + 6.5 * H).closed;
    expect(closed.map((r) => r.id)).toEqual([early.id]);
    expect(closed[0]!.toDoc().status).toBe('closed');
    expect(closed[0]!.toDoc().closedAt).toBe(new Date(T0).toISOString());
    expect([...c.clusters.keys()]).toEqual([busy.id]);
    expect(c.evict(T0 + 10.5 * H).closed.map((r) => r.id)).toEqual([busy.id]);
  });

  it('an incident is bounded in time: past maxLifetimeHours a matching post closes the old cluster and opens one linked to it', () => {
    const { c, add } = setup();
    const H = 3_600_000;
    const texts = ['delivery late again, food cold', 'late delivery and the food was cold', 'cold food, delivery very late'];
    const first = add({ ext: 'l0', text: texts[0]!, at: T0 }).cluster;
    // Fed every 3 hours it never goes quiet, but it cannot live past 48 h.
    for (let i = 1; i <= 17; i++) {
      const r = add({ ext: `l${i}`, text: texts[i % 3]!, at: T0 + i * 3 * H });
      if (i < 17) expect(r.cluster.id).toBe(first.id);
      else {
        expect(r.closed.map((x) => x.id)).toEqual([first.id]);
        expect(r.cluster.id).not.toBe(first.id);
        expect(r.cluster.previousClusterId).toBe(first.id);
        expect(c.clusters.has(first.id)).toBe(false);
      }
    }
  });
});
