import type { SearchConnection } from '@vigil/common';

export interface SearchOptions extends SearchConnection {
  node: string;
  /** Prefix of every index, template and alias name. */
  indexPrefix: string;
}
export const SEARCH_OPTIONS = Symbol('SEARCH_OPTIONS');
/** The SearchClient, injected by token in the readers: they sit in a folder SearchClient itself imports. */
export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');
