import { SEVERITY_LABEL_ZH, type Alert, type AlertType, type Ticket, type TicketEvent, type TicketEventType } from '@vigil/contracts';

/**
 * A working copy of a ticket that collects the events and alerts a change produces.
 * The caller's ticket is never mutated, so every exported rule stays pure.
 */
export interface TicketDraft {
  t: Ticket;
  events: TicketEvent[];
  alerts: Alert[];
  iso: string;
  event(type: TicketEventType, actor: string, opts?: Partial<Pick<TicketEvent, 'before' | 'after' | 'note' | 'requestId' | 'knowledge'>>): void;
  alert(type: AlertType, cause: string, detail?: string, extra?: Partial<Alert>): void;
}

export const SYSTEM_CLOCK = 'system:clock';
export const SYSTEM_DETECTOR = 'system:detector';

export function startDraft(ticket: Ticket, now: Date): TicketDraft {
  const t = structuredClone(ticket);
  const iso = now.toISOString();
  const events: TicketEvent[] = [];
  const alerts: Alert[] = [];
  return {
    t,
    events,
    alerts,
    iso,
    event(type, actor, opts = {}) {
      t.seq += 1;
      t.updatedAt = iso;
      events.push({ eventId: `${t.id}:${t.seq}`, ticketId: t.id, seq: t.seq, type, actor, at: iso, ...opts });
    },
    alert(type, cause, detail, extra = {}) {
      alerts.push({
        // Same cause → same id: lets consumers drop an alert re-sent after a crash.
        alertId: `${t.id}:${type}:${cause}`,
        type,
        ticketId: t.id,
        level: t.level,
        title: `[${SEVERITY_LABEL_ZH[t.level]}] ${t.id} ${t.title}`,
        at: iso,
        detail,
        notify: [],
        ...extra,
      });
    },
  };
}

export function pushBounded<T>(list: T[], items: T[], cap: number): T[] {
  const merged = [...list];
  for (const item of items) if (!merged.includes(item)) merged.push(item);
  // Keep the newest: the latest evidence is what responders look at.
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}
