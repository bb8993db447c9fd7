// Real parts: HTTP on 127.0.0.1 (the only allowed host); private targets are refused before any connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList, type Resolver } from '@vigil/common';
import { TestFeedServer } from '../../../../test/support/feed-server';
import { testFetcher } from '../../../../test/support/collector-kit';
import { RssAdapter } from '../sources/rss.adapter';
import { FetchError } from './http-fetcher';

describe('HttpFetcher against a local server', () => {
  const server = new TestFeedServer();
  /** Stands in for another service on the same host (Elasticsearch on 19200 beside the demo feed). */
  const neighbour = new TestFeedServer();
  // 4 s, under the 5 s a test may take: a loaded machine can stall this process past a shorter timeout while
  // the answer waits on the socket (timers run before I/O), and a 429 or a cap would then read as a timeout.
  const fetcher = testFetcher({ timeoutMs: 4_000, maxBytes: 10_000 });
  /** The timeout itself, on a server that never answers: nothing else can end the request. */
  const impatient = testFetcher({ timeoutMs: 500, maxBytes: 10_000 });
  const headersSeen: Record<string, string | undefined>[] = [];

  beforeAll(async () => {
    await server.start();
    await neighbour.start();
    neighbour.serve('/_cat/indices', 'secret index list', 'text/plain');
    server.routes.set('/to-neighbour', (_q, res) => res.writeHead(302, { location: `${neighbour.url}/_cat/indices` }).end());
    server.serve('/pinned', 'pinned ok', 'text/plain');
    server.routes.set('/busy', (_q, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    server.routes.set('/slow', () => undefined);
    server.routes.set('/big', (_q, res) => res.writeHead(200, { 'content-length': '20000' }).end('x'.repeat(20_000)));
    server.routes.set('/big-chunked', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 20; i++) res.write('y'.repeat(1_000));
      res.end();
    });
    for (const target of ['http://10.255.255.1/latest', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.1]/']) {
      server.routes.set(`/to/${encodeURIComponent(target)}`, (_q, res) => res.writeHead(302, { location: target }).end());
    }
    server.routes.set('/echo', (req, res) => {
      headersSeen.push({ authorization: req.headers.authorization });
      res.writeHead(200).end('ok');
    });
    server.routes.set('/hop', (_q, res) => res.writeHead(302, { location: `${server.url.replace('127.0.0.1', 'localhost')}/echo` }).end());
    server.serve('/bomb.rss', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>`);
  });
  afterAll(async () => {
    await server.stop();
    await neighbour.stop();
  });
  const port = (u: string) => new URL(u).port;

  it('reports Retry-After of a 429', async () => {
    const e = await fetcher.fetch({ url: `${server.url}/busy` }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FetchError);
    expect(e).toMatchObject({ httpStatus: 429, retryAfterMs: 120_000 });
  });

  it('gives up on a server that never answers', async () => {
    await expect(impatient.fetch({ url: `${server.url}/slow` })).rejects.toThrow(/timed out after 500 ms/);
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    await expect(fetcher.fetch({ url: `${server.url}/big` })).rejects.toThrow(/20000 bytes is over the 10000-byte cap/);
    await expect(fetcher.fetch({ url: `${server.url}/big-chunked` })).rejects.toThrow(/over the 10000-byte cap/);
  });

  it.each(['http://10.255.255.1/latest', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.1]/'])('refuses a redirect to %s without connecting', async (target) => {
    // A connection attempt to a black-holed address would fail with the 4 s timeout's
    // message instead; the guard's refusal names the range, so the message alone tells them apart.
    await expect(fetcher.fetch({ url: `${server.url}/to/${encodeURIComponent(target)}` })).rejects.toThrow(/refusing to connect to .*\((private|linkLocal)\)/);
  });

  it('sends configured headers to their origin only, not across a redirect', async () => {
    const f = testFetcher({ allowedHosts: parseAllowList(`127.0.0.1:${port(server.url)},localhost:${port(server.url)}`) });
    await f.fetch({ url: `${server.url}/echo`, headers: { authorization: 'Bearer s3cret' } });
    await f.fetch({ url: `${server.url}/hop`, headers: { authorization: 'Bearer s3cret' } });
    expect(headersSeen).toEqual([{ authorization: 'Bearer s3cret' }, { authorization: undefined }]);
  });

  it('allows a private host on the port it was allowed for only: a redirect to another port of it is refused (issue 20, item 10)', async () => {
    const f = testFetcher({ allowedHosts: parseAllowList(`127.0.0.1:${port(server.url)}`) });
    expect(await f.fetch({ url: `${server.url}/pinned` })).toMatchObject({ status: 'ok', body: 'pinned ok' });
    await expect(f.fetch({ url: `${server.url}/to-neighbour` })).rejects.toThrow(new RegExp(`refusing to connect to 127\\.0\\.0\\.1:${port(neighbour.url)}.*COLLECTOR_ALLOW_HOSTS`));
    expect(neighbour.hits.get('/_cat/indices')).toBeUndefined();
  });

  it('resolves a name once and connects to the address it checked (no second lookup to rebind)', async () => {
    const answers = ['127.0.0.1', '127.0.0.2'];
    let calls = 0;
    const resolve: Resolver = (_name, cb) => cb(null, [{ address: answers[Math.min(calls++, 1)]!, family: 4 }]);
    const f = testFetcher({ allowedHosts: parseAllowList(`127.0.0.1:${port(server.url)}`), resolve });
    expect(await f.fetch({ url: `http://rebind.test:${port(server.url)}/pinned` })).toMatchObject({ status: 'ok', body: 'pinned ok' });
    expect(calls).toBe(1);
    // A name whose only answer is a private address nobody allowed is refused.
    const g = testFetcher({ allowedHosts: parseAllowList(`127.0.0.1:${port(server.url)}`), resolve: (_n, cb) => cb(null, [{ address: '10.0.0.7', family: 4 }]) });
    await expect(g.fetch({ url: `http://intranet.test:${port(server.url)}/pinned` })).rejects.toThrow(/intranet\.test.*10\.0\.0\.7 \(private\)/);
  });

  it('refuses a billion-laughs feed', async () => {
    const rss = new RssAdapter(fetcher);
    await expect(rss.poll({ id: 'b', type: 'rss', url: `${server.url}/bomb.rss`, channel: 'news', every: 1000, keywords: [], exclude: [], enabled: true, headers: {} }, { seen: [] })).rejects.toThrow(/declares XML entities/);
  });
});
