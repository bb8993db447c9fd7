import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Channel, formatYamlIssues, parseYamlWithSchema } from '@vigil/contracts';

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

const RssSource = z.object({ ...Http, type: z.literal('rss'), url: z.url(), channel: Channel.default('news') });

/** Apple's public customer-reviews feed for one app in one country's store. */
const AppStoreSource = z.object({
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
const GooglePlaySource = z.object({
  ...Common,
  type: z.literal('googleplay'),
  /** Relative paths are relative to the sources file. */
  file: z.string().min(1),
  format: z.enum(['csv', 'json']).optional(),
  channel: Channel.default('appstore'),
  every: Duration.default(3_600_000),
});

/** A public hashtag timeline or public search on one Mastodon server; no token needed. */
const MastodonSource = z
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
const JsonSource = z.object({
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

export const SourcesFile = z
  .object({
    sources: z.array(SourceConfig),
    /** Requests per second per host, for hosts several sources share (`itunes.apple.com: 0.5`). */
    hosts: z.record(z.string(), z.object({ rate: z.number().positive().max(50) })).default({}),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type SourcesFile = z.infer<typeof SourcesFile>;

export class SourcesConfigError extends Error {}

/** `${NAME}` and `${NAME:-default}` from the environment, so secrets stay out of the file. */
export function interpolateEnv(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g, (_, name: string, fallback?: string) => env[name] ?? fallback ?? '');
}

export function parseSourcesFile(text: string, file: string, env: NodeJS.ProcessEnv = process.env): SourcesFile {
  const r = parseYamlWithSchema(interpolateEnv(text, env), file, SourcesFile);
  if (!r.ok) throw new SourcesConfigError(`invalid sources file:\n${formatYamlIssues(r.errors)}`);
  const dir = path.dirname(path.resolve(file));
  for (const s of r.value.sources) if (s.type === 'googleplay') s.file = path.resolve(dir, s.file);
  return r.value;
}

export function loadSourcesFile(file: string): SourcesFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SourcesConfigError(`cannot read sources file ${file}: ${(e as Error).message}`);
  }
  return parseSourcesFile(text, file);
}

/** The host a source fetches from (for rate limits), if it fetches over HTTP. */
export function sourceHost(s: SourceConfig): string | undefined {
  switch (s.type) {
    case 'rss':
    case 'json':
      return new URL(s.url).host;
    case 'appstore':
      return new URL(s.baseUrl).host;
    case 'mastodon':
      return new URL(s.instance).host;
    case 'googleplay':
      return undefined;
  }
}

/** Per-host request rates: the `hosts` table, lowered by any source that asks for less. */
export function hostRates(f: SourcesFile): Map<string, number> {
  const rates = new Map<string, number>(Object.entries(f.hosts).map(([h, v]) => [h.toLowerCase(), v.rate]));
  for (const s of f.sources) {
    const host = sourceHost(s)?.toLowerCase();
    if (!host || s.type === 'googleplay' || s.rate === undefined) continue;
    rates.set(host, Math.min(rates.get(host) ?? Infinity, s.rate));
  }
  return rates;
}
