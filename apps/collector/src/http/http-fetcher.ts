import { Inject, Injectable } from '@nestjs/common';
import Bottleneck from 'bottleneck';
import type { Response } from 'undici';
import { AllowList, BlockedAddressError, createGuardedFetch, type GuardedFetch, type Resolver } from '@vigil/common';

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  headers?: Record<string, string>;
}

export type FetchResponse =
  | { status: 'not-modified' }
  | { status: 'ok'; body: string; etag?: string; lastModified?: string; contentType?: string; link?: string; url: string };

export class FetchError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export interface HttpFetcherOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Private `host:port`s the operator allowed (COLLECTOR_ALLOW_HOSTS). */
  allowedHosts: AllowList;
  /** Name resolution; the system's unless a test brings its own. */
  resolve?: Resolver;
  /** Requests per second per host, unless `hostRates` names the host. */
  perHostRate: number;
  /** Requests per second for particular hosts (`host:port` or `host`), from the sources file. */
  hostRates?: ReadonlyMap<string, number>;
  userAgent: string;
}

export const HTTP_FETCHER_OPTIONS = Symbol('HTTP_FETCHER_OPTIONS');

const MAX_REDIRECTS = 5;

/**
 * The only way the collector reaches the network: one rate limiter per host,
 * conditional GET, a timeout, a size cap, and the address guard applied to every
 * hop of a redirect chain (a public URL must not bounce us to an internal one).
 */
@Injectable()
export class HttpFetcher {
  private readonly limiters = new Map<string, Bottleneck>();
  private readonly guardedFetch: GuardedFetch;

  constructor(@Inject(HTTP_FETCHER_OPTIONS) private readonly options: HttpFetcherOptions) {
    this.guardedFetch = createGuardedFetch({ allow: options.allowedHosts, setting: 'COLLECTOR_ALLOW_HOSTS', connectTimeoutMs: options.timeoutMs, resolve: options.resolve });
  }

  /** Sources changed in the product: hosts whose rate changed get a new limiter from their next request. */
  setHostRates(rates: ReadonlyMap<string, number>): void {
    const before = this.options.hostRates;
    this.options.hostRates = rates;
    for (const host of [...this.limiters.keys()]) {
      const h = host.toLowerCase();
      if (before?.get(h) !== rates.get(h) || before?.get(h.replace(/:\d+$/, '')) !== rates.get(h.replace(/:\d+$/, ''))) this.limiters.delete(host);
    }
  }

  async fetch(req: FetchRequest): Promise<FetchResponse> {
    const host = new URL(req.url).host;
    return this.limiter(host).schedule(() => this.fetchFollowingRedirects(req));
  }

  private limiter(host: string): Bottleneck {
    let l = this.limiters.get(host);
    if (!l) {
      const rate = this.options.hostRates?.get(host.toLowerCase()) ?? this.options.hostRates?.get(host.toLowerCase().replace(/:\d+$/, '')) ?? this.options.perHostRate;
      l = new Bottleneck({ maxConcurrent: 1, minTime: Math.ceil(1000 / rate) });
      this.limiters.set(host, l);
    }
    return l;
  }

  private async fetchFollowingRedirects(req: FetchRequest): Promise<FetchResponse> {
    let url = new URL(req.url);
    const origin = url.origin;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`unsupported scheme ${url.protocol} in ${url.href}`);
      // Credentials from the sources file go to the origin they were written for, never to where it redirects.
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: '*/*', ...(url.origin === origin ? req.headers : {}) };
      if (hop === 0 && req.etag) headers['if-none-match'] = req.etag;
      if (hop === 0 && req.lastModified) headers['if-modified-since'] = req.lastModified;
      let res: Response;
      try {
        // The address guard runs inside the connection itself (every hop is a new connection).
        res = await this.guardedFetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs) });
      } catch (e) {
        const err = e as Error;
        const blocked = err instanceof BlockedAddressError ? err : (err as { cause?: unknown }).cause;
        if (blocked instanceof BlockedAddressError) throw new FetchError(blocked.message);
        const reason = err.name === 'TimeoutError' ? `timed out after ${this.options.timeoutMs} ms` : `${err.message}${(err as { cause?: Error }).cause ? ` (${(err as { cause?: Error }).cause!.message})` : ''}`;
        throw new FetchError(`GET ${url.href} failed: ${reason}`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      if (res.status === 304) return { status: 'not-modified' };
      if (res.status === 429 || res.status === 503) {
        await res.body?.cancel();
        throw new FetchError(`GET ${url.href}: HTTP ${res.status}`, parseRetryAfter(res.headers.get('retry-after')), res.status);
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new FetchError(`GET ${url.href}: HTTP ${res.status}`, undefined, res.status);
      }
      const body = await this.readCapped(res, url.href);
      return {
        status: 'ok',
        body,
        etag: res.headers.get('etag') ?? undefined,
        lastModified: res.headers.get('last-modified') ?? undefined,
        contentType: res.headers.get('content-type') ?? undefined,
        link: res.headers.get('link') ?? undefined,
        url: url.href,
      };
    }
    throw new FetchError(`GET ${req.url}: more than ${MAX_REDIRECTS} redirects`);
  }

  private async readCapped(res: Response, href: string): Promise<string> {
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > this.options.maxBytes) {
      await res.body?.cancel();
      throw new FetchError(`GET ${href}: response of ${declared} bytes is over the ${this.options.maxBytes}-byte cap`);
    }
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.options.maxBytes) {
        await reader.cancel();
        throw new FetchError(`GET ${href}: response is over the ${this.options.maxBytes}-byte cap`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
