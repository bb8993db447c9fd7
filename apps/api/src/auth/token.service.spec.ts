import { describe, expect, it } from 'vitest';
import { ManualClock } from '@vigil/common';
import type { ApiConfig } from '../api.config';
import { TokenService } from './token.service';
import { hashPassword, verifyPassword } from './password-hasher';

const config = (over: Partial<ApiConfig> = {}) => ({ API_JWT_SECRET: 's'.repeat(40), API_JWT_TTL_MINUTES: 60, ...over }) as ApiConfig;

describe('TokenService', () => {
  it('issues a token that verifies to the user and role until it expires', async () => {
    const clock = new ManualClock(new Date('2026-11-23T10:00:00Z'));
    const tokens = new TokenService(config(), clock);
    const { token, expiresAt } = await tokens.issue({ username: 'li', role: 'responder' });
    expect(expiresAt).toBe('2026-11-23T11:00:00.000Z');
    expect(await tokens.verify(token)).toEqual({ username: 'li', role: 'responder', version: 0 });
    expect(await tokens.verify((await tokens.issue({ username: 'li', role: 'responder', tokenVersion: 3 })).token)).toMatchObject({ version: 3 });
    clock.advance(61 * 60_000);
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token signed with another secret, or tampered with', async () => {
    const clock = new ManualClock(new Date());
    const mine = new TokenService(config(), clock);
    const theirs = new TokenService(config({ API_JWT_SECRET: 't'.repeat(40) }), clock);
    const { token } = await theirs.issue({ username: 'x', role: 'admin' });
    expect(await mine.verify(token)).toBeUndefined();
    const own = (await mine.issue({ username: 'x', role: 'viewer' })).token;
    const [h, , s] = own.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', iss: 'vigil', exp: 9e9 })).toString('base64url');
    expect(await mine.verify(`${h}.${forged}.${s}`)).toBeUndefined();
  });
});

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('wrong horse', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});
