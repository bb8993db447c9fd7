import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { summarize } from '@vigil/analysis';
import { IncidentReader, type IncidentFacts } from '@vigil/search';
import { Authenticated, Roles } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { TicketIdParam } from '../tickets/tickets.dto';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ClusterIdParam, IncidentQueryDto, IncidentViewDto } from './incidents.dto';

/** The incident view of a cluster or a ticket: first post, spread, top authors, related clusters, a summary. */
@ApiTags('incidents')
@Authenticated()
// Excerpts of posts and their authors: the same role as post text in search.
@Roles('analyst')
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentReader) {}

  @Get('cluster/:id')
  @ApiOperation({ summary: 'A cluster as an incident: first post and publisher, spread over time by channel, top authors by reach, related clusters, a summary of its posts' })
  @ApiParam({ name: 'id' })
  @ApiResult(IncidentViewDto)
  async cluster(@Param('id', new ZodValidationPipe(ClusterIdParam)) id: string, @Query() q: IncidentQueryDto) {
    return view(await this.incidents.ofCluster(id), `no cluster ${id}`, q.lang);
  }

  @Get('ticket/:id')
  @ApiOperation({ summary: 'A ticket as an incident, from its evidence posts and its cluster' })
  @ApiParam({ name: 'id', example: 'CR-2026-000001' })
  @ApiResult(IncidentViewDto)
  async ticket(@Param('id', new ZodValidationPipe(TicketIdParam)) id: string, @Query() q: IncidentQueryDto) {
    return view(await this.incidents.ofTicket(id), `no ticket ${id}`, q.lang);
  }
}

function view(facts: IncidentFacts | undefined, missing: string, lang: 'zh' | 'en') {
  if (!facts) throw new NotFoundException(missing);
  const { texts, ...rest } = facts;
  return { ...rest, summary: summarize(texts, lang) };
}
