// Real parts: HTTP on 127.0.0.1 answering like Mastodon's API (Status entities, Link headers), HttpFetcher.
import type http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestFeedServer } from '../../../../../test/support/feed-server';
import { fixture, sourceFrom, testFetcher } from '../../../../../test/support/collector-kit';
import { MastodonAdapter } from './mastodon.adapter';
import { compareIds, parseLinkHeader, statusText, statusToItem, type MastodonStatus } from './mastodon-status';
import type { SourceCursor } from '../source-adapter';

const statuses = (): MastodonStatus[] => JSON.parse(fixture('mastodon/tag-freshdash.json'));

describe('statusToItem', () => {
  it('maps the documented Status fields, HTML to text', () => {
    const zh = statuses().find((s) => s.id === '113500000000000102')!;
    expect(statusToItem(zh)).toEqual({
      externalId: '113500000000000102',
      url: 'https://mastodon.example/@zhang/113500000000000102',
      title: undefined,
      text: '鲜达外卖退款失败第三次了\n客服电话打不通 #FreshDash',
      publishedAt: '2026-11-23T08:03:00.000Z',
      author: { id: 'zhang@mstdn.example.cn', name: '张女士', followers: 3400, createdAt: '2025-01-10T00:00:00.000Z' },
      reach: 3400,
      langHint: 'zh',
      meta: { acct: 'zhang@mstdn.example.cn', reblogs: 5, favourites: 9, replies: 0 },
    });
  });

  it('keeps paragraphs apart, decodes entities, falls back to acct without a display name', () => {
    const s = statuses().find((x) => x.id === '113500000000000103')!;
    expect(statusText(s.content)).toBe('Order late again & no refund.\n\nSecond paragraph <3');
    expect(statusToItem(s).author?.name).toBe('bob');
  });

  it('orders ids as numbers and reads Link headers', () => {
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(parseLinkHeader('<https://m.example/api/v1/timelines/tag/x?max_id=1>; rel="next", <https://m.example/api/v1/timelines/tag/x?min_id=5>; rel="prev"')).toEqual({
      next: 'https://m.example/api/v1/timelines/tag/x?max_id=1',
      prev: 'https://m.example/api/v1/timelines/tag/x?min_id=5',
    });
  });
});

describe('MastodonAdapter against a local instance', () => {
  const server = new TestFeedServer();
  const adapter = new MastodonAdapter(testFetcher());
  let timeline: MastodonStatus[] = [];
  const requests: string[] = [];

  /** Mastodon's paging: newest first; `min_id` = the page right after it; `prev` link = newer. */
  const tagRoute = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const u = new URL(req.url!, server.url);
    requests.push(u.search);
    const limit = Number(u.searchParams.get('limit') ?? 20);
    const minId = u.searchParams.get('min_id');
    const asc = [...timeline].sort((a, b) => compareIds(a.id, b.id));
    const page = (minId ? asc.filter((s) => compareIds(s.id, minId) > 0).slice(0, limit) : asc.slice(-limit)).reverse();
    const links = page.length
      ? `<${server.url}${u.pathname}?limit=${limit}&max_id=${page[page.length - 1]!.id}>; rel="next", <${server.url}${u.pathname}?limit=${limit}&min_id=${page[0]!.id}>; rel="prev"`
      : '';
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...(links ? { link: links } : {}) }).end(JSON.stringify(page));
  };

  const source = (extra = '') => sourceFrom<'mastodon'>(`id: m\ntype: mastodon\ninstance: ${server.url}\nhashtag: FreshDash\nlimit: 2\nmaxPages: 2${extra}`);
  const roundTrip = (c: SourceCursor): SourceCursor => JSON.parse(JSON.stringify(c));

  beforeAll(async () => {
    await server.start();
    server.routes.set('/api/v1/timelines/tag/FreshDash', tagRoute);
    server.routes.set('/api/v2/search', (req, res) => {
      requests.push(new URL(req.url!, server.url).search);
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('mastodon/search-freshdash.json'));
    });
  });
  beforeEach(() => {
    requests.length = 0;
  });
  afterAll(() => server.stop());

  it('starts at the latest page, then reads forward with min_id across a restart: no re-emit, no skip', async () => {
    const all = statuses();
    timeline = all.filter((s) => compareIds(s.id, '113500000000000102') <= 0);
    const first = await adapter.poll(source(), { seen: [] });
    expect(first.items.map((i) => i.externalId)).toEqual(['113500000000000102', '113500000000000101']);
    expect(first.cursor.position).toBe('113500000000000102');
    expect(first.more).toBe(false);

    // Three new posts while we were down; a page holds two, a poll reads at most two pages.
    timeline = all;
    requests.length = 0;
    const second = await adapter.poll(source(), roundTrip(first.cursor));
    expect(requests[0]).toContain('min_id=113500000000000102');
    const third = await adapter.poll(source(), roundTrip(second.cursor));
    const ids = [...second.items, ...third.items].map((i) => i.externalId).sort();
    expect(ids).toEqual(['113500000000000103', '113500000000000104', '113500000000000105']);
    expect(third.cursor.position).toBe('113500000000000105');
    expect((await adapter.poll(source(), roundTrip(third.cursor))).items).toEqual([]);
  });

  it('says there is more when it stops at its page limit with full pages', async () => {
    timeline = statuses();
    const r = await adapter.poll(source(), { seen: [], position: '100' });
    expect(r.items).toHaveLength(4);
    expect(r.more).toBe(true);
    expect(r.gap).toBeUndefined();
  });

  it('uses public search for a query', async () => {
    const src = sourceFrom<'mastodon'>(`id: q\ntype: mastodon\ninstance: ${server.url}\nquery: 鲜达 退款`);
    const r = await adapter.poll(src, { seen: [] });
    expect(requests[0]).toMatch(/type=statuses/);
    expect(new URLSearchParams(requests[0]).get('q')).toBe('鲜达 退款');
    expect(r.items.map((i) => i.externalId)).toEqual(['113500000000000105', '113500000000000104']);
  });

  it('refuses a config with both or neither of hashtag and query', () => {
    expect(() => sourceFrom(`id: q\ntype: mastodon\ninstance: ${server.url}`)).toThrow(/exactly one of hashtag or query/);
  });
});
