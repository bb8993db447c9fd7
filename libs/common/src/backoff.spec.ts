import { describe, expect, it } from 'vitest';
import { backoffDelay, CONFLICT, retryOnConflict } from './backoff';

describe('retryOnConflict', () => {
  it('tries again after a conflict and returns the first other outcome', async () => {
    const seen: number[] = [];
    const r = await retryOnConflict(async (n) => (seen.push(n), n < 2 ? CONFLICT : 'written'), { maxAttempts: 5, what: 'x', baseMs: 1, maxMs: 2 });
    expect(r).toBe('written');
    expect(seen).toEqual([0, 1, 2]);
  });

  it('gives up after maxAttempts, naming the work', async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => (calls++, CONFLICT), { maxAttempts: 3, what: 'ticket CR-1', baseMs: 1, maxMs: 2 })).rejects.toThrow('ticket CR-1: gave up after 3 write conflicts');
    expect(calls).toBe(3);
  });

  it('lets a failed attempt throw through without retrying it', async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => { calls++; throw new Error('es down'); }, { maxAttempts: 3, what: 'x' })).rejects.toThrow('es down');
    expect(calls).toBe(1);
  });
});

describe('backoffDelay', () => {
  it('grows per attempt within [ceiling/2, ceiling] and stays under the cap', () => {
    expect(backoffDelay(0, 10, 500, () => 0)).toBe(5);
    expect(backoffDelay(3, 10, 500, () => 1)).toBe(80);
    expect(backoffDelay(20, 10, 500, () => 1)).toBe(500);
  });
});
