import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditReader } from '@vigil/search';
import { ApiResult } from '../openapi/api-result.decorator';
import { Authenticated, Roles } from './auth.decorators';
import { AuditPageDto, AuditQueryDto } from './auth.dto';

@ApiTags('users')
@Authenticated()
@Roles('admin')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  @Get()
  @ApiOperation({ summary: 'The audit log of sign-ins and admin actions, newest first (admin)' })
  @ApiResult(AuditPageDto)
  list(@Query() q: AuditQueryDto) {
    return this.audit.list(q);
  }
}
