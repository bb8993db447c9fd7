import { describe, expect, it } from 'vitest';
import { assertPublicAddress, BlockedAddressError } from '@vigil/common';
import { parseRetryAfter } from './http-fetcher';

describe('assertPublicAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', '[::ffff:127.0.0.1]', 'fd00::1', '0.0.0.0', 'localhost'])(
    'refuses %s',
    async (host) => {
      await expect(assertPublicAddress(host, new Set())).rejects.toThrow(BlockedAddressError);
    },
  );

  it('allows a public address', async () => {
    await expect(assertPublicAddress('93.184.216.34', new Set())).resolves.toBeUndefined();
  });

  it('allows a private host the operator allowed explicitly', async () => {
    await expect(assertPublicAddress('127.0.0.1', new Set(['127.0.0.1']))).resolves.toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
