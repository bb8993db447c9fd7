import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/auth.decorators';
import { SourcesRepository } from './sources.repository';

@ApiTags('sources')
@Authenticated()
@Controller('api/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesRepository) {}

  @Get()
  @ApiOperation({ summary: 'Each source the collector polls: last success, last error, error count' })
  async list() {
    return { sources: await this.sources.list() };
  }
}
