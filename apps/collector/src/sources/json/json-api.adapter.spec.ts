// Real parts: HTTP on 127.0.0.1 serving a paged JSON API, HttpFetcher; the auth header comes from the environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestFeedServer } from '../../../../../test/support/feed-server';
import { fixture, sourceFrom, testFetcher } from '../../../../../test/support/collector-kit';
import { JsonApiAdapter } from './json-api.adapter';
import { getPath, mapJsonItem, parseTime } from './json-mapping';

const fields = { id: 'id', text: 'body', title: 'headline', author: 'user.name', authorId: 'user.id', time: 'created_at', reach: 'user.followers', rating: 'stars', url: 'link', lang: 'lang' };

describe('json mapping', () => {
  it('reads dot paths and three kinds of time', () => {
    expect(getPath({ a: { b: [{ c: 1 }] } }, 'a.b.0.c')).toBe(1);
    expect(getPath({ a: 1 }, 'a.b')).toBeUndefined();
    expect(parseTime('2026-11-23T09:05:00+08:00')).toBe('2026-11-23T01:05:00.000Z');
    expect(parseTime(1795900000)).toBe(new Date(1795900000 * 1000).toISOString());
    expect(parseTime('1795890000000')).toBe(new Date(1795890000000).toISOString());
    expect(parseTime('soon')).toBe('');
  });

  it('maps an item, strips markup, and skips one without text', () => {
    const page = JSON.parse(fixture('json/reviews-page1.json')).data.reviews;
    expect(mapJsonItem(page[0], fields)).toEqual({
      externalId: 'r-105',
      text: 'FreshDash refund failed again',
      title: 'Refund failed',
      publishedAt: '2026-11-23T01:05:00.000Z',
      author: { name: 'Dana', id: 'u9' },
      url: 'https://reviews.example/r/105',
      rating: 1,
      reach: 42,
      langHint: 'en',
    });
    expect(mapJsonItem(page[2], fields)).toBeUndefined();
  });
});

describe('JsonApiAdapter against a local API', () => {
  const server = new TestFeedServer();
  const adapter = new JsonApiAdapter(testFetcher());
  const auth: (string | undefined)[] = [];
  const yaml = () => `id: reviews\ntype: json\nurl: ${server.url}/api/reviews\nheaders:\n  Authorization: Bearer \${REVIEWS_TOKEN}\nitems: data.reviews\nnext: links.next\nfields:\n  id: id\n  text: body\n  title: headline\n  author: user.name\n  time: created_at\n  rating: stars`;

  beforeAll(async () => {
    await server.start();
    server.routes.set('/api/reviews', (req, res) => {
      auth.push(req.headers.authorization);
      const page = new URL(req.url!, server.url).searchParams.get('page') ?? '1';
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(`json/reviews-page${page}.json`));
    });
  });
  afterAll(() => server.stop());

  it('follows the next link, sends the header from the environment, and stops at posts it has seen', async () => {
    const source = sourceFrom<'json'>(yaml(), { REVIEWS_TOKEN: 's3cret' });
    const first = await adapter.poll(source, { seen: [] });
    expect(first.items.map((i) => i.externalId)).toEqual(['r-105', 'r-104', 'r-102', 'r-101']);
    expect(auth).toEqual(['Bearer s3cret', 'Bearer s3cret']);
    const again = await adapter.poll(source, { seen: first.items.map((i) => i.externalId) });
    expect(again.items.map((i) => i.externalId)).toEqual(['r-105', 'r-104']);
    expect(auth).toHaveLength(3);
  });

  it('names the path when the items are not a list', async () => {
    const source = sourceFrom<'json'>(yaml().replace('items: data.reviews', 'items: data.nothing'));
    await expect(adapter.poll(source, { seen: [] })).rejects.toThrow(/"data\.nothing" is not a list/);
  });
});
