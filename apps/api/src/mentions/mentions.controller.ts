import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { MentionSearchQuery } from './mention-search.dto';
import { MentionsRepository, type MentionSearchResult } from './mentions.repository';

@ApiTags('mentions')
@Controller('api/mentions')
export class MentionsController {
  constructor(private readonly mentions: MentionsRepository) {}

  @Get('search')
  @ApiOperation({ summary: 'Full-text search over mentions with filters, pagination and per-day / per-source counts' })
  @ApiQuery({ name: 'q', required: false, description: 'words or a phrase, Chinese or English (no query syntax)' })
  @ApiQuery({ name: 'from', required: false, description: 'ISO date or date-time, inclusive' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date or date-time, inclusive' })
  @ApiQuery({ name: 'language', required: false, description: 'zh, en, mixed, other (comma-separated)' })
  @ApiQuery({ name: 'sourceId', required: false })
  @ApiQuery({ name: 'channel', required: false })
  @ApiQuery({ name: 'sentiment', required: false, description: 'negative, neutral, positive' })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'place', required: false })
  @ApiQuery({ name: 'riskCue', required: false })
  @ApiQuery({ name: 'page', required: false, description: '1-based' })
  @ApiQuery({ name: 'size', required: false, description: '0–100' })
  @ApiQuery({ name: 'sort', required: false, enum: ['newest', 'oldest', 'relevance'] })
  @ApiQuery({ name: 'tz', required: false, description: 'time zone of the per-day buckets' })
  search(@Query(new ZodValidationPipe(MentionSearchQuery)) query: MentionSearchQuery): Promise<MentionSearchResult> {
    return this.mentions.search(query);
  }
}
