import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { RequestTicketActionUseCase } from './request-ticket-action.usecase';
import { ActionAcceptedDto, TicketActionBody, TicketActionBodyDto, TicketDetailDto, TicketIdParam, TicketListDto, TicketListQueryDto } from './tickets.dto';
import { TicketEventsReader, TicketsReader } from '@vigil/search';

@ApiTags('tickets')
@Authenticated()
@Controller('api/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsReader,
    private readonly events: TicketEventsReader,
    private readonly requestAction: RequestTicketActionUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Crisis tickets, newest first (empty until the responder has opened one)' })
  @ApiResult(TicketListDto)
  list(@Query() q: TicketListQueryDto) {
    return this.tickets.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket with its audit trail' })
  @ApiParam({ name: 'id', example: 'CR-2026-000001' })
  @ApiResult(TicketDetailDto)
  async get(@Param('id', new ZodValidationPipe(TicketIdParam)) id: string) {
    const [ticket, events] = await Promise.all([this.tickets.find(id), this.events.list(id, { order: 'time' })]);
    if (!ticket) throw new NotFoundException(`no ticket ${id}`);
    return { ticket, events };
  }

  @Post(':id/actions')
  @HttpCode(202)
  @Roles('responder')
  @ApiOperation({ summary: 'Ask the responder to act on a ticket (acknowledge, assign, comment, …); 202 with the requestId, the outcome arrives live as a ticket event' })
  @ApiParam({ name: 'id', example: 'CR-2026-000001' })
  @ApiBody({ type: TicketActionBodyDto })
  @ApiResult(ActionAcceptedDto, { status: 202 })
  act(@Param('id', new ZodValidationPipe(TicketIdParam)) id: string, @Body(new ZodValidationPipe(TicketActionBody)) body: TicketActionBody, @CurrentPrincipal() p: Principal) {
    return this.requestAction.execute(id, body, p);
  }
}
