import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { WatchDoc } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword: estypes.MappingProperty = { type: 'keyword' };

/**
 * Watches, 监测方案 (writer: api; read by the processor, the api, the cli and the tests). One
 * document per watch, `_id` = the watch id, the whole configuration in _source. A deleted watch
 * keeps its document with `deletedAt`, so mentions tagged with it stay explained and searchable
 * by it. Every version is also in config history.
 */
export const watchesIndex = singleIndex({
  document: 'watches',
  suffix: 'watches',
  writer: 'api',
  schema: WatchDoc,
  mappings: {
    dynamic: false,
    properties: {
      id: keyword,
      name: { type: 'text', fields: { raw: { type: 'keyword', ignore_above: 256 } } },
      competitor: { type: 'boolean' },
      enabled: { type: 'boolean' },
      owners: keyword,
      sources: keyword,
      languages: keyword,
      plan: keyword,
      version: { type: 'integer' },
      createdAt: { type: 'date' },
      createdBy: keyword,
      updatedAt: { type: 'date' },
      updatedBy: keyword,
      deletedAt: { type: 'date' },
    },
  },
});

/** What a poller compares to see whether anything changed: every watch's id, version and state. */
export interface WatchVersion {
  id: string;
  version: number;
  deleted: boolean;
}

@Injectable()
export class WatchesReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  get index(): string {
    return watchesIndex.name(this.search.options.indexPrefix);
  }

  /** Live watches (and deleted ones when asked), by id. Documents that fail the schema are skipped and reported. */
  async list(opts: { includeDeleted?: boolean } = {}): Promise<{ watches: WatchDoc[]; invalid: { id: string; error: string }[] }> {
    const r = await this.search.es.search<unknown>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 10_000,
      query: opts.includeDeleted ? { match_all: {} } : { bool: { must_not: [{ exists: { field: 'deletedAt' } }] } },
      sort: [{ id: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    const watches: WatchDoc[] = [];
    const invalid: { id: string; error: string }[] = [];
    for (const h of r.hits.hits) {
      const p = WatchDoc.safeParse(h._source);
      if (p.success) watches.push(p.data);
      else invalid.push({ id: h._id ?? '?', error: p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    return { watches, invalid };
  }

  async get(id: string): Promise<WatchDoc | undefined> {
    const r = await this.search.es.get<unknown>({ index: this.index, id }, { ignore: [404] });
    return r.found ? WatchDoc.parse(r._source) : undefined;
  }

  /** Ids and versions only: cheap enough to ask every few seconds. */
  async versions(): Promise<WatchVersion[]> {
    const r = await this.search.es.search<{ id: string; version: number; deletedAt?: string }>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: 10_000,
      _source: ['id', 'version', 'deletedAt'],
      sort: [{ id: { order: 'asc', unmapped_type: 'keyword' } }],
    });
    return r.hits.hits.map((h) => ({ id: h._source!.id, version: h._source!.version, deleted: Boolean(h._source!.deletedAt) }));
  }
}
