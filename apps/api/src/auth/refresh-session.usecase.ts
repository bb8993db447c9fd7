import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@vigil/common';
import { AuditLog } from './audit-log';
import { parseSessionCookie } from './session-cookie';
import { SessionsRepository } from './sessions.repository';
import { sha256, type ClientInfo, type Issued } from './sign-in.usecase';
import { TokenService } from './token.service';
import { admits } from './user-directory';
import { UsersRepository } from './users.repository';

/** Two tabs refreshing at once both show the secret one of them just replaced: within this, that is not theft. */
const ROTATION_GRACE_MS = 30_000;
const MAX_RACES = 3;

export type RefreshResult = ({ ok: true } & Issued) | { ok: false; reason: string };

/**
 * A new access token from the session cookie. Each refresh rotates the cookie's secret; a
 * secret that was already replaced (outside the short grace for concurrent tabs) means the
 * cookie was copied: the session ends at once for both holders, and the audit log says so.
 * The session also ends with its user (deleted, disabled, token version raised).
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(cookie: unknown, client: ClientInfo): Promise<RefreshResult> {
    const parsed = parseSessionCookie(cookie);
    if (!parsed) return { ok: false, reason: 'no session' };
    const presented = sha256(parsed.secret);
    for (let race = 0; race < MAX_RACES; race++) {
      const now = this.clock.now();
      const stored = await this.sessions.get(parsed.id);
      if (!stored) return { ok: false, reason: 'no session' };
      const s = stored.session;
      if (s.revokedAt) return { ok: false, reason: 'session ended' };
      if (Date.parse(s.expiresAt) <= now.getTime()) return { ok: false, reason: 'session expired' };
      const current = presented === s.secretHash;
      const justReplaced = presented === s.previousHash && s.rotatedAt !== undefined && now.getTime() - Date.parse(s.rotatedAt) < ROTATION_GRACE_MS;
      if (!current && !justReplaced) {
        await this.sessions.revoke(s.id, 'a replaced session secret was used again', now);
        await this.audit.record({ kind: 'session_reuse', actor: s.username, address: client.address, userAgent: client.userAgent, detail: 'a replaced session cookie was shown again: session ended' }, now);
        return { ok: false, reason: 'session ended' };
      }
      const user = await this.users.find(s.username);
      if (!admits(user, s.tokenVersion)) {
        await this.sessions.revoke(s.id, user ? 'user disabled or changed' : 'user deleted', now);
        return { ok: false, reason: 'session ended' };
      }
      const secret = randomBytes(32).toString('base64url');
      const next = { ...s, previousHash: s.secretHash, secretHash: sha256(secret), rotatedAt: now.toISOString(), lastUsedAt: now.toISOString() };
      if (!(await this.sessions.replace(stored, next))) continue; // another tab rotated first: read again
      const t = await this.tokens.issue(user);
      return { ok: true, ...t, user: { username: user.username, role: user.role }, session: { cookie: `${s.id}.${secret}`, maxAgeMs: Date.parse(s.expiresAt) - now.getTime() } };
    }
    return { ok: false, reason: 'session busy' };
  }

  /** Sign-out: the session ends (if the cookie names a real one) and the cookie goes. */
  async end(cookie: unknown, client: ClientInfo): Promise<void> {
    const parsed = parseSessionCookie(cookie);
    if (!parsed) return;
    const stored = await this.sessions.get(parsed.id);
    if (!stored || stored.session.revokedAt) return;
    const presented = sha256(parsed.secret);
    if (presented !== stored.session.secretHash && presented !== stored.session.previousHash) return;
    const now = this.clock.now();
    await this.sessions.revoke(stored.session.id, 'signed out', now);
    await this.audit.record({ kind: 'sign_out', actor: stored.session.username, address: client.address, userAgent: client.userAgent }, now);
  }
}
