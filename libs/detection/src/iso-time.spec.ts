import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time';
import { mulberry32 } from '../../../test/support/prng';

describe('isoTime', () => {
  it('writes what Date#toISOString writes', () => {
    const rand = mulberry32(9);
    const cases = [0, 1, 999, 86_399_999, 86_400_000, 951_782_400_000 /* 2000-02-29 */, 4_107_542_400_000 /* 2100-03-01 */, 253_402_300_799_999];
    for (let i = 0; i < 20_000; i++) cases.push(Math.floor(rand() * 253_402_300_800_000));
    for (let i = 0; i < 2_000; i++) cases.push(Date.UTC(2024, 0, 1) + Math.floor(rand() * 3 * 365 * 86_400_000));
    for (const ms of cases) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('falls back to Date outside 1970–9999 and for fractions, and throws on an invalid time', () => {
    for (const ms of [-1, -86_400_001, 253_402_300_800_000, 1.5]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });
});
