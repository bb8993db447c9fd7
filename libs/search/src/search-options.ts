import type { SearchConnection } from '@vigil/common';

export interface SearchOptions extends SearchConnection {
  node: string;
  /** Prefix of every index, template and alias name. */
  indexPrefix: string;
  /**
   * How long `ensureIndices` keeps trying while Elasticsearch is busy or away (timeouts, 429/503)
   * before the app's start fails; 10 minutes unless set.
   */
  setupPatienceMs?: number;
}
export const SEARCH_OPTIONS = Symbol('SEARCH_OPTIONS');
/** The SearchClient, injected by token in the readers: they sit in a folder SearchClient itself imports. */
export const SEARCH_CLIENT = Symbol('SEARCH_CLIENT');
