import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from './auth.service';
import { PUBLIC_KEY, ROLES_KEY, roleAllows, type Principal, type Role } from './roles';

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

const header = (r: HttpRequestLike, name: string): string | undefined => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** 401 without valid credentials, 403 when the role is below the route's `@Roles()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<HttpRequestLike>();
    const authz = header(req, 'authorization');
    const bearer = authz?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const principal = await this.auth.authenticate({ bearer, apiKey: header(req, 'x-api-key') });
    if (!principal) throw new UnauthorizedException('sign in, or send an API key in X-API-Key');
    const need = this.reflector.getAllAndOverride<Role | undefined>(ROLES_KEY, targets) ?? 'viewer';
    if (!roleAllows(principal.role, need)) throw new ForbiddenException(`needs role ${need} or above; you are ${principal.role}`);
    req.principal = principal;
    return true;
  }
}
