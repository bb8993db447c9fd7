import { Injectable } from '@nestjs/common';
import { FetchError, HttpFetcher } from '../../http/http-fetcher';
import { readNewestFirst } from '../newest-first-pager';
import type { PollResult, SourceAdapter, SourceCursor } from '../source-adapter';
import type { SourceOf } from '../sources-config';
import { appStorePageUrl, parseAppStorePage } from './appstore-feed';

/** Apple's customer reviews, newest first, up to 10 pages of 50, until it meets reviews it has seen. */
@Injectable()
export class AppStoreAdapter implements SourceAdapter<'appstore'> {
  readonly type = 'appstore' as const;

  constructor(private readonly http: HttpFetcher) {}

  async poll(source: SourceOf<'appstore'>, cursor: SourceCursor): Promise<PollResult> {
    const pageUrl = (n: number) => appStorePageUrl(source.baseUrl, source.country, source.appId, n);
    const r = await readNewestFirst({
      first: pageUrl(1),
      maxPages: source.maxPages,
      seen: new Set(cursor.seen),
      fetchPage: async (url, n) => {
        let res;
        try {
          res = await this.http.fetch({ url, headers: source.headers });
        } catch (e) {
          // Past its last page Apple may answer 400 with the page-depth text.
          if (n > 1 && e instanceof FetchError && e.httpStatus === 400) return 'end';
          throw e;
        }
        if (res.status !== 'ok') return 'end';
        const page = parseAppStorePage(res.body, url);
        if (page === 'end') return 'end';
        return { items: page.items, next: page.hasNext ? pageUrl(n + 1) : undefined };
      },
    });
    return { items: r.items, cursor, gap: r.gap };
  }
}
