import { describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import { LIVE_ALERT_CAP, LiveDelta, LiveSnapshot, type Alert } from '@vigil/contracts';
import { LiveState } from './live-state';

const alertFactory = (n: number, over: Partial<Alert> = {}): Alert => ({ alertId: `CR-2026-000001:a${n}`, type: 'new_ticket', ticketId: 'CR-2026-000001', level: 'urgent', title: `alert ${n}`, at: '2026-11-23T10:00:00Z', notify: [], ...over });
const mention = (label: 'negative' | 'neutral' | 'positive') => ({ analysis: { sentiment: { label } } }) as never;

describe('LiveState', () => {
  it('numbers deltas 1, 2, 3 after the snapshot’s seq and drops a re-sent alert', () => {
    const s = new LiveState('api-1', new ManualClock(new Date('2026-11-23T10:00:00Z')));
    expect(LiveSnapshot.parse(s.snapshot()).seq).toBe(0);
    const d1 = s.onAlert(alertFactory(1))!;
    expect(s.onAlert(alertFactory(1))).toBeUndefined();
    const d2 = s.onAlert(alertFactory(2))!;
    expect([LiveDelta.parse(d1).seq, LiveDelta.parse(d2).seq]).toEqual([1, 2]);
    expect(s.snapshot()).toMatchObject({ seq: 2, alerts: [{ alertId: 'CR-2026-000001:a2' }, { alertId: 'CR-2026-000001:a1' }] });
  });

  it('keeps at most LIVE_ALERT_CAP alerts, newest first', () => {
    const s = new LiveState('api-1', new ManualClock(new Date()));
    for (let i = 0; i < LIVE_ALERT_CAP + 20; i++) s.onAlert(alertFactory(i));
    const snap = s.snapshot();
    expect(snap.alerts).toHaveLength(LIVE_ALERT_CAP);
    expect(snap.alerts[0].alertId).toBe(`CR-2026-000001:a${LIVE_ALERT_CAP + 19}`);
    // An alert that fell off the list is new again if it comes back (it is long gone from every screen).
    expect(s.onAlert(alertFactory(0))).toBeDefined();
  });

  it('coalesces an incident’s updates: the newest stays, older ones leave the list and are not taken back', () => {
    const s = new LiveState('api-1', new ManualClock(new Date()));
    s.onAlert(alertFactory(1));
    s.onAlert(alertFactory(2, { type: 'updated', evidence: { signals: 2, posts: 10, addedPosts: 7 } }));
    s.onAlert(alertFactory(3, { ticketId: 'CR-2026-000002' }));
    expect(s.onAlert(alertFactory(4, { type: 'updated', evidence: { signals: 3, posts: 15, addedPosts: 5 } }))).toBeDefined();
    expect(s.snapshot().alerts.map((a) => a.alertId)).toEqual(['CR-2026-000001:a4', 'CR-2026-000001:a3', 'CR-2026-000001:a1']);
    expect(s.onAlert(alertFactory(2, { type: 'updated' }))).toBeUndefined();
  });

  it('counts mentions per minute and the negative share, and sends counters only when they change', () => {
    const clock = new ManualClock(new Date('2026-11-23T10:00:10Z'));
    const s = new LiveState('api-1', clock);
    s.onMentions([mention('negative'), mention('negative'), mention('neutral'), mention('positive')]);
    const d = s.countersDelta()!;
    expect(d).toMatchObject({ type: 'counters', counters: { mentionsPerMinute: 4, negativeShare: 0.5, timeline: [{ minute: '2026-11-23T10:00:00.000Z', negative: 2, neutral: 1, positive: 1 }] } });
    expect(s.countersDelta()).toBeUndefined();
    clock.advance(61_000);
    expect(s.countersDelta()).toMatchObject({ counters: { mentionsPerMinute: 0, negativeShare: 0.5 } });
    clock.advance(61 * 60_000);
    expect(s.counters()).toMatchObject({ mentionsPerMinute: 0, negativeShare: 0, timeline: [] });
  });

  it('leaves posts marked old out of the live counters (a back-fill is not a storm)', () => {
    const s = new LiveState('api-1', new ManualClock(new Date('2026-11-23T10:00:10Z')));
    const old = { analysis: { sentiment: { label: 'negative' } }, eventTime: { kind: 'old', claimedAt: '2019-01-01T00:00:00Z', reason: 'old' } } as never;
    s.onMentions([old, old, old, mention('positive')]);
    expect(s.counters()).toMatchObject({ mentionsPerMinute: 1, negativeShare: 0 });
  });
});
