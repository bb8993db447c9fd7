import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { Ticket, TicketEvent } from '@vigil/contracts';
import { getJson, postJson, queryString } from '../api/http';
import { useToastStore } from './toasts';

export interface TicketDetail {
  ticket: Ticket;
  events: TicketEvent[];
}

export type ActionBody = { type: string; [k: string]: unknown };

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
      tickets.value = (await getJson<{ tickets: Ticket[] }>(`/api/tickets${queryString({ ...filters, size: 150 })}`)).tickets;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  async function open(id: string): Promise<void> {
    error.value = undefined;
    try {
      detail.value = await getJson<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`);
    } catch (e) {
      detail.value = undefined;
      error.value = (e as Error).message;
    }
  }

  async function act(ticketId: string, body: ActionBody): Promise<string | undefined> {
    const requestId = newRequestId();
    try {
      await postJson<{ requestId: string }>(`/api/tickets/${encodeURIComponent(ticketId)}/actions`, { ...body, requestId });
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
        void getJson<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`)
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

/** randomUUID exists only in secure contexts (https, localhost); a plain-http LAN address falls back. */
function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
