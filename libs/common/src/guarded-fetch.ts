import { Agent, buildConnector, fetch as undiciFetch, type RequestInit, type Response } from 'undici';
import { checkLiteralHost, guardedLookup, type AllowList, type Resolver } from './address-guard';

export interface GuardedFetchOptions {
  allow: AllowList;
  /** The setting named in refusals (COLLECTOR_ALLOW_HOSTS, WEBHOOK_ALLOW_HOSTS). */
  setting: string;
  /** Milliseconds to establish a connection. */
  connectTimeoutMs?: number;
  /** Name resolution; the system's by default (tests resolve names of their own). */
  resolve?: Resolver;
}

export type GuardedFetch = (url: URL, init?: RequestInit) => Promise<Response>;

/**
 * `fetch` whose every connection passes the private-address guard at the moment it is made:
 * the name is resolved once inside the socket's own lookup, checked for its host and port, and
 * the connection goes to the address that was checked. Redirects are the caller's to follow
 * (`redirect: 'manual'`), so each hop is a new, checked connection.
 */
export function createGuardedFetch(opts: GuardedFetchOptions): GuardedFetch {
  const connectors = new Map<number, buildConnector.connector>();
  const connectorFor = (port: number) => {
    let c = connectors.get(port);
    if (!c) {
      c = buildConnector({ timeout: opts.connectTimeoutMs ?? 10_000, lookup: guardedLookup(port, opts.allow, opts.setting, opts.resolve) } as buildConnector.BuildOptions);
      connectors.set(port, c);
    }
    return c;
  };
  const dispatcher = new Agent({
    connect: (o, cb) => connectorFor(Number(o.port) || (o.protocol === 'https:' ? 443 : 80))(o, cb),
  });
  return async (url, init = {}) => {
    checkLiteralHost(url, opts.allow, opts.setting);
    return undiciFetch(url, { ...init, dispatcher });
  };
}
