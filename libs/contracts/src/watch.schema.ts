import { z } from 'zod';
import { Language } from './analysis.schema';
import { VersionStamp } from './config-change.schema';

/**
 * A watch (监测方案): what a team monitors. Stored in Elasticsearch (`<prefix>watches`, one
 * document per watch, soft-deleted so mentions tagged with it stay searchable), each change kept
 * in `<prefix>config-history`. The api writes it; the processor reads it and tags each mention
 * with the watches it matched (watch-match.schema.ts). Rule syntax: libs/watch/README.md.
 */
export const WATCH_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const WatchId = z.string().regex(WATCH_ID_PATTERN, 'lower-case letters, digits, dash or underscore (at most 64), not starting with a dash');

/** A word or phrase people write about the brand, as it is matched (see libs/watch). */
const Term = z.string().trim().min(1).max(100);
const Terms = z.array(Term).max(100).default([]);

export const WatchBrand = z.object({
  name: Term,
  /** Other names: Chinese, English, pinyin, abbreviations. Matched like the name. */
  aliases: Terms,
  /** Accounts, with or without the leading @: matched in the text and as the author. */
  handles: z.array(z.string().trim().regex(/^@?[\p{L}\p{N}_.-]{1,64}$/u, 'a handle such as @FreshDash')).max(50).default([]),
  /** With or without #; a Weibo topic is written #话题# and matched as such. */
  hashtags: z.array(z.string().trim().regex(/^#?[^\s#]{1,64}#?$/u, 'a hashtag such as #FreshDash or #鲜达外卖#')).max(50).default([]),
  /** App Store numeric ids and Google Play package names: reviews of these apps belong to the watch. */
  appIds: z.array(z.string().trim().regex(/^[A-Za-z0-9._-]{1,128}$/, 'an App Store id (digits) or a Play package name')).max(20).default([]),
});
export type WatchBrand = z.infer<typeof WatchBrand>;

export const WatchProduct = z.object({ name: Term, aliases: Terms });
export type WatchProduct = z.infer<typeof WatchProduct>;

export const CategoryName = z.object({ zh: z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(60) });

/** One complaint category: found by its keywords, and by words its example posts share. */
export const TaxonomyCategory = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/, 'lower-case letters, digits and underscore, starting with a letter'),
    name: CategoryName,
    keywords: z.array(z.string().trim().min(1).max(60)).max(300).default([]),
    /** A handful of real posts of this kind (zh or en); their distinctive words count as weaker keywords. */
    examples: z.array(z.string().trim().min(2).max(500)).max(30).default([]),
  })
  .refine((c) => c.keywords.length + c.examples.length > 0, { message: 'a category needs keywords or examples', path: ['keywords'] });
export type TaxonomyCategory = z.infer<typeof TaxonomyCategory>;

export const WatchTaxonomy = z
  .object({
    /** The ready-made set it started from (`default`, `airline`, …); kept when edited, for the record. */
    preset: z.string().max(40).default('custom'),
    /** Empty: the preset's categories as they ship (a watch file may just name the preset). */
    categories: z.array(TaxonomyCategory).max(40).default([]),
  })
  .superRefine((t, ctx) => {
    if (!t.categories.length && t.preset === 'custom') ctx.addIssue({ code: 'custom', path: ['categories'], message: 'give categories, or a preset (default, airline)' });
    const seen = new Set<string>();
    t.categories.forEach((c, i) => {
      if (c.id === 'other') ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: '"other" is given to negative posts no category explains; pick another id' });
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['categories', i, 'id'], message: `duplicate category id "${c.id}"` });
      seen.add(c.id);
    });
  });
export type WatchTaxonomy = z.infer<typeof WatchTaxonomy>;

/** Rule text; its syntax is checked by libs/watch (`parseRule`), which names the position of an error. */
const RuleText = z.string().trim().min(1).max(1000);

/** What a person edits (the api validates the rules on top of this schema). */
export const WatchConfig = z.object({
  id: WatchId,
  name: z.string().trim().min(1).max(100),
  description: z.string().max(2000).default(''),
  /** A competitor's watch: counted for share of voice; never opens a ticket. */
  competitor: z.boolean().default(false),
  /** A paused watch matches nothing (mentions are not tagged with it) until resumed. */
  enabled: z.boolean().default(true),
  brands: z.array(WatchBrand).max(20).default([]),
  products: z.array(WatchProduct).max(200).default([]),
  /** Any rule matching is enough (they are OR'ed); each is a boolean expression. */
  rules: z.array(RuleText).max(50).default([]),
  /** A post matching any of these is not the watch's, whatever else it matches (homonyms, job ads). */
  exclusions: z.array(RuleText).max(50).default([]),
  /** Languages of posts it takes (`zh`, `en`, `mixed`, `other`); empty takes all. */
  languages: z.array(Language).max(4).default([]),
  /** Sources attached to this watch: every post they bring is the watch's (its own app's reviews, its hashtag). */
  sources: z.array(z.string().min(1).max(128)).max(200).default([]),
  /** Match only posts from the attached sources (a watch for one channel). */
  sourcesOnly: z.boolean().default(false),
  /** Usernames of the people who own the watch. */
  owners: z.array(z.string().min(1).max(64)).max(50).default([]),
  /** The contingency plan its tickets follow. */
  plan: z.string().min(1).max(64).default('default'),
  /** Complaint categories; absent means the default (retail / delivery) set. */
  taxonomy: WatchTaxonomy.optional(),
});
export type WatchConfig = z.infer<typeof WatchConfig>;
export type WatchConfigInput = z.input<typeof WatchConfig>;

/** A watch as stored: the configuration, its version and who last changed it. */
// Deleted (deletedAt set): the watch stops matching, mentions keep its id and stay searchable by it.
export const WatchDoc = WatchConfig.extend(VersionStamp);
export type WatchDoc = z.infer<typeof WatchDoc>;

/** Mentions of no watch, in a search filter: `watch=_none`. */
export const NO_WATCH_FILTER = '_none';
