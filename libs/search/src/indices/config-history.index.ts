import { Inject, Injectable } from '@nestjs/common';
import { ConfigChange, type ConfigKind } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

/**
 * Config history (writer: api, and the collector when it seeds sources from its YAML; read by
 * the api and the tests). Every version of what is configured in the product (watches,
 * sources): who changed it, when, which fields, the document after. `_id` =
 * `<kind>:<targetId>:<version>` (configChangeId), so writing a version twice is one entry.
 */
export const configHistoryIndex = singleIndex({
  document: 'config history',
  suffix: 'config-history',
  writer: 'api',
  schema: ConfigChange,
  mappings: {
    dynamic: false,
    properties: {
      kind: { type: 'keyword' },
      targetId: { type: 'keyword' },
      version: { type: 'integer' },
      action: { type: 'keyword' },
      actor: { type: 'keyword' },
      at: { type: 'date' },
      changes: { type: 'keyword' },
      snapshot: { type: 'object', enabled: false },
    },
  },
});

@Injectable()
export class ConfigHistoryReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  get index(): string {
    return configHistoryIndex.name(this.search.options.indexPrefix);
  }

  /** The versions of one watch or source, newest first. */
  async history(kind: ConfigKind, targetId: string, size = 100): Promise<ConfigChange[]> {
    const r = await this.search.es.search<unknown>({
      ...TOLERATE_MISSING,
      index: this.index,
      size,
      query: { bool: { filter: [{ term: { kind } }, { term: { targetId } }] } },
      sort: [{ version: { order: 'desc', unmapped_type: 'integer' } }],
    });
    return r.hits.hits.map((h) => ConfigChange.parse(h._source));
  }
}
