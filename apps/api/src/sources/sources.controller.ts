import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Clock } from '@vigil/common';
import { SourceStateReader } from '@vigil/search';
import { Authenticated } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../zod-validation.pipe';

const Instant = z.iso.datetime({ offset: true });
const GapsQuery = z.object({ from: Instant, to: Instant }).refine((q) => Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['to'] });

@ApiTags('sources')
@Authenticated()
@Controller('api/sources')
export class SourcesController {
  constructor(
    private readonly sources: SourceStateReader,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Each source the collector polls: status (ok, failing, stale, never-polled), last success and error, items in the last hour, lag, coverage gaps' })
  async list() {
    return { sources: await this.sources.health(this.clock.now()) };
  }

  @Get('gaps')
  @ApiOperation({ summary: 'Coverage gaps of every source overlapping [from, to]: stretches in which posts may be missing (failed polls, paging limits)' })
  @ApiQuery({ name: 'from', example: '2026-11-23T08:00:00Z' })
  @ApiQuery({ name: 'to', example: '2026-11-23T20:00:00Z' })
  async gaps(@Query(new ZodValidationPipe(GapsQuery)) q: z.infer<typeof GapsQuery>) {
    return { gaps: await this.sources.gapsBetween(q.from, q.to) };
  }
}
