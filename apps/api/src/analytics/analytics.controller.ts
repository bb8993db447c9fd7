import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { rollUpPlaces } from '@vigil/analysis';
import { Clock } from '@vigil/common';
import { MentionAnalyticsReader, TicketAnalyticsReader } from '@vigil/search';
import { Authenticated } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import {
  DimensionValuesDto,
  MentionOverviewDto,
  MentionOverviewQueryDto,
  TicketKpiQueryDto,
  TicketKpiReportDto,
  TicketsBehindDto,
  TicketsBehindQueryDto,
} from './analytics.dto';

/** Ticket and post figures for the analytics page (definitions: docs/analytics.md). */
@ApiTags('analytics')
@Authenticated()
@Controller('api/analytics')
export class AnalyticsController {
  constructor(
    private readonly tickets: TicketAnalyticsReader,
    private readonly mentions: MentionAnalyticsReader,
    private readonly clock: Clock,
  ) {}

  @Get('tickets')
  @ApiOperation({ summary: 'Ticket figures for a period beside the period before: volume, times (median, p90), SLA per level and target, FCR, CSAT, repeat, reopen, escalations, backlog by age; a trend and groups' })
  @ApiResult(TicketKpiReportDto)
  kpis(@Query() q: TicketKpiQueryDto) {
    const { groupBy, interval, ...filter } = q;
    return this.tickets.kpis(filter, { groupBy, interval, asOf: this.clock.now() });
  }

  @Get('tickets/behind')
  @ApiOperation({ summary: 'The tickets behind one figure (or one part of it), a page at a time, each with its value' })
  @ApiResult(TicketsBehindDto)
  behind(@Query() q: TicketsBehindQueryDto) {
    return this.tickets.ticketsBehind(q, this.clock.now());
  }

  @Get('dimensions')
  @ApiOperation({ summary: 'The watches, teams, levels, categories and channels stored tickets carry (for filter lists)' })
  @ApiResult(DimensionValuesDto)
  dimensions() {
    return this.tickets.dimensionValues();
  }

  @Get('mentions')
  @ApiOperation({ summary: 'Negative posts by place (rolled up to provinces and countries), hot words against the period before, share of voice and sentiment per watch' })
  @ApiResult(MentionOverviewDto)
  async overview(@Query() q: MentionOverviewQueryDto) {
    const o = await this.mentions.overview(q);
    return { ...o, regions: rollUpPlaces(o.places) };
  }
}
