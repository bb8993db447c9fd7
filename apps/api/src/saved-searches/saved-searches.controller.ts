import { randomUUID } from 'node:crypto';
import { Body, ConflictException, Controller, Delete, Get, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@vigil/common';
import { SAVED_SEARCH_CAP } from '@vigil/contracts';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult, ApiResultList } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { SavedSearchDeletedDto, SavedSearchDto, SavedSearchId, SaveSearchBodyDto } from './saved-searches.dto';
import { SavedSearchesRepository } from './saved-searches.repository';

/** A person's saved searches (the search page's filters under a name); each sees only their own. */
@ApiTags('mentions')
@Authenticated()
@Roles('analyst')
@Controller('api/saved-searches')
export class SavedSearchesController {
  constructor(
    private readonly saved: SavedSearchesRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in person’s saved searches, newest first' })
  @ApiResultList(SavedSearchDto)
  list(@CurrentPrincipal() p: Principal) {
    return this.saved.listFor(p.name);
  }

  @Post()
  @ApiOperation({ summary: `Save the search page's filters under a name (at most ${SAVED_SEARCH_CAP} per person)` })
  @ApiResult(SavedSearchDto, { status: 201 })
  async create(@Body() body: SaveSearchBodyDto, @CurrentPrincipal() p: Principal) {
    if ((await this.saved.listFor(p.name)).length >= SAVED_SEARCH_CAP) throw new ConflictException(`at most ${SAVED_SEARCH_CAP} saved searches per person: delete one first`);
    const s = { id: randomUUID(), owner: p.name, name: body.name, query: body.query, createdAt: this.clock.now().toISOString() };
    await this.saved.create(s);
    return s;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete one of your saved searches (404 for another person’s)' })
  @ApiResult(SavedSearchDeletedDto)
  async remove(@Param('id', new ZodValidationPipe(SavedSearchId)) id: string, @CurrentPrincipal() p: Principal) {
    if (!(await this.saved.delete(p.name, id))) throw new NotFoundException(`no saved search ${id} of yours`);
    return { id, deleted: true as const };
  }
}
