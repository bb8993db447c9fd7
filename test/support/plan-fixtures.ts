import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Signal, Ticket, TicketAction } from '@vigil/contracts';
import { parsePlan, type Plan } from '@vigil/plan';

/** Plans, signals and actions for the plan library's specs; read from disk here, never in the library. */
export const DEFAULT_PLAN_TEXT = readFileSync(resolve(__dirname, '../../libs/plan/default-plan.yaml'), 'utf8');

export function defaultPlan(): Plan {
  const r = parsePlan(DEFAULT_PLAN_TEXT, 'default-plan.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

export function makeSignal(over: Partial<Omit<Signal, 'metrics' | 'severity'>> & { metrics?: Partial<Signal['metrics']>; severity?: Partial<Signal['severity']> } = {}): Signal {
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

let n = 0;
export function action<T extends TicketAction['type']>(ticket: Ticket, type: T, extra: Omit<Extract<TicketAction, { type: T }>, 'type' | 'ticketId' | 'actor' | 'requestId' | 'at'> | Record<string, never> = {}, actor = 'alice'): Extract<TicketAction, { type: T }> {
  n += 1;
  return { type, ticketId: ticket.id, actor, requestId: `req-${n}`, at: '2026-03-02T01:00:00.000Z', ...extra } as Extract<TicketAction, { type: T }>;
}

export const at = (iso: string) => new Date(iso);
export const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
