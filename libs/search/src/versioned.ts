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
export async function writeVersioned<T>(search: SearchClient, index: string, id: string, document: T, expected: Versioned | undefined): Promise<Versioned | undefined> {
  try {
    const r = expected
      ? await search.es.index({ index, id, document, if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm })
      : await search.es.index({ index, id, document, op_type: 'create' });
    return { seqNo: r._seq_no!, primaryTerm: r._primary_term! };
  } catch (e) {
    if (isConflict(e)) return undefined;
    throw e;
  }
}
