import { describe, expect, it } from 'vitest';
import { makeMention } from '../../../test/support/mention-factory';
import { copyKeys, detectionKey, routeAt, watchesOf } from './watch-keys';

const m = (over: Parameters<typeof makeMention>[0]['watches'], meta?: Record<string, string>) => makeMention({ ext: 'x', text: 't', at: 0, watches: over, ...(meta ? { meta } : {}) });

describe('watchesOf', () => {
  it('absent watches mean the implicit watch _all (or the watch a replayed row names); empty means none', () => {
    expect(watchesOf(m(undefined)).own).toEqual(['_all']);
    expect(watchesOf(m(undefined, { watch: 'acme' })).own).toEqual(['acme']);
    expect(watchesOf(m([])).own).toEqual([]);
  });

  it('counts own watches only: a competitor’s watch never alarms', () => {
    const w = watchesOf(m([{ id: 'rival', rule: 'Rival', competitor: true }, { id: 'acme', rule: 'Acme OR 艾克米', competitor: false }]));
    expect(w).toEqual({ own: ['acme'], rules: ['Acme OR 艾克米'] });
    expect(watchesOf(m([{ id: 'rival', rule: 'Rival', competitor: true }])).own).toEqual([]);
  });
});

describe('detectionKey', () => {
  it('is the watch a post is clustered under, so a watch stays on one partition', () => {
    expect(detectionKey(m(undefined))).toBe('_all');
    expect(detectionKey(m(undefined, { watch: 'acme' }))).toBe('acme');
    expect(detectionKey(m([{ id: 'rival', rule: 'Rival', competitor: true }, { id: 'acme', rule: 'Acme', competitor: false }, { id: 'beta', rule: 'Beta', competitor: false }]))).toBe('acme');
  });

  it('spreads posts that never alarm by their own id', () => {
    const none = m([]);
    expect(detectionKey(none)).toBe(none.id);
  });
});

describe('copyKeys and routeAt: each watch\'s volume on the partition it lives on', () => {
  // Partitions by the watch's first letter: a, b → 0; c → 1; d → 2.
  const partitionOf = (key: string) => ({ a: 0, b: 0, c: 1, d: 2 })[key[0] as 'a' | 'b' | 'c' | 'd'] ?? 0;
  const post = m([
    { id: 'a1', rule: '', competitor: false },
    { id: 'rival', rule: '', competitor: true },
    { id: 'b1', rule: '', competitor: false },
    { id: 'c1', rule: '', competitor: false },
    { id: 'c2', rule: '', competitor: false },
    { id: 'd1', rule: '', competitor: false },
  ]);

  it('copies a post once to each other partition holding one of its own watches, keyed by the first of them', () => {
    expect(detectionKey(post)).toBe('a1');
    expect(copyKeys(post, partitionOf)).toEqual(['c1', 'd1']);
    expect(copyKeys(m([{ id: 'a1', rule: '', competitor: false }, { id: 'b1', rule: '', competitor: false }]), partitionOf)).toEqual([]);
    expect(copyKeys(m(undefined), partitionOf)).toEqual([]);
  });

  it('clusters it at home, counting there the watches that live there; a copy counts its partition\'s watches only', () => {
    expect(routeAt(post, 0, partitionOf)).toEqual({ home: true, volumeWatches: ['a1', 'b1'] });
    expect(routeAt(post, 1, partitionOf)).toEqual({ home: false, volumeWatches: ['c1', 'c2'] });
    expect(routeAt(post, 2, partitionOf)).toEqual({ home: false, volumeWatches: ['d1'] });
  });
});
