import { z } from 'zod';
import { AttachmentMeta, SealedContact } from './contact.schema';

/** Longest text a raw mention may carry; the collector truncates and flags longer posts. */
export const MAX_TEXT_CHARS = 32_768;

export const SourceType = z.enum(['rss', 'appstore', 'googleplay', 'mastodon', 'json', 'intake', 'replay']);
export type SourceType = z.infer<typeof SourceType>;

export const Channel = z.enum(['news', 'forum', 'social', 'review', 'appstore', 'form', 'app', 'email', 'hotline', 'other']);
export type Channel = z.infer<typeof Channel>;

export const Author = z.object({
  id: z.string().max(256).optional(),
  name: z.string().max(256).optional(),
  followers: z.number().int().nonnegative().optional(),
  /** When the account was created, if the source says: young accounts weigh in coordination checks. */
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
export type Author = z.infer<typeof Author>;

/** A post as fetched, before any analysis. Key on `mentions.raw`: the mention id. */
export const RawMention = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'mention id must be 32 hex characters (see mentionId)'),
  sourceId: z.string().min(1).max(128),
  sourceType: SourceType,
  channel: Channel,
  externalId: z.string().min(1).max(1024),
  url: z.string().max(4096).optional(),
  author: Author.optional(),
  title: z.string().max(2048).optional(),
  text: z.string().max(MAX_TEXT_CHARS),
  /** True when the collector cut the text at MAX_TEXT_CHARS. */
  truncated: z.boolean().default(false),
  publishedAt: z.iso.datetime({ offset: true }),
  fetchedAt: z.iso.datetime({ offset: true }),
  langHint: z.string().max(16).optional(),
  /** Star rating 1..5 when the source carries one (reviews, app stores). */
  rating: z.number().min(1).max(5).optional(),
  /** Reach: views, followers or boosts, whatever the source reports. */
  reach: z.number().nonnegative().optional(),
  meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** A pushed complaint's contact, sealed by the collector (never in the text). */
  contact: SealedContact.optional(),
  /** Files a pushed complaint carried (metadata only). */
  attachments: z.array(AttachmentMeta).max(20).optional(),
  /**
   * Kinds of personal data the collector masked in text and title before writing the post
   * (phone, email, id_card): nothing personal is kept in mentions.raw, and the processor, which
   * then sees only the masks, still reports what was there.
   */
  piiKinds: z.array(z.string().max(32)).max(8).optional(),
});
export type RawMention = z.infer<typeof RawMention>;
