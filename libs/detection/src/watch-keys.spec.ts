import { describe, expect, it } from 'vitest';
import { makeMention } from '../../../test/support/mention-factory';
import { detectionKey, watchesOf } from './watch-keys';

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
