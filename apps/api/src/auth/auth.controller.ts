import type { z } from 'zod';
import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { Authenticated, CurrentPrincipal, Public } from './auth.decorators';
import { LoginBody } from './auth.dto';
import { AuthService } from './auth.service';
import type { Principal } from './roles';

@ApiTags('auth')
@Authenticated()
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a user name and password for a bearer token (JWT)' })
  @ApiBody({ schema: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } }, required: ['username', 'password'] } })
  async login(@Body(new ZodValidationPipe(LoginBody)) body: z.infer<typeof LoginBody>) {
    const r = await this.auth.login(body.username, body.password);
    if (!r) throw new UnauthorizedException('wrong user name or password');
    return r;
  }

  @Get('me')
  @ApiOperation({ summary: 'Who the credentials belong to' })
  me(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }
}
