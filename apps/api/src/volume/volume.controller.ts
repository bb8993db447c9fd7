import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Clock } from '@vigil/common';
import { Authenticated } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { VolumeRepository, type VolumeWindow } from './volume.repository';

const VolumeQuery = z.object({
  hours: z.coerce.number().int().min(1).max(24).default(1),
  days: z.coerce.number().int().min(1).max(28).default(7),
});

export interface VolumeAnswer {
  current: VolumeWindow;
  /** The same clock window on each past day, yesterday first. */
  past: VolumeWindow[];
  /** Median of the past windows: one odd day (a past storm, a gap) does not move it. */
  baseline: number;
  /** current / baseline; null while there is no history to compare with. */
  ratio: number | null;
}

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
  @ApiQuery({ name: 'hours', required: false, description: 'window length, 1–24 (default 1)' })
  @ApiQuery({ name: 'days', required: false, description: 'past days to compare with, 1–28 (default 7)' })
  async get(@Query(new ZodValidationPipe(VolumeQuery)) q: z.infer<typeof VolumeQuery>): Promise<VolumeAnswer> {
    return compareToBaseline(await this.volume.windows(this.clock.now(), q.hours, q.days));
  }
}
