import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@vigil/common';
import { Authenticated } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { VolumeAnswerDto, VolumeQueryDto, type VolumeAnswer, type VolumeWindow } from './volume.dto';
import { VolumeRepository } from './volume.repository';

export type { VolumeAnswer } from './volume.dto';

export function compareToBaseline(windows: VolumeWindow[]): VolumeAnswer {
  const [current, ...past] = windows;
  const counts = past.map((w) => w.total).sort((a, b) => a - b);
  const mid = counts.length >> 1;
  const baseline = counts.length === 0 ? 0 : counts.length % 2 ? counts[mid] : (counts[mid - 1] + counts[mid]) / 2;
  const hasHistory = past.some((w) => w.total > 0);
  return { current, past, baseline, ratio: hasHistory ? current.total / Math.max(baseline, 1) : null };
}

@ApiTags('mentions')
@Authenticated()
@Controller('api/volume')
export class VolumeController {
  constructor(
    private readonly volume: VolumeRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Posts in the last hours against the same window on past days (median), with the negative count' })
  @ApiResult(VolumeAnswerDto)
  async get(@Query() q: VolumeQueryDto): Promise<VolumeAnswer> {
    return compareToBaseline(await this.volume.windows(this.clock.now(), q.hours, q.days, q.watch));
  }
}
