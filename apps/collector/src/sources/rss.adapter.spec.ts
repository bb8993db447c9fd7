import fs from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { parseFeed, stripHtml } from './rss.adapter';
import { FeedFormatError } from './source-adapter';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/feeds', name), 'utf8');
const parser = new Parser();

describe('parseFeed on real documents', () => {
  it.each([
    ['heise.atom', 'Atom'],
    ['rss-1.rss', 'RSS 1.0'],
    ['reddit.rss', 'RSS 2.0'],
  ])('reads %s (%s) into items with ids, text and dates', async (name) => {
    const items = await parseFeed(parser, fixture(name), name);
    expect(items.length).toBeGreaterThan(3);
    for (const i of items) {
      expect(i.externalId).not.toBe('');
      expect(i.text).not.toMatch(/<[a-z][^>]*>/i);
    }
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    expect(items.filter((i) => i.publishedAt).length).toBeGreaterThan(0);
  });

  it('keeps items with missing fields, with a derived id and no date', async () => {
    const items = await parseFeed(parser, fixture('missing-fields.atom'), 'missing-fields.atom');
    expect(items.length).toBeGreaterThan(0);
    expect(items[0].externalId).toMatch(/\S/);
  });

  it('names the feed when the XML is malformed', async () => {
    await expect(parseFeed(parser, '<rss><channel><item><title>x</item></rss', 'http://h/f.xml')).rejects.toThrow(FeedFormatError);
    await expect(parseFeed(parser, '<rss><channel><item><title>x</item></rss', 'http://h/f.xml')).rejects.toThrow(/^http:\/\/h\/f\.xml: not a readable RSS\/Atom feed/);
  });

  it('refuses a document that declares entities (billion laughs)', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>`;
    await expect(parseFeed(parser, bomb, 'bomb.xml')).rejects.toThrow(/declares XML entities/);
  });

  it('rejects a document that is not a feed', async () => {
    await expect(parseFeed(parser, fixture('unrecognized.rss'), 'u.rss')).rejects.toThrow(FeedFormatError);
  });
});

describe('stripHtml', () => {
  it('keeps text and drops markup and scripts', () => {
    expect(stripHtml('<p>退款<b>失败</b></p><script>alert(1)</script> &amp; more')).toBe('退款 失败 & more');
  });
});
