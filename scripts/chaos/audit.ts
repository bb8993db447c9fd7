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
