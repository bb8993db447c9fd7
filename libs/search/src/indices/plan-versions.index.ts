import { Inject, Injectable } from '@nestjs/common';
import { PlanVersionEntry } from '@vigil/contracts';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

const keyword = { type: 'keyword' } as const;

/**
 * The plan's audit trail (writer: responder; read by the api). One document per version
 * taken into force (`_id` `v<version>`) and per refused edit (`_id` `refused:<requestId>`,
 * or `refused:file:<hash>` for a bad plan file): who, when, from where, the text, and the
 * errors of a refusal.
 */
export const planVersionsIndex = singleIndex({
  document: 'plan versions',
  suffix: 'plan-versions',
  writer: 'responder',
  schema: PlanVersionEntry,
  mappings: {
    dynamic: false,
    properties: {
      outcome: keyword,
      version: { type: 'integer' },
      at: { type: 'date' },
      source: { properties: { kind: keyword, file: keyword, actor: keyword, requestId: keyword, at: { type: 'date' } } },
      hash: keyword,
      name: keyword,
      text: { type: 'text', index: false },
      errors: { type: 'object', enabled: false },
    },
  },
});

@Injectable()
export class PlanVersionsReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return planVersionsIndex.name(this.search.options.indexPrefix);
  }

  /** Newest first; without the texts unless asked (a plan is ~15 KB). Sees writes after the 1 s refresh. */
  async list(opts: { size?: number; withText?: boolean } = {}): Promise<PlanVersionEntry[]> {
    const r = await this.search.es.search<PlanVersionEntry>({
      ...TOLERATE_MISSING,
      index: this.index,
      size: opts.size ?? 50,
      ...(opts.withText ? {} : { _source_excludes: ['text'] }),
      sort: [{ at: { order: 'desc', unmapped_type: 'date' } }],
    });
    return r.hits.hits.map((h) => PlanVersionEntry.parse({ text: '', ...h._source }));
  }
}
