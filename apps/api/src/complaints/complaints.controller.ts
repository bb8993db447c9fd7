import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { TicketId } from '@vigil/contracts';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult, ApiResultList } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ContactAnswerDto, ContactRequestDto, ContactViewDto } from './complaints.dto';
import { ContactViewsRepository } from './contact-views.repository';
import { ViewContactUseCase } from './view-contact.usecase';

@ApiTags('tickets')
@Authenticated()
@Controller('api/tickets')
export class ComplaintsController {
  constructor(
    private readonly viewContact: ViewContactUseCase,
    private readonly views: ContactViewsRepository,
  ) {}

  @Post(':id/contact')
  @HttpCode(200)
  @Roles('responder')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Open the complainant's sealed contact: only for the roles the plan allows (privacy.contactRoles, assignees); every attempt is recorded" })
  @ApiParam({ name: 'id', example: 'CR-2026-000001' })
  @ApiResult(ContactAnswerDto)
  contact(@Param('id', new ZodValidationPipe(TicketId)) id: string, @Body() body: ContactRequestDto, @CurrentPrincipal() p: Principal) {
    return this.viewContact.execute(id, p, body.reason);
  }

  @Get(':id/contact-views')
  @Roles('responder')
  @ApiOperation({ summary: "Who opened (or tried to open) this ticket's complainant contact, newest first" })
  @ApiParam({ name: 'id', example: 'CR-2026-000001' })
  @ApiResultList(ContactViewDto)
  contactViews(@Param('id', new ZodValidationPipe(TicketId)) id: string) {
    return this.views.list(id);
  }
}
