import { Inject, Injectable } from '@nestjs/common';
import { SavedSearch, SAVED_SEARCH_CAP } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword = { type: 'keyword' } as const;

/**
 * Searches people saved on the search page (writer: api; read by the api and the tests). One
 * document per saved search, `_id` = its id; each belongs to the user who saved it.
 */
export const savedSearchesIndex = singleIndex({
  document: 'saved searches',
  suffix: 'saved-searches',
  writer: 'api',
  schema: SavedSearch,
  mappings: {
    dynamic: false,
    properties: { id: keyword, owner: keyword, name: { type: 'keyword', ignore_above: 256 }, createdAt: { type: 'date' }, query: { type: 'object', enabled: false } },
  },
});

@Injectable()
export class SavedSearchesReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return savedSearchesIndex.name(this.search.options.indexPrefix);
  }

  /** A user's saved searches, newest first. */
  async listFor(owner: string): Promise<SavedSearch[]> {
    const r = await this.search.es.search<SavedSearch>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: SAVED_SEARCH_CAP,
      query: { term: { owner } },
      sort: [{ createdAt: { order: 'desc', unmapped_type: 'date' } }],
    });
    return r.hits.hits.map((h) => SavedSearch.parse(h._source));
  }
}
