import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { Clock, createLogger } from '@vigil/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Role } from './roles';

const ISSUER = 'vigil';

/** What a valid access token says; the user's current record decides whether it still counts. */
export interface TokenClaims {
  username: string;
  role: Role;
  /** The user's tokenVersion when it was issued. */
  version: number;
}

/** Access tokens: short-lived HS256 JWTs carrying the user name, role and token version. */
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

  async issue(user: { username: string; role: Role; tokenVersion?: number }): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const exp = now + this.ttlSeconds;
    const token = await new SignJWT({ role: user.role, ver: user.tokenVersion ?? 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** undefined for anything but a valid, unexpired token of ours. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: this.clock.now() });
      const role = Role.safeParse(payload.role);
      if (!payload.sub || !role.success) return undefined;
      return { username: payload.sub, role: role.data, version: typeof payload.ver === 'number' ? payload.ver : 0 };
    } catch {
      return undefined;
    }
  }
}
