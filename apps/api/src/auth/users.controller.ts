import { Body, ConflictException, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@vigil/common';
import { ApiResult, ApiResultList } from '../openapi/api-result.decorator';
import { Authenticated, CurrentPrincipal, Roles } from './auth.decorators';
import { CreateApiKeyBodyDto, CreatedApiKeyDto, CreatedUserDto, CreateUserBodyDto, UserViewDto } from './auth.dto';
import { createUser } from './create-user.usecase';
import { UsersRepository } from './users.repository';
import type { Principal } from './roles';

@ApiTags('users')
@Authenticated()
@Roles('admin')
@Controller('api')
export class UsersController {
  constructor(
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  @Get('users')
  @ApiOperation({ summary: 'Users and their roles (admin)' })
  @ApiResultList(UserViewDto)
  list() {
    return this.users.listUsers();
  }

  @Post('users')
  @ApiOperation({ summary: 'Add a user (admin); without a password one is generated and returned once' })
  @ApiResult(CreatedUserDto, { status: 201 })
  async create(@Body() body: CreateUserBodyDto) {
    const r = await createUser(this.users, body, this.clock.now());
    if (!r.ok) throw new ConflictException(`user ${body.username} exists`);
    return r;
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a machine (admin); the key is shown once, send it as X-API-Key' })
  @ApiResult(CreatedApiKeyDto, { status: 201 })
  createKey(@Body() body: CreateApiKeyBodyDto, @CurrentPrincipal() p: Principal) {
    return this.users.createApiKey({ name: body.name, role: body.role, createdAt: this.clock.now().toISOString(), createdBy: p.name });
  }
}
