import type { Client, estypes } from '@elastic/elasticsearch';

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

export interface EscalationAudit {
  /** Distinct (ticket, step) escalations that fired. */
  fired: number;
  /** Extra `escalation_fired` events for a step of a ticket that already had one. */
  repeated: number;
  /** Steps the ticket records as fired without their event in the trail, or the other way round. */
  lost: number;
}

/**
 * SLA escalations from the tickets' audit trail: each `escalation_fired` event counted per ticket
 * and step, compared with the steps each ticket
 * document says have fired. The event's `after` is stored but not indexed, so it is read from `_source`.
 */
export async function auditEscalations(es: Client, ticketsIndex: string, eventsIndex: string): Promise<EscalationAudit> {
  await es.indices.refresh({ index: `${ticketsIndex},${eventsIndex}`, ignore_unavailable: true, allow_no_indices: true });
  const events = await es.search<{ ticketId: string; after?: { stepId?: string; cycle?: number } }>({
    index: eventsIndex,
    size: 10_000,
    ignore_unavailable: true,
    _source: ['ticketId', 'after'],
    query: { term: { type: 'escalation_fired' } },
  });
  const tickets = await es.search<{ id: string; escalations?: { stepId: string; cycle: number }[] }>({
    index: ticketsIndex,
    size: 10_000,
    ignore_unavailable: true,
    _source: ['id', 'escalations'],
  });
  return countEscalations(
    events.hits.hits.map((h) => ({ ticketId: h._source!.ticketId, stepId: h._source!.after?.stepId ?? '?' })),
    tickets.hits.hits.map((h) => ({ id: h._source!.id, escalations: h._source!.escalations ?? [] })),
  );
}

/** The counting of `auditEscalations`, on events and tickets already read. */
export function countEscalations(events: { ticketId: string; stepId: string }[], tickets: { id: string; escalations: { stepId: string }[] }[]): EscalationAudit {
  const perStep = new Map<string, number>();
  // Events do not carry the cycle; a reopen would show as a repeat here (the suite reopens nothing).
  for (const e of events) perStep.set(`${e.ticketId}/${e.stepId}`, (perStep.get(`${e.ticketId}/${e.stepId}`) ?? 0) + 1);
  const recorded = new Set<string>();
  for (const t of tickets) for (const e of t.escalations) recorded.add(`${t.id}/${e.stepId}`);
  let repeated = 0;
  for (const n of perStep.values()) repeated += n - 1;
  let lost = 0;
  for (const k of recorded) if (!perStep.has(k)) lost++;
  for (const k of perStep.keys()) if (!recorded.has(k)) lost++;
  return { fired: perStep.size, repeated, lost };
}
