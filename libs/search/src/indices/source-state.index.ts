import { Inject, Injectable } from '@nestjs/common';
import { gapsOverlapping, sourceHealthAt, SourceState, type CoverageGap, type SourceHealth } from '@vigil/contracts';
import { isNotFound } from '../es-errors';
import type { SearchClient } from '../search-client';
import { SEARCH_CLIENT } from '../search-options';
import { singleIndex, TOLERATE_MISSING } from './stored-index';

/**
 * Per-source collector state (writer: collector; read by the api, the collector's metrics and
 * the tests). One document per source, `_id` = sourceId: its cursor (read back after a
 * restart) and the facts its health is derived from — counters, items per 5 minutes, lag,
 * coverage gaps. Health itself (`SourceHealth`) is derived when read, as of the reader's now.
 */
export const sourceStateIndex = singleIndex({
  document: 'source state',
  suffix: 'source-state',
  writer: 'collector',
  schema: SourceState,
  mappings: {
    dynamic: false,
    properties: {
      sourceId: { type: 'keyword' },
      updatedAt: { type: 'date' },
      lastSuccessAt: { type: 'date' },
      lastErrorAt: { type: 'date' },
      lastError: { type: 'keyword', index: false },
      errorCount: { type: 'long' },
    },
  },
});

@Injectable()
export class SourceStateReader {
  constructor(@Inject(SEARCH_CLIENT) protected readonly search: SearchClient) {}

  protected get index(): string {
    return sourceStateIndex.name(this.search.options.indexPrefix);
  }

  async get(sourceId: string): Promise<SourceState | undefined> {
    try {
      const r = await this.search.es.get<SourceState>({ index: this.index, id: sourceId });
      return r._source ? SourceState.parse(r._source) : undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Every source's state, by sourceId. */
  async list(): Promise<SourceState[]> {
    const r = await this.search.es.search<SourceState>({ ...TOLERATE_MISSING, index: this.index, size: 1000, query: { match_all: {} }, sort: [{ sourceId: { order: 'asc', unmapped_type: 'keyword' } }] });
    return r.hits.hits.map((h) => SourceState.parse(h._source));
  }

  /** Every source's health as of `now`: status, error counts, items in the last hour, lag and coverage gaps. */
  async health(now: Date): Promise<SourceHealth[]> {
    return (await this.list()).map((s) => sourceHealthAt(s, now));
  }

  /** Coverage gaps of any source overlapping [from, to]: posts in that window may be missing. */
  async gapsBetween(from: string, to: string): Promise<(CoverageGap & { sourceId: string })[]> {
    return gapsOverlapping(await this.list(), from, to);
  }
}
