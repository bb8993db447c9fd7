import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { Ticket, TicketEvent } from '@vigil/contracts';
import { ticketKind, type TicketKind } from './board-query';
import { api, ok } from '../api/http';
import type { paths } from '../api/schema';
import { advance, createdTicket } from './ticket-copy';
import { useToastStore } from './toasts';

export interface TicketDetail {
  ticket: Ticket;
  events: TicketEvent[];
}
/** An action as the api takes it; the store adds the requestId. */
export type ActionBody = paths['/api/tickets/{id}/actions']['post']['requestBody']['content']['application/json'];
export type Filters = { state?: string[]; level?: string[]; watch?: string[]; kind?: TicketKind };

/**
 * Whether a ticket belongs on a list read with these filters (empty or absent: any). The live
 * feed brings every ticket; a ticket opened for another watch, or of the other kind (crisis or
 * service, by the api's own rule), stays off a filtered board.
 */
export function matchesFilters(t: Ticket, f: Filters | undefined): boolean {
  if (!f) return true;
  if (f.state?.length && !f.state.includes(t.state)) return false;
  if (f.level?.length && !f.level.includes(t.level)) return false;
  if (f.watch?.length && !(t.analytics?.watchIds ?? []).some((w) => f.watch!.includes(w))) return false;
  if (f.kind && ticketKind(t) !== f.kind) return false;
  return true;
}

const LIST_CAP = 150;
/** How long a write's last event may take to follow its first before the ticket is read. */
const AWAIT_CHANGES_MS = 500;

/**
 * Tickets as the responder stored them, kept current by the live ticket events: each write's last
 * event carries what the write changed, so no event makes this tab read a ticket. A ticket is read
 * again only when its copy cannot be trusted: a gap in its seq, or a write whose changes never came.
 * After a live resync (reconnect, gap in the live sequence) everything shown is read again.
 */
export const useTicketsStore = defineStore('tickets', () => {
  const tickets = ref<Ticket[]>([]);
  const detail = ref<TicketDetail>();
  const loading = ref(false);
  const error = ref<string>();
  /** requestIds this tab sent and has not seen an outcome for. */
  const pending = ref<Record<string, { ticketId: string; type: string }>>({});
  let lastFilters: Filters | undefined;
  const rereads = new Map<string, ReturnType<typeof setTimeout>>();
  const awaiting = new Map<string, ReturnType<typeof setTimeout>>();

  async function load(filters: Filters = {}): Promise<void> {
    lastFilters = filters;
    loading.value = true;
    error.value = undefined;
    try {
      const fetched = (await ok(api.GET('/api/tickets', { params: { query: { ...filters, size: LIST_CAP } } }))).tickets;
      // Events that arrived while the list was on its way may be newer than what it says.
      const mine = new Map(tickets.value.map((t) => [t.id, t]));
      tickets.value = fetched.map((f) => newer(mine.get(f.id), f));
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  async function open(id: string): Promise<void> {
    error.value = undefined;
    try {
      const d = await fetchDetail(id);
      detail.value = detail.value?.ticket.id === id && detail.value.ticket.seq > d.ticket.seq ? detail.value : d;
    } catch (e) {
      detail.value = undefined;
      error.value = (e as Error).message;
    }
  }

  /** The live feed lost its place: whatever this tab shows may have missed events. */
  function resync(): void {
    if (lastFilters) void load(lastFilters);
    if (detail.value) void open(detail.value.ticket.id);
  }

  async function act(ticketId: string, body: ActionBody): Promise<string | undefined> {
    const requestId = newRequestId();
    try {
      await ok(api.POST('/api/tickets/{id}/actions', { params: { path: { id: ticketId } }, body: { ...body, requestId } }));
      pending.value = { ...pending.value, [requestId]: { ticketId, type: body.type } };
      return requestId;
    } catch (e) {
      useToastStore().push({ kind: 'error', text: `${ticketId}: ${(e as Error).message}` });
      return undefined;
    }
  }

  function onTicketEvent(e: TicketEvent): void {
    if (e.requestId && pending.value[e.requestId]) {
      const { [e.requestId]: done, ...rest } = pending.value;
      pending.value = rest;
      if (e.type === 'action_rejected') useToastStore().push({ kind: 'error', text: `${e.ticketId} ${done.type}: ${e.error?.message ?? 'rejected'}` });
    }
    if (e.type === 'action_rejected') return;
    let listed = false;
    tickets.value = tickets.value.map((t) => {
      if (t.id !== e.ticketId) return t;
      listed = true;
      return step(t, e);
    });
    if (detail.value?.ticket.id === e.ticketId) {
      const { changes: _changes, ...event } = e;
      const events = detail.value.events.some((x) => x.eventId === e.eventId) ? detail.value.events : [...detail.value.events, event];
      detail.value = { ticket: step(detail.value.ticket, e), events };
    }
    if (listed) return;
    const created = createdTicket(e.changes);
    if (created) {
      if (matchesFilters(created, lastFilters)) tickets.value = [created, ...tickets.value].slice(0, LIST_CAP);
    }
    // A ticket outside the list whose state or level moved (a reopen) may belong on it now.
    else if (e.changes && ('state' in e.changes.set || 'level' in e.changes.set)) reread(e.ticketId);
  }

  function step(copy: Ticket, e: TicketEvent): Ticket {
    const s = advance(copy, e);
    switch (s.kind) {
      case 'stale':
        return copy;
      case 'gap':
        reread(copy.id);
        return copy;
      case 'applied':
        if (s.complete) {
          clearTimeout(awaiting.get(copy.id));
          awaiting.delete(copy.id);
        } else if (!awaiting.has(copy.id)) {
          awaiting.set(copy.id, setTimeout(() => (awaiting.delete(copy.id), reread(copy.id, 0)), AWAIT_CHANGES_MS));
        }
        return s.ticket;
      default: {
        const never: never = s;
        return never;
      }
    }
  }

  /** Reads one ticket again (once, however many events ask within the delay) and takes it where it is newer. */
  function reread(id: string, delayMs = AWAIT_CHANGES_MS): void {
    if (rereads.has(id)) return;
    rereads.set(
      id,
      setTimeout(() => {
        void fetchDetail(id)
          .then((d) => {
            const known = tickets.value.some((t) => t.id === id);
            if (known || matchesFilters(d.ticket, lastFilters))
              tickets.value = known ? tickets.value.map((t) => (t.id === id ? newer(t, d.ticket) : t)) : [d.ticket, ...tickets.value].slice(0, LIST_CAP);
            if (detail.value?.ticket.id === id && d.ticket.seq >= detail.value.ticket.seq) detail.value = d;
          })
          .catch(() => undefined)
          .finally(() => rereads.delete(id));
      }, delayMs),
    );
  }

  return { tickets, detail, loading, error, pending, load, open, resync, act, onTicketEvent };
});

const fetchDetail = (id: string): Promise<TicketDetail> => ok(api.GET('/api/tickets/{id}', { params: { path: { id } } }));
const newer = (mine: Ticket | undefined, theirs: Ticket): Ticket => (mine && mine.seq > theirs.seq ? mine : theirs);

/** randomUUID exists only in secure contexts (https, localhost); a plain-http LAN address falls back. */
function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
