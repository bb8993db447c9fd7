import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Ticket, TicketEvent } from '@vigil/contracts';
import { fakeApi, reply } from '../test-support/fake-api';

const posted: { path: string; body: unknown }[] = [];
/** The stored tickets a read answers with; a read of anything else stays pending. */
const stored = new Map<string, Ticket>();
let reads: string[] = [];
// Posts are accepted; reads answer from `stored`.
fakeApi((call) => {
  if (call.method === 'POST') {
    posted.push({ path: call.url, body: call.body });
    return reply(202, { requestId: (call.body as { requestId: string }).requestId, ticketId: 'CR-2026-000001', type: 'acknowledge' });
  }
  reads.push(call.url);
  const id = call.url.split('/').pop()!;
  if (call.url.startsWith('/api/tickets?')) return { total: stored.size, tickets: [...stored.values()] };
  return stored.has(id) ? { ticket: stored.get(id), events: [] } : new Promise(() => undefined);
});

const { matchesFilters, useTicketsStore } = await import('./tickets');
const { useToastStore } = await import('./toasts');

const ticket = (id: string, over: Partial<Ticket> = {}) => ({ id, title: id, level: 'urgent', state: 'open', assignees: [], seq: 1, ...over }) as Ticket;
const event = (over: Partial<TicketEvent>): TicketEvent => ({ eventId: 'e', ticketId: 'CR-2026-000001', seq: 2, type: 'acknowledged', actor: 'li', at: '2026-11-23T10:00:00Z', ...over });

