import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BaselineStatus } from '@vigil/contracts';
import { BaselinesReader } from '@vigil/search';
import { Authenticated } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { BaselinesAnswerDto, BaselinesQueryDto, type BaselinesAnswer, type WatchBaseline } from './baselines.dto';

/** One row per watch from the detector's stored statuses: the watch's own key, its categories counted. */
export function summarizeBaselines(statuses: readonly BaselineStatus[], watches: readonly string[] = []): WatchBaseline[] {
  const only = new Set(watches);
  const byWatch = new Map<string, { own?: BaselineStatus; categories: BaselineStatus[] }>();
  for (const s of statuses) {
    if (only.size && !only.has(s.watchId)) continue;
    const w = byWatch.get(s.watchId) ?? { categories: [] };
    if (s.dimension === 'watch') w.own = s;
    else w.categories.push(s);
    byWatch.set(s.watchId, w);
  }
  const out: WatchBaseline[] = [];
  for (const [watchId, { own, categories }] of byWatch) {
    // A watch whose own key is missing (evicted, or only categories stored) is summarised from its categories.
    const s = own ?? categories[0];
    if (!s) continue;
    out.push({
      watchId, state: s.state, learning: s.state === 'warming_up', hoursSeen: s.learntHours, hoursNeeded: s.neededHours ?? null,
      since: s.since, at: s.at, reason: s.reason, expectedPerHour: s.expectedPerHour,
      categories: categories.length, categoriesNotReady: categories.filter((c) => c.state !== 'ready').length,
    });
  }
  // Learning and gaps first: they are what a person has to know.
  return out.sort((a, b) => Number(b.state !== 'ready') - Number(a.state !== 'ready') || (a.watchId < b.watchId ? -1 : a.watchId > b.watchId ? 1 : 0));
}

@ApiTags('watches')
@Authenticated()
@Controller('api/baselines')
export class BaselinesController {
  constructor(private readonly baselines: BaselinesReader) {}

  @Get()
  @ApiOperation({ summary: "Per watch, whether the detector's baseline is learnt: learning (hours seen of hours needed, no bursts yet), a coverage gap, or ready" })
  @ApiResult(BaselinesAnswerDto)
  async list(@Query() q: BaselinesQueryDto): Promise<BaselinesAnswer> {
    const statuses = await this.baselines.list(q.watch.length === 1 ? q.watch[0] : undefined, 2000);
    return { watches: summarizeBaselines(statuses, q.watch) };
  }
}
