import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { KnowledgeEntry } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';
import { ticketEventsIndex } from './ticket-events.index';

const keyword: estypes.MappingProperty = { type: 'keyword' };
const bilingual: estypes.MappingProperty = { properties: { zh: { type: 'text' }, en: { type: 'text' } } };

/**
 * Knowledge base entries, 知识库 / 标准话术 (writer: api; read by the api, the cli's demo seed and
 * the tests). One document per entry, `_id` = the entry id, the whole entry in _source with its
 * version (the next edit's concurrency check). A retired entry keeps its document (`deletedAt`), so
 * tickets that used it stay explained; every version is in config history (kind `knowledge`).
 * Usage is not stored here: it is counted from the ticket events that used an entry (one per
 * accepted action), so a redelivered action or a refused one never counts.
 */
export const knowledgeIndex = singleIndex({
  document: 'knowledge entries',
  suffix: 'knowledge',
  writer: 'api',
  schema: KnowledgeEntry,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      kind: keyword,
      category: keyword,
      levels: keyword,
      authority: keyword,
      title: bilingual,
      text: bilingual,
      keywords: keyword,
      version: { type: 'integer' },
      updatedAt: { type: 'date' },
      deletedAt: { type: 'date' },
    },
  },
});

@Injectable()
export class KnowledgeReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  get index(): string {
    return knowledgeIndex.name(this.search.options.indexPrefix);
  }

  /** Every entry (retired ones too: the ranking drops them unless asked), by id; documents that fail the schema are skipped and reported. */
  async list(): Promise<{ entries: KnowledgeEntry[]; invalid: { id: string; error: string }[] }> {
    const r = await this.search.es.search<unknown>({ ...TOLERATE_MISSING, index: this.index, size: 10_000, sort: [{ id: { order: 'asc', unmapped_type: 'keyword' } }] });
    const entries: KnowledgeEntry[] = [];
    const invalid: { id: string; error: string }[] = [];
    for (const h of r.hits.hits) {
      const p = KnowledgeEntry.safeParse(h._source);
      if (p.success) entries.push(p.data);
      else invalid.push({ id: h._id ?? '?', error: p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    return { entries, invalid };
  }

  async get(id: string): Promise<KnowledgeEntry | undefined> {
    const r = await this.search.es.get<unknown>({ index: this.index, id }, { ignore: [404] });
    return r.found ? KnowledgeEntry.parse(r._source) : undefined;
  }

  /** How many accepted ticket actions used each entry (any version), counted from the ticket events. */
  async usage(): Promise<Record<string, number>> {
    const r = await this.search.es.search({
      ...TOLERATE_MISSING,
      index: ticketEventsIndex.name(this.search.options.indexPrefix),
      size: 0,
      query: { exists: { field: 'knowledge.entryId' } },
      aggs: { entries: { terms: { field: 'knowledge.entryId', size: 10_000 } } },
    });
    const buckets = (r.aggregations?.entries as estypes.AggregationsStringTermsAggregate | undefined)?.buckets;
    return Object.fromEntries((Array.isArray(buckets) ? buckets : []).map((b) => [String(b.key), b.doc_count]));
  }
}
