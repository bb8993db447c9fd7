import { Inject, Injectable } from '@nestjs/common';
import { TicketSequenceSlot } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex } from './stored-index';

/**
 * Ticket numbers (writer: responder; read by the tests). Number N of a year is the document
 * `<year>-<N>`, created with `op_type: create` so only one opener gets it; `owner-<owner>`
 * records which number an incident's open cycle took, `<year>-next` where to start looking.
 */
export const ticketSequencesIndex = singleIndex({
  document: 'ticket sequences',
  suffix: 'ticket-sequences',
  writer: 'responder',
  schema: TicketSequenceSlot,
  mappings: { dynamic: false, properties: { year: { type: 'integer' }, value: { type: 'long' } } },
});

@Injectable()
export class TicketSequencesReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return ticketSequencesIndex.name(this.search.options.indexPrefix);
  }

  /** One slot document by id (realtime). */
  async read(id: string): Promise<TicketSequenceSlot | undefined> {
    try {
      return (await this.search.es.get<TicketSequenceSlot>({ index: this.index, id }))._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The numbers taken in a year, ascending (a search: sees slots after the 1 s refresh). */
  async taken(year: number): Promise<number[]> {
    const r = await this.search.es.search<TicketSequenceSlot>({ index: this.index, size: 10_000, query: { term: { year } }, _source: false });
    const slot = new RegExp(`^${year}-(\\d+)$`);
    return r.hits.hits.flatMap((h) => slot.exec(h._id!)?.[1] ?? []).map(Number).sort((a, b) => a - b);
  }
}
