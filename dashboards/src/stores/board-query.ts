import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * The crisis board keeps its watch filter in the URL (`#/board?watch=brand-a`, or a comma list),
 * so a link someone shares opens the same board. No `watch`: every watch.
 */
export function watchesFromQuery(q: LocationQuery): string[] {
  const raw = Array.isArray(q.watch) ? q.watch : [q.watch];
  const ids = raw.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((s) => s.trim()).filter(Boolean);
  return [...new Set(ids)];
}

/** The query with the watch filter set to `ids` (none: removed), the rest of the query kept. */
export function withWatches(q: LocationQuery, ids: readonly string[]): LocationQueryRaw {
  const { watch: _old, ...rest } = q;
  return ids.length ? { ...rest, watch: ids.join(',') } : rest;
}
