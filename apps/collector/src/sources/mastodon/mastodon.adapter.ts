import { Injectable } from '@nestjs/common';
import { HttpFetcher } from '../../http/http-fetcher';
import type { CollectedItem, PollResult, SourceAdapter, SourceCursor } from '../source-adapter';
import type { SourceOf } from '../sources-config';
import { maxId, parseLinkHeader, parseStatuses, statusToItem } from './mastodon-status';

/**
 * A public hashtag timeline or public search. The cursor is the newest status id
 * read; each poll asks for what is immediately newer (`min_id`) and walks towards
 * the present through the `prev` link, so a restart or a backlog skips nothing.
 */
@Injectable()
export class MastodonAdapter implements SourceAdapter<'mastodon'> {
  readonly type = 'mastodon' as const;

  constructor(private readonly http: HttpFetcher) {}

  async poll(source: SourceOf<'mastodon'>, cursor: SourceCursor): Promise<PollResult> {
    const items: CollectedItem[] = [];
    let position = cursor.position;
    let url: string | undefined = this.firstUrl(source, position);
    let pages = 0;
    let full = false;
    while (url && pages < source.maxPages) {
      pages++;
      const res = await this.http.fetch({ url, headers: { accept: 'application/json', ...source.headers } });
      if (res.status !== 'ok') break;
      const statuses = parseStatuses(res.body, url, source.query ? 'statuses' : undefined).filter((s) => !s.reblog);
      items.push(...statuses.map(statusToItem));
      position = maxId(statuses.map((s) => s.id), position);
      full = statuses.length >= source.limit;
      // The first poll takes the latest page only: a new source starts now, it does not backfill.
      if (!full || !cursor.position) break;
      const prev = parseLinkHeader(res.link).prev;
      url = prev && new URL(prev).origin === new URL(source.instance).origin ? prev : this.firstUrl(source, position);
    }
    return { items, cursor: { ...cursor, position }, more: Boolean(cursor.position) && full && pages >= source.maxPages };
  }

  private firstUrl(source: SourceOf<'mastodon'>, minId: string | undefined): string {
    const base = source.instance.replace(/\/+$/, '');
    const q = new URLSearchParams({ limit: String(source.limit) });
    if (minId) q.set('min_id', minId);
    if (source.hashtag) {
      if (source.local) q.set('local', 'true');
      return `${base}/api/v1/timelines/tag/${encodeURIComponent(source.hashtag)}?${q}`;
    }
    q.set('q', source.query!);
    q.set('type', 'statuses');
    q.set('resolve', 'false');
    return `${base}/api/v2/search?${q}`;
  }
}
