import { Inject, Injectable } from '@nestjs/common';
import type { UserDoc } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { UsersRepository } from './users.repository';

const MAX_CACHED = 10_000;

/**
 * Every authenticated request asks whether its user still exists, is enabled and has the same
 * token version. The answer is cached for API_USER_CHECK_SECONDS per process (one read per user
 * per interval, not per request), so a user disabled or deleted through another api instance
 * is locked out within that time; through this one, at once.
 */
@Injectable()
export class UserDirectory {
  private readonly cache = new Map<string, { at: number; user: Promise<UserDoc | undefined> }>();
  private readonly ttlMs: number;

  constructor(
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.ttlMs = config.API_USER_CHECK_SECONDS * 1000;
  }

  current(username: string): Promise<UserDoc | undefined> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(username);
    if (hit && now - hit.at < this.ttlMs) return hit.user;
    const user = this.users.find(username);
    // A failed read is not remembered: the next request asks again.
    user.catch(() => this.cache.delete(username));
    this.cache.delete(username);
    this.cache.set(username, { at: now, user });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    return user;
  }

  forget(username: string): void {
    this.cache.delete(username);
  }
}

/** Whether a user record still admits a token or session issued under `version`. */
export const admits = (user: UserDoc | undefined, version: number): user is UserDoc => !!user && !user.disabled && (user.tokenVersion ?? 0) === version;
