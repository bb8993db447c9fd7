import { joinList, splitList } from './watch-form';

export const SOURCE_TYPES = ['rss', 'appstore', 'googleplay', 'mastodon', 'json'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const CHANNELS = ['news', 'forum', 'social', 'review', 'appstore', 'form', 'app', 'email', 'hotline', 'other'] as const;
export const JSON_FIELDS = ['id', 'text', 'title', 'author', 'authorId', 'time', 'reach', 'rating', 'url', 'lang'] as const;

/** Every field of every source type, as text, the way the form edits them. */
export interface SourceFormState {
  id: string;
  type: SourceType;
  enabled: boolean;
  channel: string;
  every: string;
  langHint: string;
  keywords: string;
  exclude: string;
  rate: string;
  /** `Name: value` per line; values may be `${ENV}` placeholders. */
  headers: string;
  url: string;
  appId: string;
  country: string;
  baseUrl: string;
  maxPages: string;
  file: string;
  format: string;
  instance: string;
  hashtag: string;
  query: string;
  local: boolean;
  items: string;
  next: string;
  fields: Record<(typeof JSON_FIELDS)[number], string>;
}

export function emptySourceForm(type: SourceType = 'rss'): SourceFormState {
  return {
    id: '', type, enabled: true, channel: '', every: '', langHint: '', keywords: '', exclude: '', rate: '', headers: '', url: '', appId: '', country: '', baseUrl: '', maxPages: '',
    file: '', format: '', instance: '', hashtag: '', query: '', local: false, items: '', next: '', fields: Object.fromEntries(JSON_FIELDS.map((f) => [f, ''])) as SourceFormState['fields'],
  };
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** A stored configuration (as written) into the form. */
export function fromConfig(c: Record<string, unknown>): SourceFormState {
  const f = emptySourceForm(SOURCE_TYPES.includes(c.type as SourceType) ? (c.type as SourceType) : 'rss');
  for (const k of ['id', 'channel', 'every', 'langHint', 'rate', 'url', 'appId', 'country', 'baseUrl', 'maxPages', 'file', 'format', 'instance', 'hashtag', 'query', 'items', 'next'] as const) f[k] = str(c[k]);
  f.enabled = c.enabled !== false;
  f.local = c.local === true;
  f.keywords = joinList(c.keywords as string[] | undefined);
  f.exclude = joinList(c.exclude as string[] | undefined);
  f.headers = Object.entries((c.headers ?? {}) as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join('\n');
  const fields = (c.fields ?? {}) as Record<string, unknown>;
  for (const k of JSON_FIELDS) f.fields[k] = str(fields[k]);
  return f;
}

/**
 * The form as a configuration the api checks (the same shape as one entry of the sources YAML):
 * only the fields of its type, only those filled in; numbers as numbers.
 */
export function toConfig(f: SourceFormState): Record<string, unknown> {
  const c: Record<string, unknown> = { id: f.id.trim(), type: f.type };
  const put = (k: string, v: string) => v.trim() && (c[k] = v.trim());
  const num = (k: string, v: string) => v.trim() && (c[k] = Number(v.trim()));
  if (!f.enabled) c.enabled = false;
  put('channel', f.channel);
  put('every', f.every);
  put('langHint', f.langHint);
  if (splitList(f.keywords).length) c.keywords = splitList(f.keywords);
  if (splitList(f.exclude).length) c.exclude = splitList(f.exclude);
  const http = f.type !== 'googleplay';
  if (http) {
    num('rate', f.rate);
    const headers = Object.fromEntries(f.headers.split('\n').map((l) => l.match(/^\s*([A-Za-z0-9-]+)\s*:\s*(.*?)\s*$/)).filter((m): m is RegExpMatchArray => !!m).map((m) => [m[1], m[2]]));
    if (Object.keys(headers).length) c.headers = headers;
  }
  switch (f.type) {
    case 'rss':
      put('url', f.url);
      break;
    case 'appstore':
      put('appId', f.appId);
      put('country', f.country.toLowerCase());
      put('baseUrl', f.baseUrl);
      num('maxPages', f.maxPages);
      break;
    case 'googleplay':
      put('file', f.file);
      put('format', f.format);
      put('appId', f.appId);
      break;
    case 'mastodon':
      put('instance', f.instance);
      put('hashtag', f.hashtag.replace(/^#/, ''));
      put('query', f.query);
      if (f.local) c.local = true;
      num('maxPages', f.maxPages);
      break;
    case 'json': {
      put('url', f.url);
      put('items', f.items);
      put('next', f.next);
      num('maxPages', f.maxPages);
      c.fields = Object.fromEntries(JSON_FIELDS.filter((k) => f.fields[k].trim()).map((k) => [k, f.fields[k].trim()]));
      break;
    }
  }
  return c;
}
