import { FeedFormatError, type CollectedItem } from '../source-adapter';

/** Apple's answer past the last page it serves (HTTP 200 or 400, plain text). */
export const PAGE_DEPTH_ERROR = /page depth is limited/i;

interface Label { label?: string }
interface AppStoreEntry {
  id?: Label;
  title?: Label;
  content?: Label & { attributes?: { type?: string } };
  author?: { name?: Label; uri?: Label };
  'im:rating'?: Label;
  'im:version'?: Label;
  'im:voteSum'?: Label;
  'im:voteCount'?: Label;
  updated?: Label;
  link?: { attributes?: { href?: string } } | { attributes?: { href?: string } }[];
}
interface AppStoreFeed {
  feed?: { entry?: AppStoreEntry | AppStoreEntry[]; link?: { attributes?: { rel?: string; href?: string } }[] };
}

export interface AppStorePage {
  items: CollectedItem[];
  /** Apple names a next page (a non-empty `next` link). */
  hasNext: boolean;
}

export function appStorePageUrl(baseUrl: string, country: string, appId: string, page: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/${country}/rss/customerreviews/page=${page}/id=${appId}/sortby=mostrecent/json`;
}

/** One page of the customer-reviews JSON feed; `'end'` for the page-depth answer. */
export function parseAppStorePage(body: string, where: string): AppStorePage | 'end' {
  if (PAGE_DEPTH_ERROR.test(body.slice(0, 200))) return 'end';
  let doc: AppStoreFeed;
  try {
    doc = JSON.parse(body) as AppStoreFeed;
  } catch (e) {
    throw new FeedFormatError(`${where}: not an App Store reviews JSON feed: ${(e as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || !doc.feed || typeof doc.feed !== 'object') throw new FeedFormatError(`${where}: not an App Store reviews JSON feed: no "feed" object`);
  const raw = doc.feed.entry === undefined ? [] : Array.isArray(doc.feed.entry) ? doc.feed.entry : [doc.feed.entry];
  const hasNext = (doc.feed.link ?? []).some((l) => l?.attributes?.rel === 'next' && Boolean(l.attributes.href));
  // Older feeds open page 1 with an entry describing the app itself; it has no rating.
  const items = raw.filter((e) => e?.id?.label && e['im:rating'] !== undefined).map(toItem);
  return { items, hasNext };
}

function toItem(e: AppStoreEntry): CollectedItem {
  const ratingNum = Number(e['im:rating']?.label);
  const updated = e.updated?.label;
  const link = Array.isArray(e.link) ? e.link[0] : e.link;
  const meta: Record<string, string | number> = {};
  if (e['im:version']?.label) meta.appVersion = e['im:version'].label;
  const votes = Number(e['im:voteCount']?.label);
  if (Number.isFinite(votes) && votes > 0) meta.votes = votes;
  const authorUri = e.author?.uri?.label;
  return {
    externalId: e.id!.label!,
    title: e.title?.label?.trim() || undefined,
    text: (e.content?.label ?? '').trim(),
    // Apple's JSON feed stopped dating entries in some stores; undated reviews are dated when fetched.
    publishedAt: updated && !Number.isNaN(Date.parse(updated)) ? new Date(updated).toISOString() : '',
    rating: Number.isInteger(ratingNum) && ratingNum >= 1 && ratingNum <= 5 ? ratingNum : undefined,
    author: e.author?.name?.label ? { name: e.author.name.label.slice(0, 256), id: authorUri ? /id(\d+)/.exec(authorUri)?.[1] : undefined } : undefined,
    url: link?.attributes?.href,
    meta: Object.keys(meta).length ? meta : undefined,
  };
}
