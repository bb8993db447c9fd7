import { Body, Controller, ForbiddenException, Get, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiResult } from '../openapi/api-result.decorator';
import { Authenticated, CurrentPrincipal, Public } from './auth.decorators';
import { LoginBodyDto, PrincipalDto, SessionDto, SignedOutDto, type Session } from './auth.dto';
import { clientInfo, type AuthRequest } from './http-client-info';
import { RefreshSessionUseCase } from './refresh-session.usecase';
import { SESSION_COOKIE, sessionCookieOptions, type CookieOptions } from './session-cookie';
import { SignInUseCase, type Issued } from './sign-in.usecase';
import type { Principal } from './roles';

interface CookieResponse {
  cookie(name: string, value: string, opts: CookieOptions): void;
  clearCookie(name: string, opts: CookieOptions): void;
  setHeader(name: string, value: string): void;
}

@ApiTags('auth')
@Authenticated()
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: a short-lived access token (send it as `Authorization: Bearer`), and a session in an httpOnly cookie that renews it (POST /api/auth/refresh). Throttled per account and per address: 429 with Retry-After; a disabled user gets 403.' })
  @ApiResult(SessionDto)
  async login(@Body() body: LoginBodyDto, @Req() req: AuthRequest, @Res({ passthrough: true }) res: CookieResponse): Promise<Session> {
    const r = await this.signIn.execute(body.username, body.password, clientInfo(req));
    if (r.ok) return this.answer(r, res);
    if (r.reason === 'throttled') {
      const seconds = Math.ceil(r.retryAfterMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      const who = r.scope === 'account' ? 'this account' : 'your address';
      throw new HttpException({ statusCode: 429, error: 'Too Many Requests', message: `too many failed sign-ins for ${who}: try again in ${seconds} s`, scope: r.scope, retryAfterSeconds: seconds }, HttpStatus.TOO_MANY_REQUESTS);
    }
    if (r.reason === 'disabled') throw new ForbiddenException('this account is disabled: ask an admin');
    throw new UnauthorizedException('wrong user name or password');
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token from the session cookie (the cookie is rotated); 401 when the session has ended' })
  @ApiResult(SessionDto)
  async refresh(@Req() req: AuthRequest, @Res({ passthrough: true }) res: CookieResponse): Promise<Session> {
    const r = await this.refreshSession.execute(req.cookies?.[SESSION_COOKIE], clientInfo(req));
    if (r.ok) return this.answer(r, res);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config));
    throw new UnauthorizedException(`sign in again (${r.reason})`);
  }

  @Post('logout')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'End the session of this browser (its cookie) and remove the cookie' })
  @ApiResult(SignedOutDto)
  async logout(@Req() req: AuthRequest, @Res({ passthrough: true }) res: CookieResponse): Promise<{ signedOut: true }> {
    await this.refreshSession.end(req.cookies?.[SESSION_COOKIE], clientInfo(req));
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config));
    return { signedOut: true };
  }

  @Get('me')
  @ApiOperation({ summary: 'Who the credentials belong to' })
  @ApiResult(PrincipalDto)
  me(@CurrentPrincipal() p: Principal): Principal {
    return p;
  }

  /** The token goes in the body (kept in memory by the dashboard), the session only in the cookie. */
  private answer(r: Issued, res: CookieResponse): Session {
    res.cookie(SESSION_COOKIE, r.session.cookie, sessionCookieOptions(this.config, r.session.maxAgeMs));
    return { token: r.token, expiresAt: r.expiresAt, user: r.user };
  }
}
