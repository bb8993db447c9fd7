import { isConflict, isNotFound } from './es-errors';
import type { SearchClient } from './search-client';

/** What an optimistic write compares: the document's version when it was read. */
export interface Versioned {
  seqNo: number;
  primaryTerm: number;
}

/** A document by id, realtime, with its version; undefined when there is none. */
export async function getVersioned<T>(search: SearchClient, index: string, id: string): Promise<({ source: T } & Versioned) | undefined> {
  try {
    const r = await search.es.get<T>({ index, id });
    return r._source === undefined ? undefined : { source: r._source, seqNo: r._seq_no!, primaryTerm: r._primary_term! };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/**
 * Writes a document only over the version read (`expected`), or creates it when `expected`
 * is undefined (refused if it exists). Undefined when someone else wrote first: the caller
 * re-reads and decides again (see retryOnConflict in @vigil/common).
 */
export async function writeVersioned<T>(search: SearchClient, index: string, id: string, document: T, expected: Versioned | undefined, opts: { refresh?: boolean } = {}): Promise<Versioned | undefined> {
  // refresh: a person's edit is read back at once (the list they return to, the next edit).
  const refresh = opts.refresh ? ('wait_for' as const) : undefined;
  try {
    const r = expected
      ? await search.es.index({ index, id, document, if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm, refresh })
      : await search.es.index({ index, id, document, op_type: 'create', refresh });
    return { seqNo: r._seq_no!, primaryTerm: r._primary_term! };
  } catch (e) {
    if (isConflict(e)) return undefined;
    throw e;
  }
}
