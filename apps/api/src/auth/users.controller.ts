import type { z } from 'zod';
import { Body, ConflictException, Controller, Get, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@vigil/common';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { Authenticated, CurrentPrincipal, Roles } from './auth.decorators';
import { CreateApiKeyBody } from './auth.dto';
import { createUser, CreateUserInput } from './create-user.usecase';
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
  list() {
    return this.users.listUsers();
  }

  @Post('users')
  @ApiOperation({ summary: 'Add a user (admin); without a password one is generated and returned once' })
  @ApiBody({ schema: { type: 'object', properties: { username: { type: 'string' }, role: { enum: ['viewer', 'analyst', 'responder', 'admin'] }, password: { type: 'string' } } } })
  async create(@Body(new ZodValidationPipe(CreateUserInput)) body: z.infer<typeof CreateUserInput>) {
    const r = await createUser(this.users, body, this.clock.now());
    if (!r.ok) throw new ConflictException(`user ${body.username} exists`);
    return r;
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a machine (admin); the key is shown once, send it as X-API-Key' })
  @ApiBody({ schema: { type: 'object', properties: { name: { type: 'string' }, role: { enum: ['viewer', 'analyst', 'responder', 'admin'] } } } })
  createKey(@Body(new ZodValidationPipe(CreateApiKeyBody)) body: z.infer<typeof CreateApiKeyBody>, @CurrentPrincipal() p: Principal) {
    return this.users.createApiKey({ name: body.name, role: body.role, createdAt: this.clock.now().toISOString(), createdBy: p.name });
  }
}
