import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle';

const T = Date.parse('2026-12-06T12:00:00Z');

describe('LoginThrottle (issue 20, item 7)', () => {
  it('locks an account after 5 failures in a row, even for the right password, and doubles the lock', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 4; i++) {
      expect(t.check('admin', `10.0.0.${i}`, T).allowed).toBe(true);
      t.failed('admin', `10.0.0.${i}`, T);
    }
    expect(t.check('admin', '10.0.0.9', T).allowed).toBe(true);
    t.failed('Admin', '10.0.0.9', T);
    expect(t.check('admin', '192.168.0.1', T + 1_000)).toEqual({ allowed: false, scope: 'account', retryAfterMs: 59_000 });
    expect(t.check('admin', '192.168.0.1', T + 60_000).allowed).toBe(true);
    t.failed('admin', '192.168.0.1', T + 60_000);
    expect(t.check('admin', '192.168.0.1', T + 60_000)).toMatchObject({ allowed: false, retryAfterMs: 120_000 });
  });

  it('clears an account on success', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 4; i++) t.failed('li', 'a', T);
    t.succeeded('li');
    t.failed('li', 'a', T);
    expect(t.check('li', 'b', T).allowed).toBe(true);
  });

  it('locks an address that guesses across many names, for the rest of its window', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 20; i++) t.failed(`user${i}`, '203.0.113.7', T + i * 1000);
    const v = t.check('someone-else', '203.0.113.7', T + 20_000);
    expect(v).toEqual({ allowed: false, scope: 'address', retryAfterMs: 10 * 60_000 - 20_000 });
    expect(t.check('someone-else', '198.51.100.1', T + 20_000).allowed).toBe(true);
    expect(t.check('someone-else', '203.0.113.7', T + 10 * 60_000).allowed).toBe(true);
  });

  it('200 wrong passwords then the right one: the right one is refused too', () => {
    const t = new LoginThrottle();
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      if (!t.check('admin', '127.0.0.1', T + i * 55).allowed) refused++;
      else t.failed('admin', '127.0.0.1', T + i * 55);
    }
    expect(refused).toBeGreaterThan(190);
    expect(t.check('admin', '127.0.0.1', T + 11_000).allowed).toBe(false);
  });

  it('keeps a bounded number of entries', () => {
    const t = new LoginThrottle({ accountFailures: 5, addressFailures: 20, addressWindowMs: 60_000, lockMs: 1000, maxLockMs: 1000, maxEntries: 100 });
    for (let i = 0; i < 1000; i++) t.failed(`n${i}`, `a${i}`, T);
    expect((t as unknown as { accounts: Map<string, unknown> }).accounts.size).toBe(100);
  });

  it('does not forget a locked account when a flood of other names fills the table', () => {
    const t = new LoginThrottle({ accountFailures: 5, addressFailures: 20, addressWindowMs: 60_000, lockMs: 60_000, maxLockMs: 60_000, maxEntries: 10 });
    for (let i = 0; i < 5; i++) t.failed('admin', `a${i}`, T);
    // Spread over many addresses, as a botnet would, so that no address locks.
    for (let i = 0; i < 100; i++) t.failed(`junk${i}`, `b${i}`, T + 1000);
    expect(t.check('admin', 'c', T + 2000)).toMatchObject({ allowed: false, scope: 'account' });
    expect((t as unknown as { accounts: Map<string, unknown> }).accounts.size).toBe(10);
  });

  it('still counts the failures of a new name when every other entry is locked', () => {
    const t = new LoginThrottle({ accountFailures: 5, addressFailures: 20, addressWindowMs: 60_000, lockMs: 60_000, maxLockMs: 60_000, maxEntries: 3 });
    for (const n of ['x', 'y', 'z']) for (let i = 0; i < 5; i++) t.failed(n, `${n}${i}`, T);
    for (let i = 0; i < 5; i++) t.failed('admin', `d${i}`, T + 1000);
    expect(t.check('admin', 'e', T + 2000)).toMatchObject({ allowed: false, scope: 'account' });
  });
});
