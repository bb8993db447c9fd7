import type { LocationQuery, LocationQueryRaw } from 'vue-router';
// The crisis/service rule of the api and the eval, taken by its file: the contracts index imports
// node:crypto, which a browser bundle cannot take (vite.config.ts aliases this one file).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { TICKET_KINDS, ticketKind, type TicketKind } from '@vigil/contracts/ticket-kind';

export { TICKET_KINDS, ticketKind, type TicketKind };

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

/**
 * The crisis/service selector, also in the URL (`#/board?kind=crisis`). No `kind`, or a value that
 * is no kind (an old or mistyped link): both kinds.
 */
export function kindFromQuery(q: LocationQuery): TicketKind | undefined {
  const v = Array.isArray(q.kind) ? q.kind[0] : q.kind;
  return TICKET_KINDS.find((k) => k === v);
}

/** The query with the kind set (undefined: removed), the rest of the query kept. */
export function withKind(q: LocationQuery, kind: TicketKind | undefined): LocationQueryRaw {
  const { kind: _old, ...rest } = q;
  return kind ? { ...rest, kind } : rest;
}
