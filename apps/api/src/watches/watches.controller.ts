import { BadRequestException, Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WatchId } from '@vigil/contracts';
import { TAXONOMY_PRESETS } from '@vigil/analysis';
import { checkRule } from '@vigil/watch';
import { ConfigHistoryReader, WatchesReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { PreviewWatchUseCase } from './preview-watch.usecase';
import { SaveWatchUseCase, type SaveResult } from './save-watch.usecase';
import {
  CheckRuleBodyDto, ConfigNoteBodyDto, PreviewWatchBodyDto, RuleCheckDto, TaxonomyPresetsDto, WatchConfigDto, WatchDocDto, WatchHistoryDto, WatchListDto,
  WatchListQueryDto, WatchPreviewDto, WatchSavedDto, WatchValidationDto, WatchVersionQueryDto,
} from './watches.dto';

function unwrap(r: SaveResult) {
  if (r.ok) return { watch: r.watch, warnings: r.warnings };
  const body = { statusCode: r.status, message: r.message, issues: r.issues ?? [] };
  if (r.status === 400) throw new BadRequestException(body);
  if (r.status === 404) throw new NotFoundException(body);
  throw new ConflictException(body);
}

/**
 * Watches (监测方案): everyone signed in reads them, admins change them, analysts preview them
 * (a preview shows posts). Bodies of saves are checked by the use case, not the global pipe, so
 * a bad rule is answered with its field and character (`issues: [{ field, message, position }]`).
 */
@ApiTags('watches')
@Authenticated()
@Controller('api/watches')
export class WatchesController {
  constructor(
    private readonly watches: WatchesReader,
    private readonly history: ConfigHistoryReader,
    private readonly save: SaveWatchUseCase,
    private readonly previewer: PreviewWatchUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The watches, by id; deleted ones too with includeDeleted=true (mentions keep their ids)' })
  @ApiResult(WatchListDto)
  async list(@Query() q: WatchListQueryDto) {
    return { watches: (await this.watches.list({ includeDeleted: q.includeDeleted === 'true' })).watches };
  }

  @Get('taxonomy-presets')
  @ApiOperation({ summary: 'Ready-made complaint taxonomies a watch can start from (default: retail and delivery; airline)' })
  @ApiResult(TaxonomyPresetsDto)
  presets() {
    return { presets: Object.entries(TAXONOMY_PRESETS).map(([id, p]) => ({ id, name: p.name, categories: p.categories.map((c) => ({ id: c.id, name: c.name ?? { zh: c.id, en: c.id }, keywords: c.keywords, examples: c.examples ?? [] })) })) };
  }

  @Post('check-rule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Parse one rule as it is typed: ok, or the error and its position (0-based character)' })
  @ApiResult(RuleCheckDto)
  checkRule(@Body() body: CheckRuleBodyDto) {
    const r = checkRule(body.rule);
    return r.ok ? { ok: true } : { ok: false, error: r.error, reason: r.reason, position: r.position };
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a whole watch without saving it: field errors, rule errors with their position, warnings' })
  @ApiBody({ type: WatchConfigDto })
  @ApiResult(WatchValidationDto)
  validate(@Body() body: unknown) {
    return this.save.check(body);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: 'How many posts of the last days (7 by default) the watch would have matched, and examples, before saving it' })
  @ApiResult(WatchPreviewDto)
  async preview(@Body() body: PreviewWatchBodyDto) {
    const r = await this.previewer.execute(body);
    if (!r.ok) throw new BadRequestException({ statusCode: 400, message: 'invalid watch', issues: r.issues });
    return r.preview;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One watch (deleted ones too)' })
  @ApiResult(WatchDocDto)
  async get(@Param('id', new ZodValidationPipe(WatchId)) id: string) {
    const w = await this.watches.get(id);
    if (!w) throw new NotFoundException(`no watch "${id}"`);
    return w;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of a watch, newest first: who, when, which fields, the document after' })
  @ApiResult(WatchHistoryDto)
  async historyOf(@Param('id', new ZodValidationPipe(WatchId)) id: string) {
    return { history: await this.history.history('watch', id) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a watch (admin); a bad rule is refused with its position' })
  @ApiBody({ type: WatchConfigDto })
  @ApiResult(WatchSavedDto, { status: 201 })
  async create(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.create(body, p.name));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace a watch (admin); ?version= the version you edited, a later change by someone else is a 409' })
  @ApiBody({ type: WatchConfigDto })
  @ApiResult(WatchSavedDto)
  async update(@Param('id', new ZodValidationPipe(WatchId)) id: string, @Query() q: WatchVersionQueryDto, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.update(id, body, q.version, p.name));
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a watch (admin): it stops matching; mentions keep its id and stay searchable by it; it can be restored' })
  @ApiResult(WatchSavedDto)
  async remove(@Param('id', new ZodValidationPipe(WatchId)) id: string, @Query() q: WatchVersionQueryDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.delete(id, q.version, p.name));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Restore a deleted watch (admin)' })
  @ApiResult(WatchSavedDto)
  async restore(@Param('id', new ZodValidationPipe(WatchId)) id: string, @Body() body: ConfigNoteBodyDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.restore(id, p.name, body.note));
  }
}
