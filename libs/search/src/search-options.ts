export interface SearchOptions {
  node: string;
  /** Prefix of every index, template and alias name. */
  indexPrefix: string;
}
export const SEARCH_OPTIONS = Symbol('SEARCH_OPTIONS');
