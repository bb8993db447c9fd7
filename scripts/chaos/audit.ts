import type { Client, estypes } from '@elastic/elasticsearch';
import type { PausedInterval, SeverityLevel } from '@vigil/contracts';
import { computeDeadline, type Plan } from '@vigil/plan';

export interface PostAudit {
  /** Accepted posts found in Elasticsearch. */
  indexed: number;
  /** Accepted posts not found. */
  lost: number;
  /** Posts found in more than one document (the extra documents). */
  duplicated: number;
}

/** Every document whose `externalId` starts with `prefix`, counted per id (composite aggregation, paged). */
async function docsPerId(es: Client, index: string, prefix: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let after: Record<string, string | number | null> | undefined;
  for (;;) {
    const r = await es.search({
      index,
      size: 0,
      ignore_unavailable: true,
      allow_no_indices: true,
      query: { bool: { filter: [{ term: { sourceId: 'intake-form' } }, { prefix: { externalId: prefix } }] } },
      aggs: { ids: { composite: { size: 5_000, sources: [{ id: { terms: { field: 'externalId' } } }], ...(after ? { after } : {}) } } },
    });
    const agg = r.aggregations?.ids as estypes.AggregationsCompositeAggregate | undefined;
    const buckets = (agg?.buckets ?? []) as { key: { id: string }; doc_count: number }[];
    for (const b of buckets) counts.set(b.key.id, b.doc_count);
    if (buckets.length < 5_000 || !agg?.after_key) return counts;
    after = agg.after_key as Record<string, string>;
  }
}

export async function auditPosts(es: Client, mentionsPattern: string, phase: string, accepted: Set<string>): Promise<PostAudit> {
  await es.indices.refresh({ index: mentionsPattern, ignore_unavailable: true, allow_no_indices: true });
  const counts = await docsPerId(es, mentionsPattern, `${phase}-`);
  let indexed = 0;
  let duplicated = 0;
  for (const id of accepted) {
    const n = counts.get(id) ?? 0;
    if (n > 0) indexed++;
    if (n > 1) duplicated += n - 1;
  }
  return { indexed, lost: accepted.size - indexed, duplicated };
}

/** True once `id` (an intake post's own id) is searchable. */
export async function isIndexed(es: Client, mentionsPattern: string, id: string): Promise<boolean> {
  const r = await es.count({ index: mentionsPattern, ignore_unavailable: true, allow_no_indices: true, query: { term: { externalId: id } } });
  return r.count > 0;
}

/** Tickets in all, and the extra ones: more than one ticket for an incident key. */
export async function auditTickets(es: Client, ticketsIndex: string): Promise<{ tickets: number; duplicates: number }> {
  await es.indices.refresh({ index: ticketsIndex, ignore_unavailable: true });
  const r = await es.search({
    index: ticketsIndex,
    size: 0,
    ignore_unavailable: true,
    track_total_hits: true,
    aggs: { keys: { terms: { field: 'incidentKey', size: 10_000, min_doc_count: 2 } } },
  });
  const buckets = ((r.aggregations?.keys as estypes.AggregationsStringTermsAggregate | undefined)?.buckets ?? []) as { doc_count: number }[];
  return { tickets: (r.hits.total as estypes.SearchTotalHits).value, duplicates: buckets.reduce((a, b) => a + b.doc_count - 1, 0) };
}

/** SLA escalations of a span of the run, judged against the plan's deadlines. */
export interface EscalationAudit {
  /** Ladder steps the plan made due in the span (deadline at least `graceMs` before the end of the run). */
  due: number;
  /** Distinct (ticket, step) escalations that fired for a deadline in the span. */
  fired: number;
  /** Extra `escalation_fired` events for a step of a ticket that already had one. */
  repeated: number;
  /** Due steps with no `escalation_fired` event, and steps the ticket and its trail disagree on. */
  lost: number;
  /** Steps fired more than a second before their deadline. */
  early: number;
  /** The latest a step fired after its deadline, in seconds (0 when none fired). */
  maxLateS: number;
}

/** What the audit reads of a ticket document. */
export interface AuditedTicket {
  id: string;
  level: SeverityLevel;
  state: string;
  slaStartedAt: string;
  acknowledgedAt?: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  updatedAt: string;
  mergedInto?: string;
  reopenCount: number;
  pausedIntervals: PausedInterval[];
  escalations: { stepId: string; cycle: number }[];
}

/** One `escalation_fired` event of the tickets' audit trail. */
export interface FiredEvent {
  ticketId: string;
  stepId: string;
  at: string;
}

/** One ladder step of one ticket: when the plan makes it due, and what the trail shows. */
export interface StepOutcome {
  ticketId: string;
  stepId: string;
  /** The deadline (ms); undefined while a pause holds the clock. */
  dueAt?: number;
  expected: boolean;
  fired: number;
  firstFiredAt?: number;
  lost: boolean;
  early: boolean;
}

const MILESTONE = { acknowledged: 'acknowledgedAt', responded: 'firstResponseAt', resolved: 'resolvedAt' } as const;
const EARLY_TOLERANCE_MS = 1_000;

