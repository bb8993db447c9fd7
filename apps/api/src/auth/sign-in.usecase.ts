import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role, UserDoc } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { AuditLog } from './audit-log';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

export interface ClientInfo {
  address: string;
  userAgent?: string;
}

export interface Issued {
  token: string;
  expiresAt: string;
  user: { username: string; role: Role };
  /** `<id>.<secret>` for the httpOnly cookie, and how long it lives. */
  session: { cookie: string; maxAgeMs: number };
}

export type SignInResult = ({ ok: true } & Issued) | { ok: false; reason: 'invalid' | 'disabled' } | { ok: false; reason: 'throttled'; scope: 'account' | 'address'; retryAfterMs: number };

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Throttled in this process: one LoginThrottle per api instance (see docs/security.md). */
export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * A password sign-in: throttled per account and per address, audited whatever the outcome,
 * and on success an access token (short-lived, for the Authorization header) plus a session
 * (long-lived, only ever in an httpOnly cookie) from which the browser renews the token.
 */
@Injectable()
export class SignInUseCase {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute(username: string, password: string, client: ClientInfo): Promise<SignInResult> {
    const now = this.clock.now();
    const base = { actor: username, address: client.address, userAgent: client.userAgent };
    const verdict = this.throttle.check(username, client.address, now.getTime());
    if (!verdict.allowed) {
      await this.audit.record({ ...base, kind: 'sign_in_throttled', detail: `${verdict.scope} locked for ${Math.ceil(verdict.retryAfterMs / 1000)} s` }, now);
      return { ok: false, reason: 'throttled', scope: verdict.scope, retryAfterMs: verdict.retryAfterMs };
    }
    const user = await this.users.find(username);
    // Verify against a dummy hash when the user is unknown, so timing does not tell which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      this.throttle.failed(username, client.address, now.getTime());
      await this.audit.record({ ...base, kind: 'sign_in_failed', detail: user ? 'wrong password' : 'unknown user' }, now);
      return { ok: false, reason: 'invalid' };
    }
    if (user.disabled) {
      await this.audit.record({ ...base, kind: 'sign_in_failed', detail: 'user is disabled' }, now);
      return { ok: false, reason: 'disabled' };
    }
    this.throttle.succeeded(username);
    const issued = await this.issue(user, now, client);
    await this.audit.record({ ...base, actor: user.username, kind: 'sign_in' }, now);
    return { ok: true, ...issued };
  }

  /** A fresh session for a user who just proved who they are. */
  private async issue(user: UserDoc, now: Date, client: ClientInfo): Promise<Issued> {
    const id = randomBytes(18).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const ttlMs = this.config.API_SESSION_TTL_HOURS * 3_600_000;
    await this.sessions.create({
      id,
      username: user.username,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      lastUsedAt: now.toISOString(),
      secretHash: sha256(secret),
      tokenVersion: user.tokenVersion ?? 0,
      address: client.address.slice(0, 64),
      userAgent: client.userAgent?.slice(0, 256),
    });
    const t = await this.tokens.issue(user);
    return { ...t, user: { username: user.username, role: user.role }, session: { cookie: `${id}.${secret}`, maxAgeMs: ttlMs } };
  }
}
