import { Injectable } from '@nestjs/common';
import type { CoverageGap, SourceHealth } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { isNotFound, SearchClient } from '@vigil/search';
import type { SourceCursor } from '../sources/source-adapter';
import { gapsOverlapping, toHealth } from './source-health';

export interface SourceState {
  sourceId: string;
  cursor: SourceCursor;
  updatedAt: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  errorCount: number;
  /** Failed polls since the last success. */
  consecutiveErrors?: number;
  itemsEmitted: number;
  /** The source's polling interval when last polled: how old a success may be before the source is stale. */
  everyMs?: number;
  /** Median collection delay (fetchedAt − publishedAt) of the last poll that found dated posts. */
  lagMs?: number;
  /** Mentions emitted per 5-minute bucket over the last 24 hours (empty buckets left out). */
  buckets?: { start: string; count: number }[];
  /** Bounded list of stretches in which posts may have been missed, oldest first. */
  gaps?: CoverageGap[];
}

/** Collector memory across restarts, one document per source in Elasticsearch. */
@Injectable()
export class SourceStateRepository {
  constructor(
    private readonly search: SearchClient,
    private readonly clock: Clock,
  ) {}

  async get(sourceId: string): Promise<SourceState | undefined> {
    try {
      const r = await this.search.es.get<SourceState>({ index: this.search.names.sourceState, id: sourceId });
      return r._source;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async list(): Promise<SourceState[]> {
    const r = await this.search.es.search<SourceState>({ index: this.search.names.sourceState, size: 1000, query: { match_all: {} } });
    return r.hits.hits.map((h) => h._source!).filter(Boolean);
  }

  /** Every source's health: status, error counts, items in the last hour, lag and coverage gaps. */
  async health(): Promise<SourceHealth[]> {
    const now = this.clock.now();
    return (await this.list()).map((s) => toHealth(s, now)).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  }

  /** Coverage gaps overlapping a window, for a detector deciding whether a dip or spike is real. */
  async gapsBetween(from: string, to: string): Promise<(CoverageGap & { sourceId: string })[]> {
    return gapsOverlapping(await this.list(), from, to);
  }

  async save(state: SourceState): Promise<void> {
    // Refresh so a restarted collector (or the api's health page) reads it at once.
    await this.search.es.index({ index: this.search.names.sourceState, id: state.sourceId, document: state, refresh: 'wait_for' });
  }
}
