import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { matchIntakeKey, type IntakeKey } from '../intake/intake-keys';

export const METRICS_TOKENS = Symbol('METRICS_TOKENS');

/**
 * /metrics names every source, its errors and its volumes: a scraper shows a token
 * (`Authorization: Bearer <token>`, configured as METRICS_TOKENS `name:sha256hex` like intake keys).
 * With no token configured the endpoint is off rather than open.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(METRICS_TOKENS) private readonly tokens: IntakeKey[]) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (!this.tokens.length) throw new ForbiddenException('metrics are off: set METRICS_TOKENS (name:sha256 of a token) and scrape with Authorization: Bearer <token>');
    const auth = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers.authorization;
    const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
    if (!matchIntakeKey(bearer, this.tokens)) throw new UnauthorizedException('a metrics token is required (Authorization: Bearer <token>)');
    return true;
  }
}
