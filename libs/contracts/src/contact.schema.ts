import { z } from 'zod';

/**
 * A complainant's contact, sealed by the collector before it enters Kafka (issue #16). Declared
 * apart from the complaint record because raw mentions carry it too.
 */

const B64 = z.string().regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'base64');

/** AES-256-GCM ciphertext of a JSON value; `kid` names the data key (VIGIL_DATA_KEYS) that sealed it. */
export const SealedBox = z.object({
  v: z.literal(1),
  kid: z.string().min(1).max(64),
  iv: B64.max(32),
  tag: B64.max(32),
  ct: B64.max(8192),
});
export type SealedBox = z.infer<typeof SealedBox>;

export const ContactField = z.enum(['name', 'phone', 'email']);
export type ContactField = z.infer<typeof ContactField>;

/** What the box opens to. */
export const ContactDetails = z.object({ name: z.string().max(256).optional(), phone: z.string().max(64).optional(), email: z.string().max(256).optional() });
export type ContactDetails = z.infer<typeof ContactDetails>;

/**
 * A complainant's contact as it travels and is stored: sealed by the collector before it enters
 * Kafka, opened only by the api for the roles the plan allows. `matchKeys` are keyed hashes
 * (HMAC-SHA256) of the normalised phone and e-mail, so the same person's earlier complaints are
 * found without anyone decrypting anything.
 */
export const SealedContact = z.object({
  box: SealedBox,
  fields: z.array(ContactField).max(3),
  matchKeys: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(4),
});
export type SealedContact = z.infer<typeof SealedContact>;

/** Metadata of a file the complainant attached (the file itself stays where it was uploaded). */
export const AttachmentMeta = z.object({
  name: z.string().min(1).max(256),
  mediaType: z.string().max(128).optional(),
  size: z.number().int().nonnegative().optional(),
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

/**
 * One attempt to open a complainant's contact (index `contact-views`, written by the api): who,
 * when, on which ticket, why, and whether the plan allowed it. Every view leaves one.
 */
export const ContactView = z.object({
  id: z.string(),
  ticketId: z.string(),
  mentionId: z.string(),
  actor: z.string(),
  /** The api role and the plan roles the person held at the time. */
  role: z.string(),
  planRoles: z.array(z.string()),
  outcome: z.enum(['shown', 'denied']),
  /** Why the plan allowed or refused it (`role:cs_lead`, `assignee`, `not allowed`). */
  basis: z.string(),
  reason: z.string().max(500).optional(),
  fields: z.array(ContactField),
  at: z.iso.datetime({ offset: true }),
});
export type ContactView = z.infer<typeof ContactView>;
