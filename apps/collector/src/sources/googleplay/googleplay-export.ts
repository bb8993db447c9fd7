import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { FeedFormatError, type CollectedItem } from '../source-adapter';

/**
 * The Play Console's review export is UTF-16LE with a byte-order mark; people also
 * save it again as UTF-8. Either way we want text.
 */
export function decodeExport(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  return buf.toString('utf8');
}

const millis = (v: string | undefined): string => {
  if (!v?.trim()) return '';
  const n = Number(v);
  const t = Number.isFinite(n) ? n : Date.parse(v);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
};

/** Columns of the Play Console "reviews" CSV (Download reports → Reviews). */
export function parsePlayCsv(text: string, where: string): CollectedItem[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
  } catch (e) {
    throw new FeedFormatError(`${where}: not a readable CSV: ${(e as Error).message}`);
  }
  if (rows.length && !('Review Text' in rows[0]!)) throw new FeedFormatError(`${where}: no "Review Text" column; is this a Play Console reviews export?`);
  return rows.flatMap((r) => {
    const text = r['Review Text'] ?? '';
    const title = r['Review Title'] || undefined;
    // Star-only ratings carry no words to analyse.
    if (!text && !title) return [];
    const published = millis(r['Review Last Update Millis Since Epoch']) || millis(r['Review Submit Millis Since Epoch']) || millis(r['Review Last Update Date and Time']) || millis(r['Review Submit Date and Time']);
    const rating = Number(r['Star Rating']);
    const meta: Record<string, string> = {};
    if (r['App Version Name']) meta.appVersion = r['App Version Name'];
    if (r['Device']) meta.device = r['Device'];
    const link = r['Review Link'] || undefined;
    return [{
      externalId: link ?? createHash('sha1').update(`${r['Review Submit Millis Since Epoch']}|${text}`).digest('hex'),
      text,
      title,
      publishedAt: published,
      rating: rating >= 1 && rating <= 5 ? rating : undefined,
      url: link,
      langHint: r['Reviewer Language'] || undefined,
      meta: Object.keys(meta).length ? meta : undefined,
    }];
  });
}

interface PlayApiReview {
  reviewId?: string;
  authorName?: string;
  comments?: { userComment?: { text?: string; lastModified?: { seconds?: string | number }; starRating?: number; reviewerLanguage?: string; appVersionName?: string; device?: string } }[];
}

/** A saved response of the Play Developer API `reviews.list` (`{ reviews: [...] }` or the list itself). */
export function parsePlayJson(text: string, where: string): CollectedItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FeedFormatError(`${where}: not JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { reviews?: unknown })?.reviews;
  if (!Array.isArray(list)) throw new FeedFormatError(`${where}: expected a "reviews" list (Play Developer API reviews.list)`);
  return (list as PlayApiReview[]).flatMap((r) => {
    const c = r.comments?.find((x) => x.userComment)?.userComment;
    // The API puts the title and the body in one field, separated by a tab.
    const [first, ...rest] = (c?.text ?? '').split('\t');
    const text = (rest.length ? rest.join(' ') : first ?? '').trim();
    if (!r.reviewId || !text) return [];
    const seconds = Number(c?.lastModified?.seconds);
    const meta: Record<string, string> = {};
    if (c?.appVersionName) meta.appVersion = c.appVersionName;
    if (c?.device) meta.device = c.device;
    return [{
      externalId: r.reviewId,
      text,
      title: rest.length ? first?.trim() || undefined : undefined,
      publishedAt: Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : '',
      author: r.authorName ? { name: r.authorName.slice(0, 256) } : undefined,
      rating: c?.starRating && c.starRating >= 1 && c.starRating <= 5 ? c.starRating : undefined,
      langHint: c?.reviewerLanguage || undefined,
      meta: Object.keys(meta).length ? meta : undefined,
    }];
  });
}
