import { BadRequestException, Body, ConflictException, Controller, Delete, Get, GatewayTimeoutException, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ConfigHistoryReader, SourcesReader, SourceStateReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ConfigNoteBodyDto } from '../watches/watches.dto';
import { ListSourcesUseCase } from './list-sources.usecase';
import { SaveSourceUseCase, type SourceSaveResult } from './save-source.usecase';
import { keepMaskedSecrets, maskSecrets } from './source-form';
import { SourceTestsClient, TEST_FETCH_TIMEOUT_MS } from './source-tests.client';
import {
  GapListDto, GapsQueryDto, SourceFormCheckDto, SourceFormDto, SourceHistoryDto, SourceListDto, SourceListQueryDto, SourceSavedDto, SourceTestResultDto, SourceVersionQueryDto,
} from './sources.dto';

const SourceId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a source id');

function unwrap(r: SourceSaveResult) {
  if (r.ok) return { source: { ...r.source, config: maskSecrets(r.source.config) } };
  const body = { statusCode: r.status, message: r.message, issues: r.issues ?? [] };
  if (r.status === 400) throw new BadRequestException(body);
  if (r.status === 404) throw new NotFoundException(body);
  throw new ConflictException(body);
}

/**
 * Sources: everyone signed in sees them and their health; admins add, edit, pause, delete and
 * test them. Forms are checked by the use case as the collector will read them (placeholders
 * stand for their values), so their errors name the field.
 */
@ApiTags('sources')
@Authenticated()
@Controller('api/sources')
export class SourcesController {
  constructor(
    private readonly listSources: ListSourcesUseCase,
    private readonly stored: SourcesReader,
    private readonly states: SourceStateReader,
    private readonly save: SaveSourceUseCase,
    private readonly tests: SourceTestsClient,
    private readonly history: ConfigHistoryReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Each source: its configuration as written (secrets masked), paused or not, and its health (ok, failing, stale, never-polled; last success and error, items in the last hour, lag, coverage gaps)' })
  @ApiResult(SourceListDto)
  async list(@Query() q: SourceListQueryDto) {
    return { sources: await this.listSources.execute({ includeDeleted: q.includeDeleted === 'true' }) };
  }

  @Get('gaps')
  @ApiOperation({ summary: 'Coverage gaps of every source overlapping [from, to]: stretches in which posts may be missing (failed polls, paging limits)' })
  @ApiResult(GapListDto)
  async gaps(@Query() q: GapsQueryDto) {
    return { gaps: await this.states.gapsBetween(q.from, q.to) };
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Check a source form without saving it (its fields, and the private-address guard)' })
  @ApiBody({ type: SourceFormDto })
  @ApiResult(SourceFormCheckDto)
  async validate(@Body() body: unknown) {
    const r = await this.save.check(body);
    return r.ok ? { ok: true, issues: [] } : { ok: false, issues: r.issues };
  }

  @Post('test')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Fetch a source once through the collector (its guard, limits and environment): the first items as they would be stored, or the exact error' })
  @ApiBody({ type: SourceFormDto })
  @ApiResult(SourceTestResultDto)
  async test(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    const checked = await this.save.check(body);
    if (!checked.ok) return { ok: false, error: checked.issues.map((i) => `${i.field}: ${i.message}`).join('; '), fetched: 0, items: [] };
    // A stored source's form comes back with masked secrets: the collector gets the real ones.
    const config = keepMaskedSecrets(checked.config, (await this.stored.get(checked.id))?.config);
    const r = await this.tests.request(config, p.name);
    if (!r) throw new GatewayTimeoutException(`the collector did not answer within ${TEST_FETCH_TIMEOUT_MS / 1000} s (is it running?)`);
    return r;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of a source, newest first: who, when, what changed (secrets masked)' })
  @ApiResult(SourceHistoryDto)
  async historyOf(@Param('id', new ZodValidationPipe(SourceId)) id: string) {
    const history = await this.history.history('source', id);
    return { history: history.map((h) => ({ ...h, snapshot: { ...h.snapshot, config: maskSecrets((h.snapshot.config ?? {}) as Record<string, unknown>) } })) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a source (admin); the collector polls it within seconds, no restart' })
  @ApiBody({ type: SourceFormDto })
  @ApiResult(SourceSavedDto, { status: 201 })
  async create(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.create(body, p.name));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a source (admin); ?version= the version edited (409 if changed since); masked secrets sent back are kept' })
  @ApiBody({ type: SourceFormDto })
  @ApiResult(SourceSavedDto)
  async update(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query() q: SourceVersionQueryDto, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.update(id, body, q.version, p.name));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Pause a source (admin): the collector stops polling it' })
  @ApiResult(SourceSavedDto)
  async pause(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query() q: SourceVersionQueryDto, @Body() body: ConfigNoteBodyDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.setEnabled(id, false, q.version, p.name, body.note));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Resume a paused source (admin)' })
  @ApiResult(SourceSavedDto)
  async resume(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query() q: SourceVersionQueryDto, @Body() body: ConfigNoteBodyDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.setEnabled(id, true, q.version, p.name, body.note));
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a source (admin): no longer polled; its mentions and history stay; it can be restored' })
  @ApiResult(SourceSavedDto)
  async remove(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query() q: SourceVersionQueryDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.delete(id, q.version, p.name));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Restore a deleted source (admin)' })
  @ApiResult(SourceSavedDto)
  async restore(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Body() body: ConfigNoteBodyDto, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.restore(id, p.name, body.note));
  }
}
