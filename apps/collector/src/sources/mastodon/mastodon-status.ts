import { FeedFormatError, type CollectedItem } from '../source-adapter';
import { stripHtml } from '../rss.adapter';

/** The fields of Mastodon's Status entity the collector reads (docs.joinmastodon.org/entities/Status). */
export interface MastodonStatus {
  id: string;
  uri?: string;
  created_at: string;
  content: string;
  spoiler_text?: string;
  url?: string | null;
  language?: string | null;
  reblogs_count?: number;
  favourites_count?: number;
  replies_count?: number;
  reblog?: MastodonStatus | null;
  account: { id: string; acct: string; display_name?: string; followers_count?: number; created_at?: string; bot?: boolean };
}

/** Mastodon ids are decimal strings that sort as numbers; string order is wrong across lengths. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function maxId(ids: string[], start?: string): string | undefined {
  return ids.reduce<string | undefined>((m, id) => (m === undefined || compareIds(id, m) > 0 ? id : m), start);
}

/** Paragraphs and line breaks become line breaks, then markup goes. */
export function statusText(html: string): string {
  // NUL marks a break through stripHtml, which folds all other white space.
  // Inline markup (hashtag and mention links wrap `#<span>tag</span>`) is dropped without a space.
  const marked = html
    .replace(/<\/?(?:span|a|b|i|em|strong|code)\b[^>]*>/gi, '')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\u0000\u0000').replace(/<br\s*\/?>/gi, '\u0000');
  // eslint-disable-next-line no-control-regex -- NUL is the break marker set above
  return stripHtml(marked).replace(/ ?\u0000 ?/g, '\n').trim();
}

export function parseStatuses(body: string, where: string, key?: 'statuses'): MastodonStatus[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    throw new FeedFormatError(`${where}: not Mastodon JSON: ${(e as Error).message}`);
  }
  const list = key ? (doc as Record<string, unknown> | null)?.[key] : doc;
  if (!Array.isArray(list)) throw new FeedFormatError(`${where}: expected ${key ? `an object with a "${key}" list` : 'a list of statuses'}`);
  return list.filter((s): s is MastodonStatus => Boolean(s && typeof s === 'object' && typeof (s as MastodonStatus).id === 'string' && (s as MastodonStatus).account));
}

export function statusToItem(s: MastodonStatus): CollectedItem {
  const a = s.account;
  const created = Date.parse(s.created_at);
  const accountCreated = a.created_at ? Date.parse(a.created_at) : NaN;
  const meta: Record<string, string | number | boolean> = { acct: a.acct };
  if (s.reblogs_count !== undefined) meta.reblogs = s.reblogs_count;
  if (s.favourites_count !== undefined) meta.favourites = s.favourites_count;
  if (s.replies_count !== undefined) meta.replies = s.replies_count;
  if (a.bot) meta.bot = true;
  return {
    externalId: s.id,
    url: s.url ?? s.uri,
    title: s.spoiler_text?.trim() || undefined,
    text: statusText(s.content ?? ''),
    publishedAt: Number.isNaN(created) ? '' : new Date(created).toISOString(),
    author: {
      id: a.acct.slice(0, 256),
      name: (a.display_name?.trim() || a.acct).slice(0, 256),
      followers: Number.isInteger(a.followers_count) && a.followers_count! >= 0 ? a.followers_count : undefined,
      createdAt: Number.isNaN(accountCreated) ? undefined : new Date(accountCreated).toISOString(),
    },
    // Followers is how far a post can travel before anyone boosts it.
    reach: Number.isInteger(a.followers_count) && a.followers_count! >= 0 ? a.followers_count : undefined,
    langHint: s.language ?? undefined,
    meta,
  };
}

/** `<url>; rel="next", <url>; rel="prev"` → { next, prev }. */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(/,(?=\s*<)/)) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part);
    if (m) out[m[2]!.trim()] = m[1]!;
  }
  return out;
}
