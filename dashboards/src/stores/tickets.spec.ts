import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Ticket, TicketEvent } from '@vigil/contracts';
import { fakeApi, reply } from '../test-support/fake-api';

const posted: { path: string; body: unknown }[] = [];
// Reads stay pending (the refetch is not what these tests look at); posts are accepted.
fakeApi((call) => {
  if (call.method !== 'POST') return new Promise(() => undefined);
  posted.push({ path: call.url, body: call.body });
  return reply(202, { requestId: (call.body as { requestId: string }).requestId, ticketId: 'CR-2026-000001', type: 'acknowledge' });
});

const { useTicketsStore } = await import('./tickets');
const { useToastStore } = await import('./toasts');

const ticket = (id: string, over: Partial<Ticket> = {}) => ({ id, title: id, level: 'urgent', state: 'open', assignees: [], ...over }) as Ticket;
const event = (over: Partial<TicketEvent>): TicketEvent => ({ eventId: 'e', ticketId: 'CR-2026-000001', seq: 2, type: 'acknowledged', actor: 'li', at: '2026-11-23T10:00:00Z', ...over });

describe('tickets store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    posted.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('sends an action with a requestId and remembers it until its outcome arrives', async () => {
    const tickets = useTicketsStore();
    const requestId = await tickets.act('CR-2026-000001', { type: 'acknowledge' });
    expect(posted).toEqual([{ path: '/api/tickets/CR-2026-000001/actions', body: { type: 'acknowledge', requestId } }]);
    expect(tickets.pending[requestId!]).toEqual({ ticketId: 'CR-2026-000001', type: 'acknowledge' });
    tickets.onTicketEvent(event({ requestId, after: { state: 'acknowledged' } }));
    expect(tickets.pending).toEqual({});
  });

  it('patches the listed ticket with the event’s `after` fields', () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001'), ticket('CR-2026-000002')];
    tickets.onTicketEvent(event({ after: { state: 'acknowledged', acknowledgedAt: '2026-11-23T10:00:00Z' } }));
    expect(tickets.tickets.map((t) => t.state)).toEqual(['acknowledged', 'open']);
  });

  it('tells the person when the responder rejected their action, and changes nothing', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001')];
    const requestId = await tickets.act('CR-2026-000001', { type: 'transition', to: 'closed' });
    tickets.onTicketEvent(event({ type: 'action_rejected', seq: 0, requestId, error: { code: 'invalid_transition', message: 'closing needs a review' } }));
    expect(useToastStore().toasts[0]).toMatchObject({ kind: 'error', text: expect.stringContaining('closing needs a review') });
    expect(tickets.tickets[0].state).toBe('open');
    expect(tickets.pending).toEqual({});
  });
});
