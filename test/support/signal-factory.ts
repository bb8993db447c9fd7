import type { Signal, Ticket, TicketAction } from '@vigil/contracts';

export type SignalOverrides = Partial<Omit<Signal, 'metrics' | 'severity'>> & { metrics?: Partial<Signal['metrics']>; severity?: Partial<Signal['severity']> };

/** A detector signal: by default a small general-level cluster of refund complaints (`sig-1`). Tests override what they care about. */
export function signalFactory(over: SignalOverrides = {}): Signal {
  const { metrics, severity, ...rest } = over;
  return {
    id: 'sig-1',
    kind: 'cluster_new',
    key: 'cluster:abc',
    clusterId: 'abc',
    at: '2026-03-02T01:00:00.000Z',
    label: '退款迟迟不到账',
    severity: { level: 'general', score: 20, factors: [], ...severity },
    metrics: { size: 3, distinctAuthors: 3, velocityPerHour: 1, reach: 100, ...metrics },
    riskCues: [],
    categories: ['refund'],
    channels: ['weibo'],
    places: [],
    products: [],
    sampleMentionIds: ['m1', 'm2'],
    ...rest,
  };
}

let requests = 0;

type ActionExtra<T extends TicketAction['type']> = Omit<Extract<TicketAction, { type: T }>, 'type' | 'ticketId' | 'actor' | 'requestId' | 'at'> | Record<string, never>;

/** A person's action on a ticket, by `alice` unless said, with a fresh request id unless given. */
export function actionFactory<T extends TicketAction['type']>(ticketId: string, type: T, extra: ActionExtra<T> = {}, opts: { actor?: string; requestId?: string } = {}): Extract<TicketAction, { type: T }> {
  const requestId = opts.requestId ?? `req-${++requests}`;
  return { type, ticketId, actor: opts.actor ?? 'alice', requestId, at: '2026-03-02T01:00:00.000Z', ...extra } as Extract<TicketAction, { type: T }>;
}

/** The same, on a ticket at hand (the plan's unit tests). */
export const action = <T extends TicketAction['type']>(ticket: Ticket, type: T, extra: ActionExtra<T> = {}, actor = 'alice') => actionFactory(ticket.id, type, extra, { actor });
