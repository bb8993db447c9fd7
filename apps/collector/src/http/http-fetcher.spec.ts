// Real parts: HTTP on 127.0.0.1 (the only allowed host); private targets are refused before any connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestFeedServer } from '../../../../test/support/feed-server';
import { testFetcher } from '../../../../test/support/collector-kit';
import { RssAdapter } from '../sources/rss.adapter';
import { FetchError } from './http-fetcher';

describe('HttpFetcher against a local server', () => {
  const server = new TestFeedServer();
  const fetcher = testFetcher({ timeoutMs: 500, maxBytes: 10_000 });
  const headersSeen: Record<string, string | undefined>[] = [];

  beforeAll(async () => {
    await server.start();
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
  afterAll(() => server.stop());

  it('reports Retry-After of a 429', async () => {
    const e = await fetcher.fetch({ url: `${server.url}/busy` }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FetchError);
    expect(e).toMatchObject({ httpStatus: 429, retryAfterMs: 120_000 });
  });

  it('gives up on a server that never answers', async () => {
    await expect(fetcher.fetch({ url: `${server.url}/slow` })).rejects.toThrow(/timed out after 500 ms/);
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    await expect(fetcher.fetch({ url: `${server.url}/big` })).rejects.toThrow(/20000 bytes is over the 10000-byte cap/);
    await expect(fetcher.fetch({ url: `${server.url}/big-chunked` })).rejects.toThrow(/over the 10000-byte cap/);
  });

  it.each(['http://10.255.255.1/latest', 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:10.0.0.1]/'])('refuses a redirect to %s without connecting', async (target) => {
    // A connection attempt to a black-holed address would fail with the 500 ms timeout's
    // message instead; the guard's refusal names the range, so the message alone tells them apart.
    await expect(fetcher.fetch({ url: `${server.url}/to/${encodeURIComponent(target)}` })).rejects.toThrow(/refusing to fetch .*\((private|linkLocal)\)/);
  });

  it('sends configured headers to their origin only, not across a redirect', async () => {
    const f = testFetcher({ allowedHosts: new Set(['127.0.0.1', 'localhost']) });
    await f.fetch({ url: `${server.url}/echo`, headers: { authorization: 'Bearer s3cret' } });
    await f.fetch({ url: `${server.url}/hop`, headers: { authorization: 'Bearer s3cret' } });
    expect(headersSeen).toEqual([{ authorization: 'Bearer s3cret' }, { authorization: undefined }]);
  });

  it('refuses a billion-laughs feed', async () => {
    const rss = new RssAdapter(fetcher);
    await expect(rss.poll({ id: 'b', type: 'rss', url: `${server.url}/bomb.rss`, channel: 'news', every: 1000, keywords: [], exclude: [], enabled: true, headers: {} }, { seen: [] })).rejects.toThrow(/declares XML entities/);
  });
});
