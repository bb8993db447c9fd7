import { createHash } from 'node:crypto';
import { FeedFormatError, type CollectedItem } from '../source-adapter';
import type { SourceOf } from '../sources-config';
import { stripHtml } from '../rss.adapter';

type Fields = SourceOf<'json'>['fields'];

/** `a.b.0.c` into a parsed JSON value; undefined when any step is missing. */
export function getPath(value: unknown, path: string | undefined): unknown {
  if (path === undefined) return undefined;
  if (path === '') return value;
  let v: unknown = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** ISO text, or a number of seconds or milliseconds since the epoch (APIs use all three). */
export function parseTime(v: unknown): string {
  if (typeof v === 'number' || (typeof v === 'string' && /^\d{9,13}$/.test(v.trim()))) {
    const n = Number(v);
    const ms = n < 1e11 ? n * 1000 : n;
    return Number.isFinite(ms) ? new Date(ms).toISOString() : '';
  }
  if (typeof v === 'string' && v.trim()) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? '' : new Date(t).toISOString();
  }
  return '';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export interface JsonPage {
  items: CollectedItem[];
  next?: string;
  /** Items the mapping could not read (no text), for the log. */
  skipped: number;
}

/** One page of a JSON API read through the source's declared mapping. */
export function mapJsonPage(body: string, where: string, itemsPath: string, fields: Fields, nextPath?: string): JsonPage {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    throw new FeedFormatError(`${where}: not JSON: ${(e as Error).message}`);
  }
  const list = getPath(doc, itemsPath);
  if (!Array.isArray(list)) throw new FeedFormatError(`${where}: "${itemsPath || '(the document)'}" is not a list`);
  const items: CollectedItem[] = [];
  let skipped = 0;
  for (const raw of list) {
    const item = mapJsonItem(raw, fields);
    if (item) items.push(item);
    else skipped++;
  }
  const next = str(getPath(doc, nextPath));
  return { items, skipped, next: next ? new URL(next, where).href : undefined };
}

export function mapJsonItem(raw: unknown, f: Fields): CollectedItem | undefined {
  const text = str(getPath(raw, f.text));
  const title = str(getPath(raw, f.title));
  if (!text?.trim() && !title?.trim()) return undefined;
  const id = str(getPath(raw, f.id)) ?? createHash('sha1').update(JSON.stringify(raw)).digest('hex');
  const authorName = str(getPath(raw, f.author));
  const authorId = str(getPath(raw, f.authorId));
  const rating = num(getPath(raw, f.rating));
  const reach = num(getPath(raw, f.reach));
  return {
    externalId: id,
    text: stripHtml(text ?? ''),
    title: title ? stripHtml(title) : undefined,
    publishedAt: parseTime(getPath(raw, f.time)),
    author: authorName || authorId ? { name: authorName?.slice(0, 256), id: authorId?.slice(0, 256) } : undefined,
    url: str(getPath(raw, f.url)),
    rating: rating !== undefined && rating >= 1 && rating <= 5 ? rating : undefined,
    reach: reach !== undefined && reach >= 0 ? reach : undefined,
    langHint: str(getPath(raw, f.lang))?.slice(0, 16),
  };
}
