import type { estypes } from '@elastic/elasticsearch';
import type { z } from 'zod';

/** The processes that write stored documents (each document has exactly one). */
export type WriterApp = 'collector' | 'processor' | 'indexer' | 'detector' | 'responder' | 'api' | 'reporter';

/** What `SearchClient.ensureIndices` makes for a stored document: a template, and an alias or a concrete index. */
export interface IndexDefinition {
  /** Template name; also the alias (when `alias` is set) or the concrete index. */
  name: string;
  pattern: string;
  mappings: estypes.MappingTypeMapping;
  alias?: string;
  /** Create this concrete index at start (single-index documents such as clusters and tickets). */
  createIndex?: string;
}

/**
 * One stored document, described once: its index name for a prefix, mapping, contract and
 * writer. Every `<document>.index.ts` in this folder exports one of these (plus a reader).
 */
export interface StoredIndex<S extends z.ZodType = z.ZodType> {
  /** What is stored, as the folder's README names it. */
  readonly document: string;
  /** The one process that writes it; everyone else reads through the reader class. */
  readonly writer: WriterApp;
  /** The contract of one document (`_source`). */
  readonly schema: S;
  readonly mappings: estypes.MappingTypeMapping;
  /** What readers read: the concrete index, or the alias over monthly indices. */
  name(prefix: string): string;
  definition(prefix: string): IndexDefinition;
}

/** A document kept in one concrete index `<prefix><suffix>`, created at start. */
export function singleIndex<S extends z.ZodType>(spec: { document: string; suffix: string; writer: WriterApp; schema: S; mappings: estypes.MappingTypeMapping }): StoredIndex<S> {
  const name = (prefix: string) => `${prefix}${spec.suffix}`;
  return {
    document: spec.document,
    writer: spec.writer,
    schema: spec.schema,
    mappings: spec.mappings,
    name,
    definition: (prefix) => ({ name: name(prefix), pattern: name(prefix), mappings: spec.mappings, createIndex: name(prefix) }),
  };
}

/** Total hits as a number, whichever form the server answered in. */
export const totalOf = (total: number | estypes.SearchTotalHits | undefined): number => (typeof total === 'number' ? total : (total?.value ?? 0));

/** Searches of a reader run before the writer has made the index (a fresh deployment) answer empty, not 404. */
export const TOLERATE_MISSING = { ignore_unavailable: true, allow_no_indices: true } as const;
