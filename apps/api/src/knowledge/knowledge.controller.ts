import { BadRequestException, Body, ConflictException, Controller, Delete, ForbiddenException, Get, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { KnowledgeEntryId } from '@vigil/contracts';
import { rankKnowledge } from '@vigil/plan';
import { ConfigHistoryReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { KnowledgeRepository } from './knowledge.repository';
import { SaveKnowledgeUseCase, type SaveKnowledgeResult } from './save-knowledge.usecase';
import { SuggestKnowledgeUseCase } from './suggest-knowledge.usecase';
import {
  KnowledgeEntryDto, KnowledgeEntryInputDto, KnowledgeHistoryDto, KnowledgeListDto, KnowledgeListQueryDto, KnowledgeSavedDto, KnowledgeVersionQueryDto, SuggestionsDto, SuggestQueryDto,
} from './knowledge.dto';

function unwrap(r: SaveKnowledgeResult) {
  if (r.ok) return { entry: r.entry };
  const body = { statusCode: r.status, message: r.message, issues: r.issues ?? [] };
  if (r.status === 400) throw new BadRequestException(body);
  if (r.status === 403) throw new ForbiddenException(body);
  if (r.status === 404) throw new NotFoundException(body);
  throw new ConflictException(body);
}

/**
 * The knowledge base (知识库 / 标准话术): responders read and use it, admins and the plan's leads
 * manage it. Saves are checked by the use case (not the global pipe), so an unknown placeholder is
 * answered with its field (`issues: [{ field, message }]`).
 */
@ApiTags('knowledge')
@Authenticated()
@Roles('responder')
@Controller('api/knowledge')
export class KnowledgeController {
  constructor(
    private readonly repo: KnowledgeRepository,
    private readonly history: ConfigHistoryReader,
    private readonly save: SaveKnowledgeUseCase,
    private readonly suggester: SuggestKnowledgeUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Entries by category, level, kind and keywords (in a language), best first, each with its usage count' })
  @ApiResult(KnowledgeListDto)
  async list(@Query() q: KnowledgeListQueryDto) {
    const [{ entries }, usage] = await Promise.all([this.repo.list(), this.repo.usage()]);
    const ranked = rankKnowledge(entries, { categories: q.category ? [q.category] : [], level: q.level, kind: q.kind, q: q.q, lang: q.lang, includeRetired: q.includeRetired === 'true' }, usage);
    return { entries: ranked.map((entry) => ({ entry, usage: usage[entry.id] ?? 0 })) };
  }

  @Get('suggest')
  @ApiOperation({ summary: "Entries for one ticket (its categories and level), previewed with the ticket's facts filled in; needsApproval: a lead must approve the remedy" })
  @ApiResult(SuggestionsDto)
  suggest(@Query() q: SuggestQueryDto, @CurrentPrincipal() p: Principal) {
    return this.suggester.execute(q, p);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One entry (retired ones too)' })
  @ApiResult(KnowledgeEntryDto)
  async get(@Param('id', new ZodValidationPipe(KnowledgeEntryId)) id: string) {
    const e = await this.repo.get(id);
    if (!e) throw new NotFoundException(`no knowledge entry "${id}"`);
    return e;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of an entry, newest first' })
  @ApiResult(KnowledgeHistoryDto)
  async historyOf(@Param('id', new ZodValidationPipe(KnowledgeEntryId)) id: string) {
    return { history: await this.history.history('knowledge', id) };
  }

  @Post()
  @ApiOperation({ summary: "Create an entry (admins and the plan's leads); an unknown placeholder or an authority below the plan's limit is a 400 naming the field" })
  @ApiBody({ type: KnowledgeEntryInputDto })
  @ApiResult(KnowledgeSavedDto, { status: 201 })
  async create(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.create(body, p));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace an entry (a new version); ?version= the version you edited, a later change by someone else is a 409' })
  @ApiBody({ type: KnowledgeEntryInputDto })
  @ApiResult(KnowledgeSavedDto)
  async update(@Param('id', new ZodValidationPipe(KnowledgeEntryId)) id: string, @Query() q: KnowledgeVersionQueryDto, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.update(id, body, q.version, p));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Retire an entry: no longer offered or usable; tickets that used it keep its id and version' })
  @ApiResult(KnowledgeSavedDto)
  async retire(@Param('id', new ZodValidationPipe(KnowledgeEntryId)) id: string, @Query() q: KnowledgeVersionQueryDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.retire(id, q.version, p));
  }
}
