import { BadRequestException, Body, ConflictException, Controller, Delete, Get, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserView } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { ApiResult, ApiResultList } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { Authenticated, CurrentPrincipal, Roles } from './auth.decorators';
import { ApiKeyViewDto, CreateApiKeyBodyDto, CreatedApiKeyDto, CreatedUserDto, CreateUserBodyDto, DeletedUserDto, KeyRef, RevokedApiKeyDto, UpdateUserBodyDto, UserViewDto } from './auth.dto';
import { Username } from './create-user.usecase';
import { KeyAdminUseCase } from './key-admin.usecase';
import type { Principal } from './roles';
import { UserAdminUseCase, type AdminResult } from './user-admin.usecase';
import { UsersRepository } from './users.repository';

function check(r: AdminResult): void {
  if (r.ok) return;
  if (r.reason === 'not_found') throw new NotFoundException(r.message);
  throw new ConflictException(r.message);
}

@ApiTags('users')
@Authenticated()
@Roles('admin')
@Controller('api')
export class UsersController {
  constructor(
    private readonly users: UsersRepository,
    private readonly admin: UserAdminUseCase,
    private readonly keys: KeyAdminUseCase,
    private readonly clock: Clock,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'Users, their roles and whether they are disabled (admin)' })
  @ApiResultList(UserViewDto)
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post('users')
  @ApiOperation({ summary: 'Add a user (admin); without a password one is generated and returned once' })
  @ApiResult(CreatedUserDto, { status: 201 })
  async create(@Body() body: CreateUserBodyDto, @CurrentPrincipal() p: Principal) {
    const r = await this.admin.create(body, p.name, this.clock.now());
    if (!r.ok) throw new ConflictException(`user ${body.username} exists`);
    return r;
  }

  @Patch('users/:username')
  @ApiOperation({ summary: 'Disable or enable a user, or change their role (admin). What they hold (tokens, sessions, sockets) stops working; the last admin and yourself are refused (409)' })
  @ApiResult(UserViewDto)
  async update(@Param('username', new ZodValidationPipe(Username)) username: string, @Body() body: UpdateUserBodyDto, @CurrentPrincipal() p: Principal): Promise<UserView> {
    const now = this.clock.now();
    if (body.role !== undefined) check(await this.admin.setRole(username, body.role, p.name, now));
    if (body.disabled !== undefined) check(await this.admin.setDisabled(username, body.disabled, p.name, now));
    const user = await this.users.find(username);
    if (!user) throw new NotFoundException(`no user "${username}"`);
    const { passwordHash: _hidden, ...view } = user;
    return view;
  }

  @Delete('users/:username')
  @ApiOperation({ summary: 'Delete a user (admin); what they hold stops working; the last admin and yourself are refused (409)' })
  @ApiResult(DeletedUserDto)
  async remove(@Param('username', new ZodValidationPipe(Username)) username: string, @CurrentPrincipal() p: Principal): Promise<{ username: string; deleted: true }> {
    check(await this.admin.remove(username, p.name, this.clock.now()));
    return { username, deleted: true };
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'API keys (never the keys themselves): id, name, role, hint, who made it, revoked (admin)' })
  @ApiResultList(ApiKeyViewDto)
  listKeys() {
    return this.keys.list();
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a machine (admin); the key is shown once, send it as X-API-Key' })
  @ApiResult(CreatedApiKeyDto, { status: 201 })
  createKey(@Body() body: CreateApiKeyBodyDto, @CurrentPrincipal() p: Principal) {
    return this.keys.create(body.name, body.role, p.name, this.clock.now());
  }

  @Delete('api-keys/:id')
  @ApiOperation({ summary: 'Revoke an API key by its id (or an unambiguous start of it); it fails from its next request (admin)' })
  @ApiResult(RevokedApiKeyDto)
  async revokeKey(@Param('id', new ZodValidationPipe(KeyRef)) id: string, @CurrentPrincipal() p: Principal): Promise<{ id: string; name: string; revoked: true }> {
    const r = await this.keys.revoke(id, p.name, this.clock.now());
    if (!r.ok) throw r.message.startsWith('no API key') ? new NotFoundException(r.message) : new BadRequestException(r.message);
    return { id: r.id, name: r.name, revoked: true };
  }
}
