import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export class BlockedAddressError extends Error {}

/**
 * Feeds and webhooks come from URLs people type in: a request must not reach loopback, private,
 * link-local or other internal ranges (cloud metadata, admin ports) unless the
 * operator allowed that host explicitly (the bundled demo allows 127.0.0.1).
 */
export async function assertPublicAddress(hostname: string, allowedHosts: ReadonlySet<string>, allowSetting = 'COLLECTOR_ALLOW_HOSTS'): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.has(host)) return;
  const addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  for (const address of addresses) {
    if (allowedHosts.has(address)) continue;
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    const range = parsed.range();
    if (range !== 'unicast') {
      throw new BlockedAddressError(`refusing to fetch ${hostname}: it resolves to ${address} (${range}); allow it explicitly with ${allowSetting} if it is meant`);
    }
  }
}