describe('tickets store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    posted.length = 0;
    reads = [];
    stored.clear();
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

  it('updates the listed ticket from the changes the event carries, without reading it', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001', { acknowledgedAt: '2026-11-23T09:00:00Z' }), ticket('CR-2026-000002')];
    tickets.onTicketEvent(event({ changes: { set: { state: 'acknowledged', seq: 2 }, unset: ['acknowledgedAt'] } }));
    await vi.runAllTimersAsync();
    expect(tickets.tickets.map((t) => t.state)).toEqual(['acknowledged', 'open']);
    expect(tickets.tickets[0]).not.toHaveProperty('acknowledgedAt');
    expect(tickets.tickets[0].seq).toBe(2);
    expect(reads).toEqual([]);
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

  it('drops an event its copy already has, and applies a write whose changes ride on its last event', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001', { seq: 5, state: 'acknowledged' })];
    tickets.onTicketEvent(event({ seq: 4, changes: { set: { state: 'open', seq: 4 }, unset: [] } }));
    expect(tickets.tickets[0]).toMatchObject({ seq: 5, state: 'acknowledged' });
    // One write, two events: the level change and the escalation it fired; the last carries both changes.
    tickets.onTicketEvent(event({ seq: 6, type: 'level_changed' }));
    tickets.onTicketEvent(event({ seq: 7, type: 'escalation_fired', changes: { set: { level: 'major', peakLevel: 'major', seq: 7 }, unset: [] } }));
    await vi.runAllTimersAsync();
    expect(tickets.tickets[0]).toMatchObject({ seq: 7, level: 'major', state: 'acknowledged' });
    expect(reads).toEqual([]);
  });

  it('reads a ticket again on a gap in its seq: that ticket only, once, and shows what is stored', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001', { seq: 2 }), ticket('CR-2026-000002', { seq: 9 })];
    stored.set('CR-2026-000001', ticket('CR-2026-000001', { seq: 2 }));
    await tickets.open('CR-2026-000001');
    // Meanwhile the responder wrote twice; this tab missed seq 3.
    stored.set('CR-2026-000001', ticket('CR-2026-000001', { seq: 5, state: 'investigating' }));
    tickets.onTicketEvent(event({ seq: 4, changes: { set: { seq: 4 }, unset: [] } }));
    tickets.onTicketEvent(event({ seq: 5, changes: { set: { state: 'investigating', seq: 5 }, unset: [] } }));
    expect(tickets.tickets[0].state).toBe('open');
    await vi.runAllTimersAsync();
    expect(reads.filter((r) => r === '/api/tickets/CR-2026-000001')).toHaveLength(2); // the page's own open, then one reread
    expect(tickets.tickets.map((t) => [t.id, t.seq, t.state])).toEqual([['CR-2026-000001', 5, 'investigating'], ['CR-2026-000002', 9, 'open']]);
    expect(tickets.detail?.ticket.seq).toBe(5);
    // In sequence again: the next event applies without a read.
    tickets.onTicketEvent(event({ seq: 6, changes: { set: { state: 'responding', seq: 6 }, unset: [] } }));
    await vi.runAllTimersAsync();
    expect(tickets.tickets[0].state).toBe('responding');
    expect(reads.filter((r) => r === '/api/tickets/CR-2026-000001')).toHaveLength(2);
  });

  it('reads the ticket when a write’s changes never come (an event without them, alone)', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001')];
    stored.set('CR-2026-000001', ticket('CR-2026-000001', { seq: 2, state: 'acknowledged' }));
    tickets.onTicketEvent(event({ seq: 2, after: { state: 'acknowledged' } }));
    expect(reads).toEqual([]);
    await vi.runAllTimersAsync();
    expect(reads).toEqual(['/api/tickets/CR-2026-000001']);
    expect(tickets.tickets[0].state).toBe('acknowledged');
  });

  it('shows a newly opened ticket from its first write, without reading it', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001')];
    const whole = ticket('CR-2026-000007', { seq: 2, title: '配送延误' });
    const { recentRequestIds: _r, ...set } = { ...whole, recentRequestIds: [] };
    tickets.onTicketEvent(event({ ticketId: 'CR-2026-000007', seq: 1, type: 'opened' }));
    tickets.onTicketEvent(event({ ticketId: 'CR-2026-000007', seq: 2, type: 'escalation_fired', changes: { set, unset: [] } }));
    await vi.runAllTimersAsync();
    expect(tickets.tickets.map((t) => t.id)).toEqual(['CR-2026-000007', 'CR-2026-000001']);
    expect(tickets.tickets[0].title).toBe('配送延误');
    expect(reads).toEqual([]);
  });

  it('reads again what it shows after the live feed resyncs, keeping copies newer than the answer', async () => {
    const tickets = useTicketsStore();
    stored.set('CR-2026-000001', ticket('CR-2026-000001', { seq: 3 }));
    await tickets.load({ state: ['open'] });
    tickets.onTicketEvent(event({ seq: 4, changes: { set: { state: 'acknowledged', seq: 4 }, unset: [] } }));
    reads = [];
    tickets.resync();
    await vi.runAllTimersAsync();
    expect(reads).toEqual(['/api/tickets?state=open&size=150']);
    expect(tickets.tickets[0]).toMatchObject({ seq: 4, state: 'acknowledged' });
  });

  it('asks for the watch filter, and keeps a live ticket of another watch off the filtered list', async () => {
    const tickets = useTicketsStore();
    const withWatch = (id: string, watchIds: string[], over: Partial<Ticket> = {}) => ticket(id, { analytics: { watchIds } as Ticket['analytics'], ...over });
    stored.set('CR-2026-000001', withWatch('CR-2026-000001', ['brand-a'], { seq: 3 }));
    await tickets.load({ state: ['open'], watch: ['brand-a'] });
    expect(reads).toEqual(['/api/tickets?state=open&watch=brand-a&size=150']);
    const opened = (id: string, watchIds: string[], over: Partial<Ticket> = {}) => {
      const { recentRequestIds: _r, ...set } = { ...withWatch(id, watchIds, over), recentRequestIds: [] };
      tickets.onTicketEvent(event({ ticketId: id, seq: 1, type: 'opened', changes: { set, unset: [] } }));
    };
    opened('CR-2026-000008', ['brand-b']);
    opened('CR-2026-000009', ['brand-b', 'brand-a']);
    opened('CR-2026-000010', []);
    // Of the watch, but not in a state the list asked for.
    opened('CR-2026-000011', ['brand-a'], { state: 'resolved' });
    await vi.runAllTimersAsync();
    expect(tickets.tickets.map((t) => t.id)).toEqual(['CR-2026-000009', 'CR-2026-000001']);
    // A reopened ticket of another watch read on a state change stays off too.
    stored.set('CR-2026-000012', withWatch('CR-2026-000012', ['brand-b'], { seq: 4 }));
    tickets.onTicketEvent(event({ ticketId: 'CR-2026-000012', seq: 4, type: 'reopened', changes: { set: { state: 'open', seq: 4 }, unset: [] } }));
    await vi.runAllTimersAsync();
    expect(reads).toContain('/api/tickets/CR-2026-000012');
    expect(tickets.tickets.map((t) => t.id)).toEqual(['CR-2026-000009', 'CR-2026-000001']);
    // Unfiltered, every watch's ticket shows.
    await tickets.load({ state: ['open'] });
    opened('CR-2026-000013', ['brand-b']);
    expect(tickets.tickets[0].id).toBe('CR-2026-000013');
  });

  it('matchesFilters: empty filters take any ticket; a watch filter needs one of the ticket’s watches', () => {
    const t = ticket('CR-2026-000001', { analytics: { watchIds: ['brand-a', '_all'] } as Ticket['analytics'] });
    expect(matchesFilters(t, undefined)).toBe(true);
    expect(matchesFilters(t, { state: [], level: [], watch: [] })).toBe(true);
    expect(matchesFilters(t, { watch: ['brand-b', 'brand-a'] })).toBe(true);
    expect(matchesFilters(t, { watch: ['brand-b'] })).toBe(false);
    expect(matchesFilters(ticket('CR-2026-000002'), { watch: ['brand-a'] })).toBe(false);
    expect(matchesFilters(t, { level: ['major'] })).toBe(false);
  });

  it('makes no read for a thousand in-sequence events (the cost of an escalation storm is the socket, not the api)', async () => {
    const tickets = useTicketsStore();
    tickets.tickets = [ticket('CR-2026-000001')];
    for (let seq = 2; seq <= 1001; seq++) tickets.onTicketEvent(event({ seq, type: 'evidence_attached', changes: { set: { seq, evidence: { signalIds: [], mentionIds: [], signalCount: seq, maxSize: 1 } }, unset: [] } }));
    await vi.runAllTimersAsync();
    expect(tickets.tickets[0].evidence.signalCount).toBe(1001);
    expect(reads).toEqual([]);
  });
});
