import { Injectable } from '@nestjs/common';
import { HttpFetcher } from '../../http/http-fetcher';
import { readNewestFirst } from '../newest-first-pager';
import type { PollResult, SourceAdapter, SourceCursor } from '../source-adapter';
import type { SourceOf } from '../sources-config';
import { mapJsonPage } from './json-mapping';

/** Any JSON API that lists posts newest first, read through the mapping the sources file declares. */
@Injectable()
export class JsonApiAdapter implements SourceAdapter<'json'> {
  readonly type = 'json' as const;

  constructor(private readonly http: HttpFetcher) {}

  async poll(source: SourceOf<'json'>, cursor: SourceCursor): Promise<PollResult> {
    const r = await readNewestFirst({
      first: source.url,
      maxPages: source.next ? source.maxPages : 1,
      seen: new Set(cursor.seen),
      fetchPage: async (url) => {
        const res = await this.http.fetch({ url, headers: { accept: 'application/json', ...source.headers } });
        if (res.status !== 'ok') return 'end';
        const page = mapJsonPage(res.body, res.url, source.items, source.fields, source.next);
        return { items: page.items, next: page.next };
      },
    });
    return { items: r.items, cursor, gap: r.gap };
  }
}
