import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@vigil/common';
import { SourceStateReader } from '@vigil/search';
import { Authenticated } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { GapListDto, GapsQueryDto, SourceListDto } from './sources.dto';

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
  @ApiResult(SourceListDto)
  async list() {
    return { sources: await this.sources.health(this.clock.now()) };
  }

  @Get('gaps')
  @ApiOperation({ summary: 'Coverage gaps of every source overlapping [from, to]: stretches in which posts may be missing (failed polls, paging limits)' })
  @ApiResult(GapListDto)
  async gaps(@Query() q: GapsQueryDto) {
    return { gaps: await this.sources.gapsBetween(q.from, q.to) };
  }
}
