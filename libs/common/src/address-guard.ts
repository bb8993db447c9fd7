import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

export class BlockedAddressError extends Error {}

/** One `host:port` the operator allowed past the guard; `*` for every port of that host (explicit only). */
export interface AllowedEndpoint {
  host: string;
  port: number | '*';
}

/**
 * Feeds and webhooks come from URLs people type in: a request must not reach loopback, private,
 * link-local or other internal ranges (cloud metadata, admin ports) unless the operator allowed
 * that host AND port (`127.0.0.1:18090`): allowing a whole host would let a redirect reach every
 * service on it (Elasticsearch on 19200 beside the demo feed).
 */
export class AllowList {
  constructor(readonly entries: readonly AllowedEndpoint[] = []) {}

  allows(host: string, port: number): boolean {
    const h = normaliseHost(host);
    return this.entries.some((e) => e.host === h && (e.port === '*' || e.port === port));
  }

  toString(): string {
    return this.entries.map((e) => `${e.host.includes(':') ? `[${e.host}]` : e.host}:${e.port}`).join(',');
  }
}

const normaliseHost = (h: string) => h.replace(/^\[|\]$/g, '').toLowerCase();

/** `host:port,[v6]:port,host:*`; a bare host is refused, naming the entry, so nobody allows a whole host by accident. */
export function parseAllowList(text: string): AllowList {
  const entries = text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5}|\*)$/.exec(entry);
    if (!m) throw new Error(`"${entry}" is not host:port (name the port, e.g. ${entry.replace(/:.*$/, '')}:8080; host:* allows every port)`);
    const port: number | '*' = m[2] === '*' ? '*' : Number(m[2]);
    if (port !== '*' && (port < 1 || port > 65535)) throw new Error(`"${entry}": port out of range`);
    return { host: normaliseHost(m[1]!), port };
  });
  return new AllowList(entries);
}

/** The default port of a URL's scheme when it names none. */
export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function isPublic(address: string): { ok: boolean; range: string } {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return { ok: range === 'unicast', range };
}

/** Throws unless `address` (already resolved) may be reached for `host` on `port`. */
export function checkAddress(host: string, address: string, port: number, allow: AllowList, setting: string): void {
  if (allow.allows(host, port) || allow.allows(address, port)) return;
  const { ok, range } = isPublic(address);
  if (!ok) {
    // An IPv6 host in brackets, as the allow-list takes it (`::1:21510` is not host:port).
    const bare = host.replace(/^\[|\]$/g, '');
    const endpoint = `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
    throw new BlockedAddressError(`refusing to connect to ${endpoint}: it resolves to ${address} (${range}); allow it explicitly with ${setting}=${endpoint} if it is meant`);
  }
}

export type Resolver = (hostname: string, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, cb) => dnsLookup(hostname, { all: true }, cb);

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves once, checks every address, and hands the socket
 * exactly the addresses it checked: there is no second resolution between the check and the
 * connection for a DNS answer to change in (rebinding).
 */
export function guardedLookup(port: number, allow: AllowList, setting: string, resolve: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, '', 0);
      try {
        if (!addresses.length) throw new BlockedAddressError(`${hostname} resolves to no address`);
        for (const a of addresses) checkAddress(hostname, a.address, port, allow, setting);
      } catch (e) {
        return callback(e as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** For a URL whose host is an IP literal (no lookup happens for those): checked before connecting. */
export function checkLiteralHost(url: URL, allow: AllowList, setting: string): void {
  const host = normaliseHost(url.hostname);
  if (ipaddr.isValid(host)) checkAddress(host, host, urlPort(url), allow, setting);
}
