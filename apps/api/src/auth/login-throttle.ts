/**
 * Throttles password guessing, per account and per client address, in this process's memory
 * (pure: the caller passes the time). An account locks after `accountFailures` failures in a
 * row, for `lockMs`, doubling with each further failure up to `maxLockMs`; a success clears it.
 * An address locks after `addressFailures` failures within `addressWindowMs`, whatever names it
 * tries. While locked, even the right password is refused: that is what makes guessing slow.
 */
export interface ThrottlePolicy {
  accountFailures: number;
  addressFailures: number;
  addressWindowMs: number;
  lockMs: number;
  maxLockMs: number;
  /** Entries kept per map (a flood of names cannot grow memory without bound); locked accounts go last. */
  maxEntries: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  accountFailures: 5,
  addressFailures: 20,
  addressWindowMs: 10 * 60_000,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
  maxEntries: 10_000,
};

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'account' | 'address'; retryAfterMs: number };

interface AccountState {
  failures: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly accounts = new Map<string, AccountState>();
  private readonly addresses = new Map<string, number[]>();

  constructor(private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE) {}

  check(account: string, address: string, now: number): ThrottleVerdict {
    const a = this.accounts.get(key(account));
    if (a && a.lockedUntil > now) return { allowed: false, scope: 'account', retryAfterMs: a.lockedUntil - now };
    const recent = this.recentFailures(address, now);
    if (recent.length >= this.policy.addressFailures) {
      return { allowed: false, scope: 'address', retryAfterMs: recent[recent.length - this.policy.addressFailures]! + this.policy.addressWindowMs - now };
    }
    return { allowed: true };
  }

  failed(account: string, address: string, now: number): void {
    const k = key(account);
    const a = this.accounts.get(k) ?? { failures: 0, lockedUntil: 0 };
    a.failures++;
    const over = a.failures - this.policy.accountFailures;
    if (over >= 0) a.lockedUntil = now + Math.min(this.policy.maxLockMs, this.policy.lockMs * 2 ** Math.min(over, 20));
    this.accounts.delete(k);
    this.accounts.set(k, a);
    if (this.accounts.size > this.policy.maxEntries) this.evictAccount(k, now);
    const times = this.recentFailures(address, now);
    times.push(now);
    touch(this.addresses, address, times.slice(-this.policy.addressFailures), this.policy.maxEntries);
  }

  succeeded(account: string): void {
    this.accounts.delete(key(account));
  }

  /**
   * Drops the least recently failed account that is not locked: a flood of other names must not
   * push a locked account out and unlock it. Only when every other entry is locked does the
   * oldest go. The account that just failed stays, or its failures would never add up.
   */
  private evictAccount(current: string, now: number): void {
    let oldest: string | undefined;
    for (const [k, a] of this.accounts) {
      if (k === current) continue;
      if (a.lockedUntil <= now) {
        this.accounts.delete(k);
        return;
      }
      oldest ??= k;
    }
    if (oldest !== undefined) this.accounts.delete(oldest);
  }

  private recentFailures(address: string, now: number): number[] {
    return (this.addresses.get(address) ?? []).filter((t) => now - t < this.policy.addressWindowMs);
  }
}

/** Names differ in case only in spelling: `Admin` and `admin` share one counter. */
const key = (account: string) => account.normalize('NFKC').toLowerCase();

function touch<V>(map: Map<string, V>, k: string, v: V, max: number): void {
  map.delete(k);
  map.set(k, v);
  if (map.size > max) map.delete(map.keys().next().value!);
}
