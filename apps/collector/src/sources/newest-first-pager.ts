import type { CollectedItem } from './source-adapter';

export interface Page {
  items: CollectedItem[];
  /** The URL of the next (older) page, if the server says there is one. */
  next?: string;
}

export interface PagedResult {
  items: CollectedItem[];
  /** Set when older posts we never saw may be missing. */
  gap?: { reason: string; from?: string; to?: string };
}

/**
 * Reads a newest-first listing page by page until it reaches posts it has already
 * seen, an empty page, or the last page. Stopping at the page limit before reaching
 * known posts after an earlier poll means posts in between were never read: a gap.
 */
export async function readNewestFirst(opts: {
  first: string;
  maxPages: number;
  seen: ReadonlySet<string>;
  fetchPage: (url: string, page: number) => Promise<Page | 'end'>;
}): Promise<PagedResult> {
  const items: CollectedItem[] = [];
  let url: string | undefined = opts.first;
  let reachedKnown = false;
  for (let page = 1; url && page <= opts.maxPages; page++) {
    const r = await opts.fetchPage(url, page);
    if (r === 'end' || !r.items.length) {
      url = undefined;
      break;
    }
    items.push(...r.items);
    if (r.items.some((i) => opts.seen.has(i.externalId))) {
      reachedKnown = true;
      break;
    }
    url = r.next;
  }
  // A first poll starts where the listing starts: there is nothing before it to miss.
  if (url && !reachedKnown && opts.seen.size) {
    const dated = items.map((i) => i.publishedAt).filter(Boolean).sort();
    return { items, gap: { reason: `paging limit: ${opts.maxPages} pages read without reaching posts seen before`, to: dated[0] } };
  }
  return { items };
}
