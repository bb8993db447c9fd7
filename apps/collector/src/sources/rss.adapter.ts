import { Injectable } from '@nestjs/common';
import Parser from 'rss-parser';
import { createHash } from 'node:crypto';
import { HttpFetcher } from '../http/http-fetcher';
import { FeedFormatError, type CollectedItem, type PollResult, type SourceAdapter, type SourceCursor } from './source-adapter';
import type { SourceOf } from './sources-config';

/** RSS 2.0, RSS 1.0 and Atom, with conditional GET so an unchanged feed costs one 304. */
@Injectable()
export class RssAdapter implements SourceAdapter<'rss'> {
  readonly type = 'rss' as const;
  private readonly parser = new Parser({ timeout: 0 });

  constructor(private readonly http: HttpFetcher) {}

  async poll(source: SourceOf<'rss'>, cursor: SourceCursor): Promise<PollResult> {
    const res = await this.http.fetch({ url: source.url, etag: cursor.etag, lastModified: cursor.lastModified, headers: source.headers });
    if (res.status === 'not-modified') return { items: [], cursor };
    const items = await parseFeed(this.parser, res.body, source.url);
    return { items, cursor: { ...cursor, etag: res.etag, lastModified: res.lastModified } };
  }
}

export async function parseFeed(parser: Parser, xml: string, where: string): Promise<CollectedItem[]> {
  // Entity declarations are how "billion laughs" documents explode; feeds never need them.
  if (/<!ENTITY/i.test(xml.slice(0, 8192))) throw new FeedFormatError(`${where}: the document declares XML entities, which feeds never need; refused`);
  let feed: Awaited<ReturnType<Parser['parseString']>>;
  try {
    feed = await parser.parseString(xml);
  } catch (e) {
    throw new FeedFormatError(`${where}: not a readable RSS/Atom feed: ${(e as Error).message.split('\n')[0]}`);
  }
  return (feed.items ?? []).map((item) => {
    const text = stripHtml(item.contentSnippet ?? item.content ?? item.summary ?? '');
    const externalId = item.guid ?? (item as { id?: string }).id ?? item.link ?? createHash('sha1').update(`${item.title}|${item.pubDate}|${text.slice(0, 200)}`).digest('hex');
    const published = item.isoDate ?? (item.pubDate ? new Date(item.pubDate).toISOString() : undefined);
    const author = item.creator ?? (item as { author?: string }).author;
    return {
      externalId: String(externalId),
      url: item.link,
      title: item.title?.trim() || undefined,
      text,
      publishedAt: published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : '',
      author: author ? { name: String(author).slice(0, 256) } : undefined,
    };
  });
}

/** Feed bodies may carry HTML even in "snippets"; we store text, never markup. */
export function stripHtml(s: string): string {
  return s
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
