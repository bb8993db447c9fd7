// Real parts: HTTP on 127.0.0.1 serving Apple's JSON feed documents (test/fixtures/appstore, MIT), HttpFetcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestFeedServer } from '../../../../../test/support/feed-server';
import { fixture, sourceFrom, testFetcher } from '../../../../../test/support/collector-kit';
import { AppStoreAdapter } from './appstore.adapter';
import { parseAppStorePage } from './appstore-feed';
import type { SourceCursor } from '../source-adapter';

describe('parseAppStorePage on real documents', () => {
  it('reads rating, title, version and author, and sees the next link', () => {
    const page = parseAppStorePage(fixture('appstore/1510826067_gb_1.json'), 'gb_1');
    expect(page).not.toBe('end');
    if (page === 'end') return;
    expect(page.hasNext).toBe(true);
    expect(page.items).toHaveLength(4);
    expect(page.items[0]).toMatchObject({ externalId: '6504352127', rating: 5, title: 'Amazing photos integration', author: { name: 'immeallme', id: '21079568' }, meta: { appVersion: '1.1.0' } });
    expect(page.items[0]!.text).toMatch(/^Such a great app/);
  });

  it('reads 50 Chinese reviews of a deep page', () => {
    const page = parseAppStorePage(fixture('appstore/497799835_cn_5.json'), 'cn_5');
    if (page === 'end') throw new Error('unexpected end');
    expect(page.items).toHaveLength(50);
    expect(page.items[0]).toMatchObject({ externalId: '6668621742', rating: 3, title: '使用直观感受' });
  });

  it('treats a page without entries and with an empty next link as the end', () => {
    for (const name of ['appstore/empty_page.json', 'appstore/1510826067_gb_2.json']) {
      const page = parseAppStorePage(fixture(name), name);
      expect(page !== 'end' && page.items.length).toBe(0);
    }
    const noNext = parseAppStorePage(fixture('appstore/empty_page.json'), 'e');
    expect(noNext !== 'end' && noNext.hasNext).toBe(false);
  });

  it('reads the page-depth answer as the end, and a blank rating as no rating', () => {
    expect(parseAppStorePage(fixture('appstore/555731861_us_11.json'), 'us_11')).toBe('end');
    const page = parseAppStorePage(fixture('appstore/invalid_rating.json'), 'r');
    expect(page !== 'end' && page.items[0]!.rating).toBeUndefined();
  });

  it('names the page when the body is not the feed', () => {
    expect(() => parseAppStorePage('<html>oops</html>', 'http://h/p1')).toThrow(/^http:\/\/h\/p1: not an App Store reviews JSON feed/);
  });
});

describe('AppStoreAdapter against a local store', () => {
  const server = new TestFeedServer();
  const adapter = new AppStoreAdapter(testFetcher());
  const path = (cc: string, n: number, id = '1510826067') => `/${cc}/rss/customerreviews/page=${n}/id=${id}/sortby=mostrecent/json`;
  const source = () => sourceFrom<'appstore'>(`id: app\ntype: appstore\nappId: 1510826067\ncountry: gb\nbaseUrl: ${server.url}\nmaxPages: 3`);

  beforeAll(async () => {
    await server.start();
  });
  afterAll(() => server.stop());

  it('pages until a page has no next link, then on the next poll stops at the reviews it has seen', async () => {
    server.serve(path('gb', 1), fixture('appstore/1510826067_gb_1.json'), 'application/json');
    server.serve(path('gb', 2), fixture('appstore/1510826067_gb_2.json'), 'application/json');
    const first = await adapter.poll(source(), { seen: [] });
    expect(first.items.map((i) => i.externalId)).toEqual(['6504352127', '6108405527', '6096833863', '6091772301']);
    expect(server.hits.get(path('gb', 2))).toBe(1);
    expect(server.hits.get(path('gb', 3))).toBeUndefined();
    expect(first.gap).toBeUndefined();
    // The seen ids persist in the cursor (through JSON, as in Elasticsearch): the next poll reads one page.
    const cursor: SourceCursor = JSON.parse(JSON.stringify({ ...first.cursor, seen: first.items.map((i) => i.externalId) }));
    await adapter.poll(source(), cursor);
    expect(server.hits.get(path('gb', 2))).toBe(1);
  });

  it('marks a gap when the page limit comes before any review it has seen', async () => {
    const deep = fixture('appstore/497799835_cn_5.json');
    for (const n of [1, 2, 3, 4]) server.serve(path('cn', n, '497799835'), deep.replaceAll('"label": "66', `"label": "${n}66`), 'application/json');
    const src = sourceFrom<'appstore'>(`id: xcode\ntype: appstore\nappId: 497799835\ncountry: cn\nbaseUrl: ${server.url}\nmaxPages: 3`);
    const r = await adapter.poll(src, { seen: ['an-old-review'] });
    expect(r.items).toHaveLength(150);
    expect(server.hits.get(path('cn', 4, '497799835'))).toBeUndefined();
    expect(r.gap?.reason).toMatch(/paging limit: 3 pages/);
    // A first poll starts at the newest page: nothing before it was ever promised.
    expect((await adapter.poll(src, { seen: [] })).gap).toBeUndefined();
  });

  it('stops at the page-depth answer (HTTP 400) without failing', async () => {
    server.serve(path('us', 1, '555731861'), fixture('appstore/1510826067_gb_1.json'), 'application/json');
    server.routes.set(path('us', 2, '555731861'), (_q, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end(fixture('appstore/555731861_us_11.json')));
    const src = sourceFrom<'appstore'>(`id: u\ntype: appstore\nappId: 555731861\ncountry: us\nbaseUrl: ${server.url}`);
    const r = await adapter.poll(src, { seen: [] });
    expect(r.items).toHaveLength(4);
  });
});
