import type { z } from 'zod';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { createLogger } from '@vigil/common';
import type { EnrichedMention } from '@vigil/contracts';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { MENTION_IDS_MAX, MentionIdsQuery } from './mention-ids.dto';
import { MentionExportQuery, MentionSearchQuery } from './mention-search.dto';
import { CSV_COLUMNS, csvRow } from './mentions-csv';
import { MentionsRepository, type MentionSearchResult } from './mentions.repository';

const FILTER_DOCS = [
  { name: 'q', description: 'words or a phrase, Chinese or English (no query syntax)' },
  { name: 'from', description: 'ISO date or date-time, inclusive' },
  { name: 'to', description: 'ISO date or date-time, inclusive' },
  { name: 'language', description: 'zh, en, mixed, other (comma-separated)' },
  { name: 'sourceId' },
  { name: 'channel' },
  { name: 'sentiment', description: 'negative, neutral, positive' },
  { name: 'category' },
  { name: 'place' },
  { name: 'riskCue' },
];
const ApiFilters = () => (target: object, key: string | symbol, d: PropertyDescriptor) => {
  for (const f of FILTER_DOCS) ApiQuery({ ...f, required: false })(target, key, d);
};

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
  @ApiFilters()
  @ApiQuery({ name: 'page', required: false, description: '1-based' })
  @ApiQuery({ name: 'size', required: false, description: '0–100' })
  @ApiQuery({ name: 'sort', required: false, enum: ['newest', 'oldest', 'relevance'] })
  @ApiQuery({ name: 'tz', required: false, description: 'time zone of the per-day / per-hour buckets' })
  @ApiQuery({ name: 'interval', required: false, enum: ['hour', 'day'], description: 'bucket of the sentiment timeline' })
  search(@Query(new ZodValidationPipe(MentionSearchQuery)) query: z.infer<typeof MentionSearchQuery>): Promise<MentionSearchResult> {
    return this.mentions.search(query);
  }

  @Get('by-ids')
  @ApiOperation({ summary: `Mentions by id (a cluster's sample posts, a ticket's evidence), in the order asked for, PII already masked; ids not found are listed in \`missing\`` })
  @ApiQuery({ name: 'ids', required: true, description: `comma-separated mention ids (32 hex characters), at most ${MENTION_IDS_MAX}` })
  byIds(@Query(new ZodValidationPipe(MentionIdsQuery)) query: z.infer<typeof MentionIdsQuery>): Promise<{ mentions: EnrichedMention[]; missing: string[] }> {
    return this.mentions.byIds(query.ids);
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'The matches of a search as CSV, streamed newest first, at most API_EXPORT_MAX_ROWS rows' })
  @ApiProduces('text/csv')
  @ApiFilters()
  @ApiQuery({ name: 'limit', required: false, description: 'rows at most (capped by the server)' })
  async export(@Query(new ZodValidationPipe(MentionExportQuery)) query: z.infer<typeof MentionExportQuery>, @Res() res: ServerResponse, @CurrentPrincipal() p: Principal): Promise<void> {
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
