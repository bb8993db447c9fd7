import { describe, expect, it } from 'vitest';
import { baselineView, type WatchBaseline } from './baseline-view';

const b = (over: Partial<WatchBaseline>): WatchBaseline => ({
  watchId: 'a', state: 'ready', learning: false, hoursSeen: 0, hoursNeeded: 72, since: '2026-12-01T00:00:00Z', at: '2026-12-01T00:00:00Z', reason: '', expectedPerHour: 0, categories: 0, categoriesNotReady: 0, ...over,
});

describe('baselineView', () => {
  it('says how far a learning watch is, in days when it needs days', () => {
    expect(baselineView(b({ state: 'warming_up', learning: true, hoursSeen: 36 }))).toMatchObject({ key: 'baseline.learning', values: { seen: '1.5', needed: '3', unit: 'd' }, percent: 50, notReady: true });
    expect(baselineView(b({ state: 'warming_up', learning: true, hoursSeen: 6, hoursNeeded: 24 }))).toMatchObject({ values: { seen: '6', needed: '24', unit: 'h' }, percent: 25 });
  });

  it('never shows more than needed, and names the hours seen when the need is not stored', () => {
    expect(baselineView(b({ state: 'warming_up', hoursSeen: 90 })).percent).toBe(100);
    expect(baselineView(b({ state: 'warming_up', hoursSeen: 12, hoursNeeded: null }))).toMatchObject({ key: 'baseline.learningOpen', values: { seen: 12 } });
  });

  it('a coverage gap and a ready baseline', () => {
    expect(baselineView(b({ state: 'coverage_gap' }))).toMatchObject({ key: 'baseline.gap', notReady: true });
    expect(baselineView(b({}))).toMatchObject({ key: 'baseline.ready', notReady: false });
  });
});
