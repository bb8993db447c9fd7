import type { Ticket } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { progressExpired, publicProgress } from './public-progress';

const now = new Date('2026-03-02T02:00:00.000Z');
const mentionId = 'b'.repeat(32);

function ticket(over: Partial<Ticket> = {}): Ticket {
  return {
    id: 'CR-2026-000007',
    state: 'acknowledged',
    openedAt: '2026-03-02T01:00:00.000Z',
    pausedIntervals: [],
    publicUpdates: [],
    complaint: { mentionId, receivedAt: '2026-03-02T00:59:00.000Z' },
    ...over,
  } as Ticket;
}

describe('publicProgress', () => {
  it('shows only the reference, a coarse status, the last update for the complainant and a promise still ahead', () => {
    const t = ticket({
      level: 'urgent',
      assignees: [{ actor: 'agent', at: '2026-03-02T01:01:00.000Z' }],
      publicUpdates: [
        { text: '已收到，正在核实', at: '2026-03-02T01:05:00.000Z', by: 'agent', promisedBy: '2026-03-02T03:00:00.000Z' },
        { text: '已安排退款', at: '2026-03-02T01:30:00.000Z', by: 'agent' },
      ],
    });
    expect(publicProgress(mentionId, t, now)).toEqual({
      reference: expect.stringMatching(/^VG-[0-9A-Z]{10}$/),
      status: 'in_progress',
      receivedAt: '2026-03-02T00:59:00.000Z',
      lastUpdate: { text: '已安排退款', at: '2026-03-02T01:30:00.000Z' },
      promisedBy: '2026-03-02T03:00:00.000Z',
      updatedAt: '2026-03-02T01:30:00.000Z',
    });
    expect(publicProgress(mentionId, ticket({ pausedIntervals: [{ from: '2026-03-02T01:40:00.000Z' }] }), now).status).toBe('waiting_for_you');
    expect(publicProgress(mentionId, ticket({ state: 'resolved' }), now).status).toBe('resolved');
  });

  it("an incident ticket holding the post shows its status only, never another person's updates", () => {
    const incident = ticket({ complaint: undefined, publicUpdates: [{ text: '别人的进展', at: '2026-03-02T01:30:00.000Z', by: 'agent' }] });
    expect(publicProgress(mentionId, incident, now)).toEqual({ reference: expect.any(String), status: 'in_progress' });
    expect(publicProgress(mentionId, undefined, now)).toEqual({ reference: expect.any(String), status: 'received' });
  });

  it('expires a link the given days after its case closed', () => {
    expect(progressExpired(ticket({ closedAt: '2026-01-01T00:00:00.000Z' }), undefined, 30, now)).toBe(true);
    expect(progressExpired(ticket({ closedAt: '2026-02-20T00:00:00.000Z' }), undefined, 30, now)).toBe(false);
    expect(progressExpired(ticket(), undefined, 30, now)).toBe(false);
    expect(progressExpired(undefined, '2025-12-01T00:00:00.000Z', 30, now)).toBe(true);
  });
});