/**
 * Each ticket's ladder steps against the plan's deadlines, worked out here from the stored start of
 * the SLA cycle, the pauses and the milestones — not from what the responder recorded as fired: a
 * step whose deadline passed at least `graceMs` before `end` while its milestone was missing must
 * have exactly one `escalation_fired` event, and the ticket must record it. Steps limited to some
 * levels are judged at the ticket's level at the end (the suite raises levels only through the
 * 24-hour step, which no level-limited step of the bundled plan follows).
 */
export function escalationOutcomes(plan: Plan, tickets: AuditedTicket[], events: FiredEvent[], end: number, graceMs: number): StepOutcome[] {
  const out: StepOutcome[] = [];
  const byTicketStep = new Map<string, number[]>();
  const cycleStart = new Map(tickets.map((t) => [t.id, Date.parse(t.slaStartedAt)]));
  for (const e of events) {
    const at = Date.parse(e.at);
    // Events carry no cycle: those before the current cycle began belong to an earlier one.
    if (at < (cycleStart.get(e.ticketId) ?? -Infinity)) continue;
    const k = `${e.ticketId}/${e.stepId}`;
    byTicketStep.set(k, [...(byTicketStep.get(k) ?? []), at]);
  }
  for (const t of tickets) {
    // The clock stops for good when a ticket is resolved, closed or merged.
    const stopped = [t.resolvedAt, t.closedAt, t.mergedInto ? t.updatedAt : undefined].filter((x): x is string => !!x).map(Date.parse);
    const clockStop = stopped.length ? Math.min(...stopped) : Infinity;
    for (const step of plan.escalation) {
      const dueAt = computeDeadline(plan.calendar, Date.parse(t.slaStartedAt), step.afterMinutes, step.clock, step.pausable ? t.pausedIntervals : []);
      const milestone = t[MILESTONE[step.unless]];
      const stopAt = Math.min(clockStop, milestone ? Date.parse(milestone) : Infinity);
      const applies = !step.levels || step.levels.includes(t.level);
      const expected = applies && dueAt !== undefined && dueAt <= end - graceMs && dueAt < stopAt;
      const times = (byTicketStep.get(`${t.id}/${step.id}`) ?? []).sort((a, b) => a - b);
      const recorded = t.escalations.some((e) => e.stepId === step.id && e.cycle === t.reopenCount);
      const fired = times.length;
      if (!expected && !fired && !recorded) continue;
      out.push({
        ticketId: t.id,
        stepId: step.id,
        dueAt,
        expected,
        fired,
        firstFiredAt: times[0],
        lost: (expected && fired === 0) || fired > 0 !== recorded,
        early: fired > 0 && (dueAt === undefined || times[0]! < dueAt - EARLY_TOLERANCE_MS),
      });
    }
  }
  return out;
}

/** The outcomes whose deadline (or, without one, first firing) falls in [from, to). */
export function summariseEscalations(outcomes: StepOutcome[], from = -Infinity, to = Infinity): EscalationAudit {
  const sum: EscalationAudit = { due: 0, fired: 0, repeated: 0, lost: 0, early: 0, maxLateS: 0 };
  for (const o of outcomes) {
    const when = o.dueAt ?? o.firstFiredAt ?? -Infinity;
    if (when < from || when >= to) continue;
    if (o.expected) sum.due++;
    if (o.fired) sum.fired++;
    sum.repeated += Math.max(0, o.fired - 1);
    if (o.lost) sum.lost++;
    if (o.early) sum.early++;
    if (o.fired && o.dueAt !== undefined) sum.maxLateS = Math.max(sum.maxLateS, (o.firstFiredAt! - o.dueAt) / 1000);
  }
  return sum;
}

/**
 * Reads every ticket and every `escalation_fired` event of the run and judges them against the
 * plan (`escalationOutcomes`) as of `end`. The event's `after` is stored but not indexed, so it is read from `_source`.
 */
export async function auditEscalations(es: Client, ticketsIndex: string, eventsIndex: string, plan: Plan, end: number, graceMs: number): Promise<StepOutcome[]> {
  await es.indices.refresh({ index: `${ticketsIndex},${eventsIndex}`, ignore_unavailable: true, allow_no_indices: true });
  const events = await es.search<{ ticketId: string; at: string; after?: { stepId?: string } }>({
    index: eventsIndex,
    size: 10_000,
    ignore_unavailable: true,
    _source: ['ticketId', 'at', 'after'],
    query: { term: { type: 'escalation_fired' } },
  });
  const fields: (keyof AuditedTicket)[] = ['id', 'level', 'state', 'slaStartedAt', 'acknowledgedAt', 'firstResponseAt', 'resolvedAt', 'closedAt', 'updatedAt', 'mergedInto', 'reopenCount', 'pausedIntervals', 'escalations'];
  const tickets = await es.search<AuditedTicket>({ index: ticketsIndex, size: 10_000, ignore_unavailable: true, _source: fields });
  return escalationOutcomes(
    plan,
    tickets.hits.hits.map((h) => ({ ...h._source!, pausedIntervals: h._source!.pausedIntervals ?? [], escalations: h._source!.escalations ?? [] })),
    events.hits.hits.map((h) => ({ ticketId: h._source!.ticketId, stepId: h._source!.after?.stepId ?? '?', at: h._source!.at })),
    end,
    graceMs,
  );
}
