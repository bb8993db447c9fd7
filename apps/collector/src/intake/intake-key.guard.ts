import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { matchIntakeKey, type IntakeKey } from './intake-keys';

/** The parts of an HTTP request intake reads; the guard adds the matched key's name. */
export interface IntakeRequest {
  headers: Record<string, string | string[] | undefined>;
  intakeKey?: string;
}

export const INTAKE_KEYS = Symbol('INTAKE_KEYS');

/** Route metadata an app-wide user-auth guard can read to leave intake routes to this guard. */
export const INTAKE_AUTH_METADATA = 'vigil:intake-key-auth';

/** `Authorization: Bearer <key>` or `X-API-Key: <key>`, checked against the configured hashes. */
@Injectable()
export class IntakeKeyGuard implements CanActivate {
  constructor(@Inject(INTAKE_KEYS) private readonly keys: IntakeKey[]) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<IntakeRequest>();
    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
    const header = req.headers['x-api-key'];
    const name = matchIntakeKey(bearer ?? (typeof header === 'string' ? header : undefined), this.keys);
    if (!name) throw new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message: 'a valid intake API key is required (Authorization: Bearer <key> or X-API-Key)' });
    req.intakeKey = name;
    return true;
  }
}
