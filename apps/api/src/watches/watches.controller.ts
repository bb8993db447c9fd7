import { BadRequestException, Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { WatchConfig, WatchId } from '@vigil/contracts';
import { TAXONOMY_PRESETS } from '@vigil/analysis';
import { checkRule } from '@vigil/watch';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { PreviewWatchBody, PreviewWatchUseCase } from './preview-watch.usecase';
import { SaveWatchUseCase, type SaveResult } from './save-watch.usecase';
import { WatchesRepository } from './watches.repository';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });
const ListQuery = z.object({ includeDeleted: z.enum(['true', 'false']).optional() });
const RuleBody = z.object({ rule: z.string().max(1000) });
const watchSchema = () => {
  const { $schema: _, ...schema } = z.toJSONSchema(WatchConfig, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return schema;
};

function unwrap(r: SaveResult) {
  if (r.ok) return { watch: r.watch, warnings: r.warnings };
  const body = { statusCode: r.status, message: r.message, issues: r.issues ?? [] };
  if (r.status === 400) throw new BadRequestException(body);
  if (r.status === 404) throw new NotFoundException(body);
  throw new ConflictException(body);
}

/** Watches (监测方案): everyone signed in reads them, admins change them, analysts preview them. */
@ApiTags('watches')
@Authenticated()
@Controller('api/watches')
export class WatchesController {
  constructor(
    private readonly repo: WatchesRepository,
    private readonly save: SaveWatchUseCase,
    private readonly previewer: PreviewWatchUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The watches, by id; deleted ones too with includeDeleted=true (mentions keep their ids)' })
  @ApiQuery({ name: 'includeDeleted', required: false, enum: ['true', 'false'] })
  async list(@Query(new ZodValidationPipe(ListQuery)) q: z.infer<typeof ListQuery>) {
    const { watches } = await this.repo.reader.list({ includeDeleted: q.includeDeleted === 'true' });
    return { watches };
  }

  @Get('taxonomy-presets')
  @ApiOperation({ summary: 'Ready-made complaint taxonomies a watch can start from (default: retail and delivery; airline)' })
  presets() {
    return { presets: Object.entries(TAXONOMY_PRESETS).map(([id, p]) => ({ id, name: p.name, categories: p.categories })) };
  }

  @Post('check-rule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Parse one rule as it is typed: ok, or the error and its position (0-based character)' })
  @ApiBody({ schema: { type: 'object', properties: { rule: { type: 'string' } }, required: ['rule'] } })
  checkRule(@Body(new ZodValidationPipe(RuleBody)) body: z.infer<typeof RuleBody>) {
    const r = checkRule(body.rule);
    return r.ok ? { ok: true } : { ok: false, error: r.error, reason: r.reason, position: r.position };
  }

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validate a whole watch without saving it: schema errors by field, rule errors with their position, warnings' })
  @ApiBody({ schema: watchSchema() })
  validate(@Body() body: unknown) {
    return this.save.check(body);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: 'How many posts of the last days (7 by default) the watch would have matched, and examples, before saving it' })
  @ApiBody({ schema: { type: 'object', properties: { watch: watchSchema(), days: { type: 'integer', minimum: 1, maximum: 90 }, examples: { type: 'integer', minimum: 0, maximum: 50 } }, required: ['watch'] } })
  async preview(@Body(new ZodValidationPipe(PreviewWatchBody)) body: PreviewWatchBody) {
    const r = await this.previewer.execute(body);
    if (!r.ok) throw new BadRequestException({ statusCode: 400, message: 'invalid watch', issues: r.issues });
    return r.preview;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One watch (deleted ones too)' })
  async get(@Param('id', new ZodValidationPipe(WatchId)) id: string) {
    const w = await this.repo.reader.get(id);
    if (!w) throw new NotFoundException(`no watch "${id}"`);
    return w;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of a watch, newest first: who, when, which fields, the document after' })
  async history(@Param('id', new ZodValidationPipe(WatchId)) id: string) {
    return { history: await this.repo.history.history('watch', id) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a watch (admin); rules are checked and an error names its position' })
  @ApiBody({ schema: watchSchema() })
  async create(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.create(body, p.name));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace a watch (admin); pass ?version= the version you edited, a later change by someone else is a 409' })
  @ApiQuery({ name: 'version', required: false })
  @ApiBody({ schema: watchSchema() })
  async update(@Param('id', new ZodValidationPipe(WatchId)) id: string, @Query(new ZodValidationPipe(VersionQuery)) q: z.infer<typeof VersionQuery>, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.update(id, body, q.version, p.name));
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a watch (admin): it stops matching; mentions keep its id and stay searchable by it; it can be restored' })
  @ApiQuery({ name: 'version', required: false })
  async remove(@Param('id', new ZodValidationPipe(WatchId)) id: string, @Query(new ZodValidationPipe(VersionQuery)) q: z.infer<typeof VersionQuery>, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.delete(id, q.version, p.name));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Restore a deleted watch (admin)' })
  async restore(@Param('id', new ZodValidationPipe(WatchId)) id: string, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.restore(id, p.name));
  }
}
