import { Injectable } from '@nestjs/common';
import type { CoverageGapInput } from '@vigil/detection';
import { SourceStateReader } from '@vigil/search';

/** How far back coverage gaps matter to the detector: its longest baseline memory (two weeks of hours). */
const LOOKBACK_MS = 14 * 24 * 3_600_000;

/**
 * The coverage gaps the collector records in its source state (failed polls, paging limits),
 * read through its reader: the detector neither learns nor judges a rise across them.
 */
@Injectable()
export class SourceCoverageRepository {
  constructor(private readonly sources: SourceStateReader) {}

  async gaps(now = new Date()): Promise<CoverageGapInput[]> {
    const gaps = await this.sources.gapsBetween(new Date(now.getTime() - LOOKBACK_MS).toISOString(), new Date(now.getTime() + 3_600_000).toISOString());
    return gaps.map((g) => ({ sourceId: g.sourceId, from: g.from, to: g.to, open: g.open }));
  }
}
