import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TicketsReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { FollowUpQueryDto, TicketListDto } from './tickets.dto';

/** 回访队列: resolved tickets whose follow-up is not recorded yet; the dashboard marks due and overdue. */
@ApiTags('tickets')
@Authenticated()
@Controller('api/follow-ups')
export class FollowUpsController {
  constructor(private readonly tickets: TicketsReader) {}

  @Get()
  @ApiOperation({ summary: 'Follow-ups (回访) not recorded yet, soonest due first; scope=mine: assigned to you' })
  @ApiResult(TicketListDto)
  list(@Query() q: FollowUpQueryDto, @CurrentPrincipal() p: Principal) {
    return this.tickets.listFollowUps({ size: q.size, ...(q.scope === 'mine' && { assignee: p.name }) });
  }
}
