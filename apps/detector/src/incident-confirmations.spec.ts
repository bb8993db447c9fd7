import type { IncidentOutcome } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { IncidentConfirmations } from './incident-confirmations';

const outcome = (over: Partial<IncidentOutcome> = {}): IncidentOutcome => ({
  ticketId: 'CR-2026-000001', outcome: 'incident', watchIds: ['brand-a'],
  from: '2026-03-02T00:20:00.000Z', to: '2026-03-02T04:00:00.000Z', by: 'alice', at: '2026-03-02T04:00:00.000Z', seq: 7, ...over,
});

describe('the detector keeps the tickets\' outcomes as confirmed windows (issue #14)', () => {
  it('a real incident confirms its window on every watch of the ticket', () => {
    const c = new IncidentConfirmations();
    expect(c.add([outcome({ watchIds: ['brand-a', 'brand-b'] })])).toEqual([
      { id: 'CR-2026-000001@brand-a', watchId: 'brand-a', from: '2026-03-02T00:20:00.000Z', to: '2026-03-02T04:00:00.000Z' },
      { id: 'CR-2026-000001@brand-b', watchId: 'brand-b', from: '2026-03-02T00:20:00.000Z', to: '2026-03-02T04:00:00.000Z' },
    ]);
    expect(c.counts()).toEqual({ incidents: 1, falseAlarms: 0 });
  });

  it('a false alarm confirms nothing and is counted; it withdraws what the same ticket confirmed before', () => {
    const c = new IncidentConfirmations();
    expect(c.add([outcome({ ticketId: 'CR-2026-000002', outcome: 'false_alarm' })])).toEqual([]);
    expect(c.counts()).toEqual({ incidents: 0, falseAlarms: 1 });
    c.add([outcome()]);
    const withdrawn = c.add([outcome({ outcome: 'false_alarm', seq: 9 })]);
    expect(withdrawn).toEqual([{ id: 'CR-2026-000001@brand-a', watchId: 'brand-a', from: '2026-03-02T00:20:00.000Z', to: '2026-03-02T00:20:00.000Z' }]);
    expect(c.all()).toEqual([]);
    expect(c.counts()).toEqual({ incidents: 0, falseAlarms: 2 });
  });

  it('keeps the latest per ticket: an older message read after a newer one changes nothing, a repeat neither', () => {
    const c = new IncidentConfirmations();
    c.add([outcome({ outcome: 'false_alarm', seq: 9 })]);
    expect(c.add([outcome({ seq: 7 })])).toEqual([]);
    expect(c.add([outcome({ outcome: 'false_alarm', seq: 9 })])).toEqual([]);
    expect(c.all()).toEqual([]);
  });
});
