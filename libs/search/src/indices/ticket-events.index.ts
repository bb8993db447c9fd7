import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { TicketEvent } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const opaque = { type: 'object', enabled: false } as const;

/**
 * The tickets' audit trail (writer: responder; read by the api and the tests). One document
 * per `TicketEvent`, `_id` = eventId (`CR-2026-000001:7`; refused actions
 * `CR-2026-000001:rejected:<requestId>`, seq 0), so writing an event again changes nothing.
 */
export const ticketEventsIndex = singleIndex({
  document: 'ticket events',
  suffix: 'ticket-events',
  writer: 'responder',
  schema: TicketEvent,
  mappings: {
    dynamic: false,
    properties: {
      eventId: { type: 'keyword' },
      ticketId: { type: 'keyword' },
      seq: { type: 'long' },
      type: { type: 'keyword' },
      actor: { type: 'keyword' },
      at: { type: 'date' },
      requestId: { type: 'keyword' },
      note: { type: 'text' },
      before: opaque,
      after: opaque,
      error: { properties: { code: { type: 'keyword' }, message: { type: 'text' } } },
      // Usage counts of knowledge-base entries are counted from these (one per accepted action).
      knowledge: { properties: { entryId: { type: 'keyword' }, version: { type: 'integer' } } },
    },
  },
});

@Injectable()
export class TicketEventsReader {
  constructor(@Inject(SEARCH_CLIENT) private readonly search: SearchClient) {}

  /**
   * One ticket's trail, at most `size` events. `seq` order puts refused actions (seq 0)
   * first and numbers the changes without gaps; `time` order is the timeline people read.
   */
  async list(ticketId: string, opts: { order?: 'seq' | 'time'; size?: number } = {}): Promise<TicketEvent[]> {
    const seq: estypes.SortCombinations = { seq: { order: 'asc', unmapped_type: 'long' } };
    const at: estypes.SortCombinations = { at: { order: 'asc', unmapped_type: 'date' } };
    const res = await this.search.es.search<TicketEvent>({
      ...TOLERATE_MISSING,
      index: ticketEventsIndex.name(this.search.options.indexPrefix),
      size: opts.size ?? 1000,
      query: { bool: { filter: [{ term: { ticketId } }] } },
      sort: opts.order === 'time' ? [at, seq] : [seq, at],
    });
    return res.hits.hits.map((h) => TicketEvent.parse(h._source));
  }
}
