import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { createLogger } from '@vigil/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { MentionIdsQueryDto, MentionsByIdsDto } from './mention-ids.dto';
import { MentionExportQueryDto, MentionSearchQueryDto, MentionSearchResultDto } from './mention-search.dto';
import { CSV_COLUMNS, csvRow } from './mentions-csv';
import { MentionsRepository } from './mentions.repository';

@ApiTags('mentions')
@Authenticated()
@Roles('analyst')
@Controller('api/mentions')
export class MentionsController {
  private readonly logger = createLogger('api');

  constructor(
    private readonly mentions: MentionsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('search')
  @ApiOperation({ summary: 'Full-text search with filters, pagination and aggregations (sentiment timeline, channel share, categories, top terms, top places)' })
  @ApiResult(MentionSearchResultDto)
  search(@Query() query: MentionSearchQueryDto) {
    return this.mentions.search(query);
  }

  @Get('by-ids')
  @ApiOperation({ summary: `Mentions by id (a cluster's sample posts, a ticket's evidence), in the order asked for, PII already masked; ids not found are listed in \`missing\`` })
  @ApiResult(MentionsByIdsDto)
  byIds(@Query() query: MentionIdsQueryDto) {
    return this.mentions.byIds(query.ids);
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'The matches of a search as CSV, streamed newest first, at most API_EXPORT_MAX_ROWS rows' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'UTF-8 with a BOM, one row per mention', content: { 'text/csv': { schema: { type: 'string' } } } })
  async export(@Query() query: MentionExportQueryDto, @Res() res: ServerResponse, @CurrentPrincipal() p: Principal): Promise<void> {
    const limit = Math.min(query.limit ?? this.config.API_EXPORT_MAX_ROWS, this.config.API_EXPORT_MAX_ROWS);
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="vigil-mentions-${new Date().toISOString().slice(0, 10)}.csv"`);
    // A BOM so spreadsheet programs read the Chinese text as UTF-8.
    res.write(`\uFEFF${CSV_COLUMNS.join(',')}\n`);
    let rows = 0;
    try {
      for await (const page of this.mentions.scan(query, limit)) {
        rows += page.length;
        if (!res.write(page.map(csvRow).join('\n') + '\n')) await new Promise((r) => res.once('drain', r));
        if (res.destroyed) break;
      }
    } catch (e) {
      // Headers are gone already: end the body so the client sees a short file, and log why.
      this.logger.error({ err: (e as Error).message, rows }, 'CSV export failed part way');
    }
    this.logger.info({ actor: p.name, rows, limit }, 'CSV export');
    res.end();
  }
}
