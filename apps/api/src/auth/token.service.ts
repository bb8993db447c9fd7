import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { Clock, createLogger } from '@vigil/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Role, type Principal } from './roles';

const ISSUER = 'vigil';

/** Login tokens: HS256 JWTs carrying the user name and role. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;

  constructor(@Inject(API_CONFIG) config: ApiConfig, private readonly clock: Clock) {
    let secret = config.API_JWT_SECRET;
    if (!secret) {
      secret = randomBytes(32).toString('base64url');
      // The value stays hidden: only the fact that tokens will not survive a restart is worth logging.
      createLogger('api').warn({ API_JWT_SECRET: '(hidden, generated)' }, 'API_JWT_SECRET not set: generated one for this process; tokens end when it stops');
    }
    this.key = new TextEncoder().encode(secret);
    this.ttlSeconds = config.API_JWT_TTL_MINUTES * 60;
  }

  async issue(user: { username: string; role: Role }): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** undefined for anything but a valid, unexpired token of ours. */
  async verify(token: string): Promise<Principal | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: this.clock.now() });
      const role = Role.safeParse(payload.role);
      if (!payload.sub || !role.success) return undefined;
      return { name: payload.sub, role: role.data, kind: 'user' };
    } catch {
      return undefined;
    }
  }
}
