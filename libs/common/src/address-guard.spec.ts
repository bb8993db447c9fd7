import { describe, expect, it } from 'vitest';
import { BlockedAddressError, checkAddress, checkLiteralHost, guardedLookup, parseAllowList } from './address-guard';

const none = parseAllowList('');

describe('the private-address guard', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', '::ffff:127.0.0.1', 'fd00::1', '0.0.0.0'])('refuses %s', (address) => {
    expect(() => checkAddress(address, address, 80, none, 'X')).toThrow(BlockedAddressError);
  });

  it('allows a public address', () => {
    expect(() => checkAddress('example.com', '93.184.216.34', 443, none, 'X')).not.toThrow();
  });

  it('allows a private host on the port the operator named, and on no other (issue 20, item 10)', () => {
    const allow = parseAllowList('127.0.0.1:18090, intranet.local:8443, [::1]:9000');
    expect(() => checkAddress('127.0.0.1', '127.0.0.1', 18090, allow, 'X')).not.toThrow();
    expect(() => checkAddress('127.0.0.1', '127.0.0.1', 19200, allow, 'X')).toThrow(/127\.0\.0\.1:19200.*X=127\.0\.0\.1:19200/);
    expect(() => checkAddress('intranet.local', '10.0.0.5', 8443, allow, 'X')).not.toThrow();
    expect(() => checkAddress('intranet.local', '10.0.0.5', 22, allow, 'X')).toThrow(BlockedAddressError);
    expect(() => checkAddress('::1', '::1', 9000, allow, 'X')).not.toThrow();
    expect(() => checkLiteralHost(new URL('http://127.0.0.1:19200/_cat/indices'), allow, 'X')).toThrow(BlockedAddressError);
    expect(() => checkLiteralHost(new URL('http://127.0.0.1:18090/feed'), allow, 'X')).not.toThrow();
  });

  it('advises an allow-list entry that the allow-list accepts, brackets and all for an IPv6 host', () => {
    // The advice `X=::1:21510` was refused by parseAllowList ("not host:port"): an operator following it could not start.
    for (const [host, address] of [['127.0.0.1', '127.0.0.1'], ['localhost', '127.0.0.1'], ['::1', '::1'], ['[::1]', '::1'], ['fd00::1', 'fd00::1']]) {
      let message = '';
      try {
        checkAddress(host!, address!, 21510, none, 'X');
      } catch (e) {
        message = (e as Error).message;
      }
      const entry = /X=(\S+) if it is meant/.exec(message)?.[1];
      expect(entry, message).toBeDefined();
      expect(parseAllowList(entry!).allows(host!, 21510), entry).toBe(true);
    }
  });

  it('refuses a bare host in the allow-list, naming the entry; host:* allows every port when written out', () => {
    expect(() => parseAllowList('127.0.0.1')).toThrow(/"127\.0\.0\.1" is not host:port/);
    expect(() => parseAllowList('a:1,b:99999')).toThrow(/port out of range/);
    expect(parseAllowList('127.0.0.1:*').allows('127.0.0.1', 19200)).toBe(true);
  });

  it('checks every address a name resolves to, and hands the socket exactly those', async () => {
    const lookup = guardedLookup(80, none, 'X', (_n, cb) => cb(null, [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }]));
    const err = await new Promise((r) => lookup('mixed.test', { all: true }, (e) => r(e)));
    expect(err).toBeInstanceOf(BlockedAddressError);
    const ok = guardedLookup(80, none, 'X', (_n, cb) => cb(null, [{ address: '93.184.216.34', family: 4 }]));
    expect(await new Promise((r) => ok('public.test', {}, (e, a, f) => r([e, a, f])))).toEqual([null, '93.184.216.34', 4]);
  });
});
