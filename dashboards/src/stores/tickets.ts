import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { Ticket, TicketEvent } from '@vigil/contracts';
import { api, ok, type Answer } from '../api/http';
import type { paths } from '../api/schema';
import { useToastStore } from './toasts';

export type TicketDetail = Answer<'get', '/api/tickets/{id}'>;
/** An action as the api takes it; the store adds the requestId. */
export type ActionBody = paths['/api/tickets/{id}/actions']['post']['requestBody']['content']['application/json'];

/**
 * Tickets as the responder stored them. A live ticket event patches the ticket in place
 * (its `after` fields) and a quiet refetch brings the whole document.
 */
export const useTicketsStore = defineStore('tickets', () => {
  const tickets = ref<Ticket[]>([]);
  const detail = ref<TicketDetail>();
  const loading = ref(false);
  const error = ref<string>();
  /** requestIds this tab sent and has not seen an outcome for. */
  const pending = ref<Record<string, { ticketId: string; type: string }>>({});
  const refetchTimers = new Map<string, ReturnType<typeof setTimeout>>();

  async function load(filters: { state?: string[]; level?: string[] } = {}): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      tickets.value = (await ok(api.GET('/api/tickets', { params: { query: { ...filters, size: 150 } } }))).tickets;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  async function open(id: string): Promise<void> {
    error.value = undefined;
    try {
      detail.value = await fetchDetail(id);
    } catch (e) {
      detail.value = undefined;
      error.value = (e as Error).message;
    }
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
    const patch = (e.after ?? {}) as Partial<Ticket>;
    tickets.value = tickets.value.map((t) => (t.id === e.ticketId ? { ...t, ...patch } : t));
    if (detail.value?.ticket.id === e.ticketId) {
      detail.value = { ticket: { ...detail.value.ticket, ...patch }, events: [...detail.value.events.filter((x) => x.eventId !== e.eventId), e] };
    }
    scheduleRefetch(e.ticketId);
  }

  function scheduleRefetch(id: string): void {
    clearTimeout(refetchTimers.get(id));
    refetchTimers.set(
      id,
      setTimeout(() => {
        refetchTimers.delete(id);
        void fetchDetail(id)
          .then((d) => {
            const known = tickets.value.some((t) => t.id === id);
            tickets.value = known ? tickets.value.map((t) => (t.id === id ? d.ticket : t)) : [d.ticket, ...tickets.value].slice(0, 150);
            if (detail.value?.ticket.id === id) detail.value = d;
          })
          .catch(() => undefined);
      }, 500),
    );
  }

  return { tickets, detail, loading, error, pending, load, open, act, onTicketEvent };
});

const fetchDetail = (id: string) => ok(api.GET('/api/tickets/{id}', { params: { path: { id } } }));

/** randomUUID exists only in secure contexts (https, localhost); a plain-http LAN address falls back. */
function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
