import { BadRequestException, Body, ConflictException, Controller, Delete, Get, GatewayTimeoutException, HttpCode, NotFoundException, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Clock } from '@vigil/common';
import { ConfigHistoryReader, SourcesReader, SourceStateReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { SaveSourceUseCase, type SourceSaveResult } from './save-source.usecase';
import { keepMaskedSecrets, maskSecrets } from './source-form';
import { SourceTestsClient, TEST_FETCH_TIMEOUT_MS } from './source-tests.client';
import { ListSourcesUseCase } from './list-sources.usecase';

const SourceId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'a source id');
const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });
const ListQuery = z.object({ includeDeleted: z.enum(['true', 'false']).optional() });
const Instant = z.iso.datetime({ offset: true });
const GapsQuery = z.object({ from: Instant, to: Instant }).refine((q) => Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['to'] });
const FORM_DOC = {
  description: 'a source as in the sources YAML: id, type (rss, appstore, googleplay, mastodon, json) and its fields; ${NAME} placeholders are filled by the collector',
  schema: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, type: { enum: ['rss', 'appstore', 'googleplay', 'mastodon', 'json'] } }, required: ['id', 'type'] },
};

function unwrap(r: SourceSaveResult) {
  if (r.ok) return { source: { ...r.source, config: maskSecrets(r.source.config) } };
  const body = { statusCode: r.status, message: r.message, issues: r.issues ?? [] };
  if (r.status === 400) throw new BadRequestException(body);
  if (r.status === 404) throw new NotFoundException(body);
  throw new ConflictException(body);
}

/** Sources: everyone signed in sees them and their health; admins add, edit, pause, delete and test them. */
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
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Each source: its configuration as written (secrets masked), paused or not, and its health (ok, failing, stale, never-polled; last success and error, items in the last hour, lag, coverage gaps)' })
  @ApiQuery({ name: 'includeDeleted', required: false, enum: ['true', 'false'] })
  async list(@Query(new ZodValidationPipe(ListQuery)) q: z.infer<typeof ListQuery>) {
    return { sources: await this.listSources.execute({ includeDeleted: q.includeDeleted === 'true' }) };
  }

  @Get('gaps')
  @ApiOperation({ summary: 'Coverage gaps of every source overlapping [from, to]: stretches in which posts may be missing (failed polls, paging limits)' })
  @ApiQuery({ name: 'from', example: '2026-11-23T08:00:00Z' })
  @ApiQuery({ name: 'to', example: '2026-11-23T20:00:00Z' })
  async gaps(@Query(new ZodValidationPipe(GapsQuery)) q: z.infer<typeof GapsQuery>) {
    return { gaps: await this.states.gapsBetween(q.from, q.to) };
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Check a source form without saving it (fields, and the private-address guard)' })
  @ApiBody(FORM_DOC)
  async validate(@Body() body: unknown) {
    const r = await this.save.check(body);
    return r.ok ? { ok: true, issues: [] } : { ok: false, issues: r.issues };
  }

  @Post('test')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Fetch a source once through the collector (its guard, limits and environment): the first items as they would be stored, or the exact error' })
  @ApiBody(FORM_DOC)
  async test(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    const checked = await this.save.check(body);
    if (!checked.ok) return { ok: false, error: checked.issues.map((i) => `${i.path}: ${i.message}`).join('; '), fetched: 0, items: [] };
    // A stored source's form comes back with masked secrets: the collector gets the real ones.
    const config = keepMaskedSecrets(checked.config, (await this.stored.get(checked.id))?.config);
    const r = await this.tests.request(config, p.name);
    if (!r) throw new GatewayTimeoutException(`the collector did not answer within ${TEST_FETCH_TIMEOUT_MS / 1000} s (is it running?)`);
    return r;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every version of a source, newest first: who, when, what changed' })
  async historyOf(@Param('id', new ZodValidationPipe(SourceId)) id: string) {
    const history = await this.history.history('source', id);
    return { history: history.map((h) => ({ ...h, snapshot: { ...h.snapshot, config: maskSecrets((h.snapshot.config ?? {}) as Record<string, unknown>) } })) };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a source (admin); the collector polls it within seconds, no restart' })
  @ApiBody(FORM_DOC)
  async create(@Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.create(body, p.name));
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a source (admin); ?version= the version edited (409 if changed since); masked secrets sent back are kept' })
  @ApiQuery({ name: 'version', required: false })
  @ApiBody(FORM_DOC)
  async update(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query(new ZodValidationPipe(VersionQuery)) q: z.infer<typeof VersionQuery>, @Body() body: unknown, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.update(id, body, q.version, p.name));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Pause a source (admin): the collector stops polling it' })
  async pause(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query(new ZodValidationPipe(VersionQuery)) q: z.infer<typeof VersionQuery>, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.setEnabled(id, false, q.version, p.name));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Resume a paused source (admin)' })
  async resume(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query(new ZodValidationPipe(VersionQuery)) q: z.infer<typeof VersionQuery>, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.setEnabled(id, true, q.version, p.name));
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a source (admin): no longer polled; its mentions and history stay; it can be restored' })
  @ApiQuery({ name: 'version', required: false })
  async remove(@Param('id', new ZodValidationPipe(SourceId)) id: string, @Query(new ZodValidationPipe(VersionQuery)) q: z.infer<typeof VersionQuery>, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.delete(id, q.version, p.name));
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Restore a deleted source (admin)' })
  async restore(@Param('id', new ZodValidationPipe(SourceId)) id: string, @CurrentPrincipal() p: Principal) {
    return unwrap(await this.save.restore(id, p.name));
  }
}
