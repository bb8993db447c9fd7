import { z } from 'zod';
import { Channel, SourceType } from './raw-mention.schema';
import { EmotionLevel, Language, RiskCueKind } from './analysis.schema';
import { AttachmentMeta, ContactField, SealedBox, SealedContact } from './contact.schema';

/**
 * One complaint as a case (issue #16): the person's contact sealed at intake, the facts of
 * the post the detector hands the responder, and the complaint record (投诉记录) a ticket carries.
 */

const Instant = z.iso.datetime({ offset: true });
/** 诉求: what the complainant asks for. */
export const DemandKind = z.enum(['refund', 'exchange', 'reship', 'compensation', 'apology', 'explanation']);
export type DemandKind = z.infer<typeof DemandKind>;

/** 根因: 偶发 / 流程 / 系统 / 产品 / 第三方. */
export const RootCauseKind = z.enum(['incidental', 'process', 'system', 'product', 'third_party']);
export type RootCauseKind = z.infer<typeof RootCauseKind>;

/** A risk cue as a single post carries it to the plan; confidence 0..1 when the analyzer gives one. */
export const PostCue = z.object({ kind: RiskCueKind, evidence: z.string().max(200), confidence: z.number().min(0).max(1).optional() });
export type PostCue = z.infer<typeof PostCue>;

export const POST_TEXT_CAP = 4000;

/**
 * The facts of one post, on a single-post signal (`risk_flag`): what the responder needs to open
 * a ticket for this one complaint and fill its record. Text is the processor's masked text.
 */
export const PostFacts = z.object({
  mentionId: z.string().min(1).max(64),
  sourceId: z.string().max(128),
  sourceType: SourceType,
  channel: Channel,
  publishedAt: Instant,
  url: z.string().max(4096).optional(),
  author: z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).optional(),
  title: z.string().max(2048).optional(),
  text: z.string().max(POST_TEXT_CAP),
  language: Language,
  rating: z.number().min(1).max(5).optional(),
  sentiment: z.number().min(-1).max(1),
  emotion: z.object({ level: EmotionLevel, intensity: z.number().min(0).max(1) }),
  orderIds: z.array(z.string().max(128)).max(20),
  money: z.array(z.object({ amount: z.number(), currency: z.string().max(8) })).max(20),
  products: z.array(z.string().max(200)).max(20),
  places: z.array(z.string().max(200)).max(20),
  cues: z.array(PostCue).max(20),
  contact: SealedContact.optional(),
  attachments: z.array(AttachmentMeta).max(20).optional(),
});
export type PostFacts = z.infer<typeof PostFacts>;

export const Demand = z.object({
  kind: DemandKind,
  /** `detected` from the text; `person` when someone set it on the ticket. */
  source: z.enum(['detected', 'person']),
  evidence: z.string().max(200).optional(),
});
export type Demand = z.infer<typeof Demand>;

export const EvidenceItem = z.object({
  kind: z.enum(['link', 'attachment']),
  url: z.string().max(2048).optional(),
  name: z.string().max(256).optional(),
  mediaType: z.string().max(128).optional(),
  size: z.number().int().nonnegative().optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const HISTORY_CAP = 20;

/** Earlier cases of the same person (contact or author) or the same order. */
export const ComplaintHistory = z.object({
  tickets: z
    .array(z.object({ id: z.string(), openedAt: Instant, state: z.string(), level: z.string(), matchedBy: z.enum(['person', 'order']) }))
    .max(HISTORY_CAP),
  /** Earlier posts by the same author or naming the same order (mentions). */
  posts: z.number().int().nonnegative(),
  /** Earlier complaints counted: tickets plus earlier posts. */
  repeatCount: z.number().int().nonnegative(),
});
export type ComplaintHistory = z.infer<typeof ComplaintHistory>;

/** 投诉记录: the structured record of one complaint, on its ticket. */
export const ComplaintRecord = z.object({
  mentionId: z.string(),
  /** The number the complainant quotes (intake complaints; see complaintReference). */
  reference: z.string().optional(),
  channel: Channel,
  sourceType: SourceType,
  sourceId: z.string(),
  receivedAt: Instant,
  url: z.string().optional(),
  complainant: z.object({
    /** Masked display name (孙*士); the full name, if given, is in the sealed contact. */
    displayName: z.string().max(256).optional(),
    authorId: z.string().max(256).optional(),
    /** Keyed hashes for finding the same person: contact match keys and `author:<source>:<id>`. */
    matchKeys: z.array(z.string()).max(8),
    contact: SealedBox.optional(),
    contactFields: z.array(ContactField).max(3),
  }),
  target: z.object({
    products: z.array(z.string().max(200)).max(20),
    stores: z.array(z.string().max(200)).max(20),
    orders: z.array(z.string().max(128)).max(20),
  }),
  places: z.array(z.string().max(200)).max(20),
  title: z.string().max(2048).optional(),
  description: z.string().max(POST_TEXT_CAP),
  language: Language,
  demands: z.array(Demand).max(DemandKind.options.length),
  money: z.array(z.object({ amount: z.number(), currency: z.string().max(8) })).max(20),
  evidence: z.array(EvidenceItem).max(40),
  emotion: z.object({ level: EmotionLevel, intensity: z.number().min(0).max(1) }),
  sentiment: z.number().min(-1).max(1),
  rating: z.number().min(1).max(5).optional(),
  cues: z.array(PostCue).max(20),
  history: ComplaintHistory,
});
export type ComplaintRecord = z.infer<typeof ComplaintRecord>;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The reference number a complainant quotes (`VG-7K3M9Q2XTA`): 50 bits of the mention id in
 * Crockford base32. Not a secret (the progress link is); stable for the same complaint.
 */
export function complaintReference(mentionId: string): string {
  let bits = BigInt(`0x${mentionId.slice(0, 13)}`) >> 2n;
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `VG-${out}`;
}

/** 进度查询: what a complainant sees on their progress page: public fields only. */
export const PublicStatus = z.enum(['received', 'in_progress', 'waiting_for_you', 'resolved', 'closed']);
export type PublicStatus = z.infer<typeof PublicStatus>;

export const ProgressView = z.object({
  reference: z.string(),
  status: PublicStatus,
  receivedAt: Instant.optional(),
  /** The last update written for the complainant (never internal notes). */
  lastUpdate: z.object({ text: z.string(), at: Instant }).optional(),
  /** When they were promised the next answer or the resolution. */
  promisedBy: Instant.optional(),
  updatedAt: Instant.optional(),
});
export type ProgressView = z.infer<typeof ProgressView>;
