import { Inject, Injectable } from '@nestjs/common';
import { ContactView } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword = { type: 'keyword' } as const;

/**
 * The audit of complainants' contacts opened (writer: api; read by the api's ticket page and the
 * tests). One document per attempt, shown or denied, `_id` = a random id; never the contact itself.
 */
export const contactViewsIndex = singleIndex({
  document: 'contact views',
  suffix: 'contact-views',
  writer: 'api',
  schema: ContactView,
  mappings: {
    dynamic: false,
    properties: { id: keyword, ticketId: keyword, mentionId: keyword, actor: keyword, role: keyword, planRoles: keyword, outcome: keyword, basis: keyword, fields: keyword, at: { type: 'date' } },
  },
});

@Injectable()
export class ContactViewsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return contactViewsIndex.name(this.search.options.indexPrefix);
  }

  /** A ticket's contact views, newest first (searches see writes after the 1 s refresh). */
  async list(ticketId: string, size = 100): Promise<ContactView[]> {
    const r = await this.search.es.search<ContactView>({
      ...TOLERATE_MISSING,
      index: this.index,
      size,
      query: { term: { ticketId } },
      sort: [{ at: { order: 'desc', unmapped_type: 'date' } }],
    });
    return r.hits.hits.map((h) => ContactView.parse(h._source));
  }
}
