import { z } from 'zod';
import { Channel } from './raw-mention.schema';
import { VersionStamp } from './config-change.schema';

/**
 * What the collector reads, one source each: the sources YAML (which seeds a deployment) and the
 * sources managed in the product (stored in `<prefix>sources`, see SourceDoc) share this schema.
 * Stored configurations keep what a person wrote (`5m`, `${TOKEN}` placeholders): the collector
 * fills placeholders from its own environment and parses them when it uses them.
 */
/** `30s`, `5m`, `1h` or a number of seconds. */
const Duration = z.union([
  z.number().positive(),
  z.string().regex(/^\d+(\.\d+)?\s*(s|m|h)$/, 'a duration such as 30s, 5m or 1h'),
]).transform((v) => {
  if (typeof v === 'number') return v * 1000;
  const n = parseFloat(v);
  return n * { s: 1000, m: 60_000, h: 3_600_000 }[v.trim().slice(-1) as 's' | 'm' | 'h'];
});

/** A dot path into a JSON document: `data.items`, `user.name`; empty means the document itself. */
const JsonPath = z.string().regex(/^$|^[A-Za-z0-9_$:@-]+(\.[A-Za-z0-9_$:@-]+)*$/, 'a dot path such as data.items or user.name');

/** What every source has, whatever it reads. */
const Common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, dot, dash or underscore'),
  every: Duration.default(300_000),
  langHint: z.string().optional(),
  /** Keep only items that mention one of these (brand, product); empty keeps all. */
  keywords: z.array(z.string().min(1)).default([]),
  /** Drop items that mention any of these (job ads, a homonymous brand). */
  exclude: z.array(z.string().min(1)).default([]),
  enabled: z.boolean().default(true),
};

/** What every source fetched over HTTP has. */
const Http = {
  ...Common,
  /** Requests per second to this source's host; the lowest rate named for a host wins. */
  rate: z.number().positive().max(50).optional(),
  /** Extra request headers, e.g. `Authorization: Bearer ${REVIEWS_TOKEN}` (taken from the environment). */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name'), z.string()).default({}),
};

export const RssSource = z.object({ ...Http, type: z.literal('rss'), url: z.url(), channel: Channel.default('news') });

/** Apple's public customer-reviews feed for one app in one country's store. */
export const AppStoreSource = z.object({
  ...Http,
  type: z.literal('appstore'),
  appId: z.union([z.string().regex(/^\d{1,15}$/, 'the numeric app id'), z.number().int().positive()]).transform(String),
  country: z.string().regex(/^[a-z]{2}$/, 'a two-letter store country such as cn, us, gb'),
  /** Overridable so tests and the demo serve the feed themselves. */
  baseUrl: z.url().default('https://itunes.apple.com'),
  /** Apple serves at most 10 pages of 50 reviews. */
  maxPages: z.number().int().min(1).max(10).default(10),
  channel: Channel.default('appstore'),
  every: Duration.default(1_800_000),
});

/** Reviews exported from the Play Console (CSV) or fetched with the Play Developer API (JSON): no scraping. */
export const GooglePlaySource = z.object({
  ...Common,
  type: z.literal('googleplay'),
  /** Relative paths are relative to the sources file. */
  file: z.string().min(1),
  /** The app's package name (com.example.app): a watch listing it among its app ids takes these reviews. */
  appId: z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'a package name such as com.example.app').optional(),
  format: z.enum(['csv', 'json']).optional(),
  channel: Channel.default('appstore'),
  every: Duration.default(3_600_000),
});

/** A public hashtag timeline or public search on one Mastodon server; no token needed. */
export const MastodonSource = z
  .object({
    ...Http,
    type: z.literal('mastodon'),
    instance: z.url(),
    hashtag: z.string().regex(/^[\p{L}\p{N}_]+$/u, 'a hashtag without #').optional(),
    query: z.string().min(1).max(200).optional(),
    /** Only posts made on this server (hashtag timelines only). */
    local: z.boolean().default(false),
    limit: z.number().int().min(1).max(40).default(40),
    /** Pages per poll when catching up; the rest waits for the next poll, nothing is skipped. */
    maxPages: z.number().int().min(1).max(20).default(5),
    channel: Channel.default('social'),
    every: Duration.default(60_000),
  })
  .refine((s) => Boolean(s.hashtag) !== Boolean(s.query), { message: 'give exactly one of hashtag or query', path: ['hashtag'] });

/** Any JSON API, read through a declared mapping (review sites, forums, in-house systems). */
export const JsonSource = z.object({
  ...Http,
  type: z.literal('json'),
  url: z.url(),
  /** Where the list of items is; empty when the document is the list. */
  items: JsonPath.default(''),
  fields: z.object({
    id: JsonPath,
    text: JsonPath,
    title: JsonPath.optional(),
    author: JsonPath.optional(),
    authorId: JsonPath.optional(),
    /** ISO date-time, or epoch seconds / milliseconds. */
    time: JsonPath.optional(),
    reach: JsonPath.optional(),
    rating: JsonPath.optional(),
    url: JsonPath.optional(),
    lang: JsonPath.optional(),
  }),
  /** Where the next page's URL is, if the API pages that way. */
  next: JsonPath.optional(),
  maxPages: z.number().int().min(1).max(20).default(3),
  channel: Channel.default('review'),
});

export const SourceConfig = z.discriminatedUnion('type', [RssSource, AppStoreSource, GooglePlaySource, MastodonSource, JsonSource]);
export type SourceConfig = z.infer<typeof SourceConfig>;
export type SourceOf<T extends SourceConfig['type']> = Extract<SourceConfig, { type: T }>;


/** A source as stored in the product: the configuration as written, its version, who changed it last. */
export const SourceDoc = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
  /** The configuration as written (SourceConfig's input, placeholders kept). */
  config: z.record(z.string(), z.unknown()),
  // Deleted (deletedAt set): it is no longer polled; its mentions and history stay.
  ...VersionStamp,
});
export type SourceDoc = z.infer<typeof SourceDoc>;

/** api → collector on `source.tests`: fetch this source once and say what came back. */
export const SourceTestRequest = z.object({
  requestId: z.string().min(8).max(64),
  /** The configuration as written in the form (not saved yet). */
  config: z.record(z.string(), z.unknown()),
  requestedBy: z.string().max(128),
  at: z.iso.datetime({ offset: true }),
});
export type SourceTestRequest = z.infer<typeof SourceTestRequest>;

/** collector → api on `source.test-results`. */
export const SourceTestResult = z.object({
  requestId: z.string().min(8).max(64),
  ok: z.boolean(),
  /** The exact error (HTTP status, refused private address, parse error, bad configuration). */
  error: z.string().max(4000).optional(),
  /** How many items the first page held. */
  fetched: z.number().int().nonnegative(),
  /** The first items as they would be stored, each marked whether the source's keywords/exclude keep it. */
  items: z.array(z.object({ mention: z.record(z.string(), z.unknown()), kept: z.boolean() })).max(20),
  ms: z.number().nonnegative(),
  at: z.iso.datetime({ offset: true }),
});
export type SourceTestResult = z.infer<typeof SourceTestResult>;
