import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { SourceDoc } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword: estypes.MappingProperty = { type: 'keyword' };

/**
 * Sources managed in the product (writer: api, and the collector when it seeds ids its YAML lists
 * that the store lacks; read by the collector, the api and the tests). One document per source,
 * `_id` = the source id, the configuration as written (placeholders such as ${TOKEN} kept, filled
 * by the collector from its own environment). A deleted source keeps its document; every version
 * is also in config history.
 */
export const sourcesIndex = singleIndex({
  document: 'sources',
  suffix: 'sources',
  writer: 'api',
  schema: SourceDoc,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      config: { type: 'object', enabled: false },
      version: { type: 'integer' },
      createdAt: { type: 'date' },
      createdBy: keyword,
      updatedAt: { type: 'date' },
      updatedBy: keyword,
      deletedAt: { type: 'date' },
    },
  },
});

@Injectable()
export class SourcesReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  get index(): string {
    return sourcesIndex.name(this.search.options.indexPrefix);
  }

  async list(opts: { includeDeleted?: boolean } = {}): Promise<SourceDoc[]> {
    const r = await this.search.es.search<unknown>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 10_000,
      query: opts.includeDeleted ? { match_all: {} } : { bool: { must_not: [{ exists: { field: 'deletedAt' } }] } },
      sort: [{ id: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return r.hits.hits.flatMap((h) => {
      const p = SourceDoc.safeParse(h._source);
      return p.success ? [p.data] : [];
    });
  }

  async get(id: string): Promise<SourceDoc | undefined> {
    const r = await this.search.es.get<unknown>({ index: this.index, id }, { ignore: [404] });
    return r.found ? SourceDoc.parse(r._source) : undefined;
  }

  /** `id@version` of every live source, in id order: what a poller compares. */
  async revision(): Promise<string> {
    const r = await this.search.es.search<{ id: string; version: number }>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 10_000,
      _source: ['id', 'version'],
      query: { bool: { must_not: [{ exists: { field: 'deletedAt' } }] } },
      sort: [{ id: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return r.hits.hits.map((h) => `${h._source!.id}@${h._source!.version}`).join(',');
  }
}
