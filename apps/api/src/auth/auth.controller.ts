import { Body, Controller, Get, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResult } from '../openapi/api-result.decorator';
import { Authenticated, CurrentPrincipal, Public } from './auth.decorators';
import { LoginBodyDto, PrincipalDto, SessionDto } from './auth.dto';
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
  @ApiResult(SessionDto)
  async login(@Body() body: LoginBodyDto) {
    const r = await this.auth.login(body.username, body.password);
    if (!r) throw new UnauthorizedException('wrong user name or password');
    return r;
  }

  @Get('me')
  @ApiOperation({ summary: 'Who the credentials belong to' })
  @ApiResult(PrincipalDto)
  me(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }
}
