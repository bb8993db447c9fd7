import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Alert, LiveCounters, LiveDelta, LiveSnapshot, TicketEvent } from '@vigil/contracts';

const resync = vi.fn();
vi.mock('../api/socket', () => ({ connectLive: () => ({ resync, close: () => undefined }) }));

const { useLiveStore, ALERT_CAP } = await import('./live');
const { useTicketsStore } = await import('./tickets');
const { useToastStore } = await import('./toasts');

const counters = (n = 0): LiveCounters => ({ at: '2026-11-23T10:00:00Z', mentionsPerMinute: n, negativeShare: 0, windowMinutes: 15, timeline: [] });
const alert = (n: number, level: Alert['level'] = 'general'): Alert => ({ alertId: `a${n}`, type: 'new_ticket', ticketId: 'CR-2026-000001', level, title: `t${n}`, at: '2026-11-23T10:00:00Z', notify: [] });
const snapshot = (seq: number, over: Partial<LiveSnapshot> = {}): LiveSnapshot => ({ instanceId: 'api-1', seq, at: '2026-11-23T10:00:00Z', alerts: [], counters: counters(), ...over });
const alertDelta = (seq: number, n = seq, instanceId = 'api-1'): LiveDelta => ({ type: 'alert', seq, instanceId, at: '2026-11-23T10:00:00Z', alert: alert(n) });

describe('live store: the client side of the live protocol', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    resync.mockClear();
  });

  it('applies deltas that follow the snapshot one by one', () => {
    const live = useLiveStore();
    live.applySnapshot(snapshot(10, { alerts: [alert(0)] }));
    expect(live.applyDelta(alertDelta(11))).toBe('applied');
    expect(live.applyDelta({ type: 'counters', seq: 12, instanceId: 'api-1', at: '2026-11-23T10:00:01Z', counters: counters(7) })).toBe('applied');
    expect(live.alerts.map((a) => a.alertId)).toEqual(['a11', 'a0']);
    expect(live.counters?.mentionsPerMinute).toBe(7);
    expect(live.seq).toBe(12);
  });

  it('drops a stale delta (already covered by the snapshot) without touching the list', () => {
    const live = useLiveStore();
    live.applySnapshot(snapshot(10));
    expect(live.applyDelta(alertDelta(10))).toBe('stale');
    expect(live.applyDelta(alertDelta(3))).toBe('stale');
    expect(live.alerts).toEqual([]);
    expect(resync).not.toHaveBeenCalled();
  });

  it('asks for a resync on a gap or a new server instance, and applies nothing until the snapshot', () => {
    const live = useLiveStore();
    live.start(() => 'token', async () => true);
    live.applySnapshot(snapshot(10));
    expect(live.applyDelta(alertDelta(12))).toBe('resync');
    expect(live.applyDelta(alertDelta(1, 1, 'api-2'))).toBe('resync');
    expect(resync).toHaveBeenCalledTimes(2);
    expect(live.status).toBe('resyncing');
    expect(live.alerts).toEqual([]);
    live.applySnapshot(snapshot(1, { instanceId: 'api-2', alerts: [alert(1)] }));
    expect(live.applyDelta(alertDelta(2, 2, 'api-2'))).toBe('applied');
    expect(live.status).toBe('live');
  });

  it('keeps the alert list bounded and toasts only urgent and major alerts', () => {
    const live = useLiveStore();
    live.applySnapshot(snapshot(0));
    for (let i = 1; i <= ALERT_CAP + 10; i++) live.applyDelta({ ...alertDelta(i), alert: alert(i, i === 5 ? 'major' : 'general') } as LiveDelta);
    expect(live.alerts).toHaveLength(ALERT_CAP);
    expect(live.alerts[0].alertId).toBe(`a${ALERT_CAP + 10}`);
    expect(useToastStore().toasts.map((t) => t.level)).toEqual(['major']);
  });

  it('keeps one update per incident (the newest carries its totals) and does not toast updates', () => {
    const live = useLiveStore();
    live.applySnapshot(snapshot(0));
    const upd = (n: number, posts: number) => ({ ...alert(n, 'major'), type: 'updated' as const, evidence: { signals: n, posts, addedPosts: 3 } });
    live.applyDelta({ ...alertDelta(1), alert: alert(1, 'major') } as LiveDelta);
    live.applyDelta({ ...alertDelta(2), alert: upd(2, 13) } as LiveDelta);
    live.applyDelta({ ...alertDelta(3), alert: upd(3, 16) } as LiveDelta);
    expect(live.alerts.map((a) => a.alertId)).toEqual(['a3', 'a1']);
    expect(useToastStore().toasts).toHaveLength(1);
  });

  it('hands ticket deltas to the tickets store', () => {
    const live = useLiveStore();
    const tickets = useTicketsStore();
    const seen: TicketEvent[] = [];
    tickets.$onAction(({ name, args }) => void (name === 'onTicketEvent' && seen.push(args[0] as TicketEvent)));
    live.applySnapshot(snapshot(0));
    const event: TicketEvent = { eventId: 'CR-2026-000001:2', ticketId: 'CR-2026-000001', seq: 2, type: 'acknowledged', actor: 'li', at: '2026-11-23T10:00:00Z' };
    live.applyDelta({ type: 'ticket', seq: 1, instanceId: 'api-1', at: '2026-11-23T10:00:00Z', event });
    expect(seen).toEqual([event]);
  });

  it('on a gap in the live sequence applies no ticket event, and the snapshot after it makes the tickets store read again', () => {
    const live = useLiveStore();
    const tickets = useTicketsStore();
    const calls: string[] = [];
    tickets.$onAction(({ name }) => void calls.push(name));
    live.start(() => 'token', async () => true);
    live.applySnapshot(snapshot(10));
    const event: TicketEvent = { eventId: 'CR-2026-000001:3', ticketId: 'CR-2026-000001', seq: 3, type: 'acknowledged', actor: 'li', at: '2026-11-23T10:00:00Z' };
    expect(live.applyDelta({ type: 'ticket', seq: 12, instanceId: 'api-1', at: '2026-11-23T10:00:00Z', event })).toBe('resync');
    expect(calls).toEqual(['resync']);
    live.applySnapshot(snapshot(12));
    expect(calls).toEqual(['resync', 'resync']);
  });
});
