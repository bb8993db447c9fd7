import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { describe, expect, it } from 'vitest';
import { API_CONTROLLERS } from '../api.module';
import { AuthGuard } from './auth.guard';
import { Public, Roles } from './auth.decorators';
import type { AuthService, Credentials } from './auth.service';
import type { Principal, Role } from './roles';

/** A fake AuthService that knows one token and one key. */
function authFactory(known: Record<string, Principal>): AuthService {
  return { authenticate: async (c: Credentials) => known[c.bearer ?? c.apiKey ?? ''] } as unknown as AuthService;
}

class Routes {
  @Public() login() {}
  open() {}
  @Roles('analyst') search() {}
  @Roles('admin') users() {}
}

function ctx(handler: keyof Routes, headers: Record<string, string> = {}): { context: ExecutionContext; req: { headers: Record<string, string>; principal?: Principal } } {
  const req = { headers };
  const context = { getHandler: () => Routes.prototype[handler], getClass: () => Routes, switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
  return { context, req };
}

const who = (role: Role): Principal => ({ name: role, role, kind: 'user' });
const guard = new AuthGuard(authFactory({ 'viewer-token': who('viewer'), 'admin-token': who('admin'), 'vgk_analyst': { name: 'key:etl', role: 'analyst', kind: 'api-key' } }), new Reflector());

describe('AuthGuard', () => {
  it('lets anyone reach a @Public() route', async () => {
    await expect(guard.canActivate(ctx('login').context)).resolves.toBe(true);
  });

  it('refuses missing or unknown credentials with 401', async () => {
    await expect(guard.canActivate(ctx('open').context)).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(guard.canActivate(ctx('open', { authorization: 'Bearer nope' }).context)).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(guard.canActivate(ctx('open', { authorization: 'Basic admin-token' }).context)).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('refuses a role below the route’s with 403, and lets higher roles through', async () => {
    await expect(guard.canActivate(ctx('search', { authorization: 'Bearer viewer-token' }).context)).rejects.toBeInstanceOf(ForbiddenException);
    await expect(guard.canActivate(ctx('users', { 'x-api-key': 'vgk_analyst' }).context)).rejects.toBeInstanceOf(ForbiddenException);
    const { context, req } = ctx('search', { authorization: 'Bearer admin-token' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(req.principal).toEqual(who('admin'));
  });

  it('takes a machine’s API key from X-API-Key', async () => {
    const { context, req } = ctx('search', { 'x-api-key': 'vgk_analyst' });
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(req.principal).toMatchObject({ kind: 'api-key', role: 'analyst' });
  });

  it('guards every api controller (none can be left open by mistake)', () => {
    for (const c of API_CONTROLLERS) expect(Reflect.getMetadata(GUARDS_METADATA, c), c.name).toContain(AuthGuard);
  });
});
