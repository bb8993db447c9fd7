import { describe, expect, it } from 'vitest';
import { gapsOverlapping, sourceHealthAt as toHealth } from '@vigil/contracts';
import { MAX_GAPS, newState, recordFailure, recordSuccess } from './source-health';

const at = (min: number) => new Date(Date.UTC(2026, 10, 23, 8, min)).toISOString();

describe('source health', () => {
  it('opens a gap at the last success when polls fail, extends it, and closes it on recovery', () => {
    let s = recordSuccess(newState('s', at(0)), { now: at(0), everyMs: 60_000, emitted: 3 });
    s = recordFailure(s, { now: at(1), everyMs: 60_000, message: 'GET x: HTTP 503' });
    s = recordFailure(s, { now: at(2), everyMs: 60_000, message: 'GET x: HTTP 503' });
    expect(s.gaps).toEqual([{ from: at(0), to: at(2), reason: 'error: GET x: HTTP 503', open: true }]);
    expect(toHealth(s, new Date(at(2)))).toMatchObject({ status: 'failing', consecutiveErrors: 2, errorCount: 2 });
    s = recordSuccess(s, { now: at(3), everyMs: 60_000, emitted: 0 });
    expect(s.gaps).toEqual([{ from: at(0), to: at(3), reason: 'error: GET x: HTTP 503', open: false }]);
    expect(toHealth(s, new Date(at(3))).status).toBe('ok');
  });

  it('records a paging-limit gap from the previous success, counts items per hour, and marks a silent source stale', () => {
    let s = recordSuccess(newState('s', at(0)), { now: at(0), everyMs: 60_000, emitted: 5, lagMs: 1000 });
    s = recordSuccess(s, { now: at(30), everyMs: 60_000, emitted: 7, gap: { reason: 'paging limit' } });
    expect(s.gaps).toEqual([{ from: at(0), to: at(30), reason: 'paging limit', open: false }]);
    const h = toHealth(s, new Date(at(31)));
    expect(h).toMatchObject({ itemsLastHour: 12, itemsEmitted: 12, lagMs: 1000, status: 'ok' });
    expect(toHealth(s, new Date(at(80))).itemsLastHour).toBe(7);
    expect(toHealth(s, new Date(at(35))).status).toBe('stale');
  });

  it('keeps a bounded list and finds gaps overlapping a window', () => {
    let s = newState('s', at(0));
    for (let i = 0; i < MAX_GAPS + 5; i++) s = recordSuccess(s, { now: at(i), everyMs: 60_000, emitted: 0, gap: { reason: `g${i}`, from: at(i), to: at(i) } });
    expect(s.gaps).toHaveLength(MAX_GAPS);
    expect(gapsOverlapping([s], at(10), at(11)).map((g) => g.reason)).toEqual(['g10', 'g11']);
  });
});
