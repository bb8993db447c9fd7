import { z } from 'zod';
import { VersionStamp } from './config-change.schema';
import { SeverityLevel } from './severity';

/**
 * The knowledge base (知识库 / 标准话术, issue #16 item 4): standard remedies and reply templates
 * per complaint category and level, each with the authority it needs, in Chinese and English.
 * Texts carry placeholders in braces (`{customer}`); only the names below exist, and a save with
 * any other is refused, so a template never renders a hole in front of a customer.
 */
/** What a remedy is (the ticket's remedies and the knowledge base's remedy entries). */
export const RemedyKind = z.enum(['refund', 'exchange', 'reship', 'coupon', 'visit', 'apology', 'explanation', 'compensation', 'other']);
export type RemedyKind = z.infer<typeof RemedyKind>;

export const KNOWLEDGE_PLACEHOLDERS = ['customer', 'order', 'promisedAt', 'agent', 'ticket', 'amount', 'product'] as const;
export type KnowledgePlaceholder = (typeof KNOWLEDGE_PLACEHOLDERS)[number];

/** `remedy`: what the company offers (退款、换货、补发、优惠券、上门、道歉); `reply`: what the agent says. */
export const KnowledgeKind = z.enum(['remedy', 'reply']);
export type KnowledgeKind = z.infer<typeof KnowledgeKind>;

/** `frontline`: any responder may use it; `lead`: a member of the plan's approver roles must approve it. */
export const KnowledgeAuthority = z.enum(['frontline', 'lead']);
export type KnowledgeAuthority = z.infer<typeof KnowledgeAuthority>;

export const KnowledgeEntryId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ (at most 64)');

/** Any category: the entry is suggested for every ticket of its levels. */
export const ANY_CATEGORY = '*';

const Bilingual = (max: number) => z.object({ zh: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const EntryFields = z.object({
  id: KnowledgeEntryId,
  kind: KnowledgeKind,
  /** A taxonomy category id (`logistics`, `billing_refund`…) or `*` for any. */
  category: z.string().trim().min(1).max(100),
  levels: z.array(SeverityLevel).min(1).max(SeverityLevel.options.length),
  authority: KnowledgeAuthority,
  /** For remedies: what is offered and, for money, how much (the plan's front-line limit applies to it). */
  remedy: z.object({ kind: RemedyKind, amount: z.number().nonnegative().max(10_000_000).optional(), currency: z.string().regex(/^[A-Z]{3}$/).default('CNY') }).optional(),
  title: Bilingual(200),
  text: Bilingual(2000),
  keywords: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
});
const remedyMatchesKind = (e: { kind: KnowledgeKind; remedy?: unknown }) => (e.kind === 'remedy') === (e.remedy !== undefined);
const remedyMessage = { path: ['remedy'], message: 'a remedy entry names its remedy (kind, amount); a reply has none' };

export const KnowledgeEntryInput = EntryFields.refine(remedyMatchesKind, remedyMessage);
export type KnowledgeEntryInput = z.infer<typeof KnowledgeEntryInput>;

/** One stored entry: a retired one keeps its document (`deletedAt`), so tickets that used it stay explained. */
export const KnowledgeEntry = EntryFields.extend(VersionStamp).refine(remedyMatchesKind, remedyMessage);
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

/** Which entry, at which version, an action used: recorded on the ticket event, counted as usage. */
export const KnowledgeRef = z.object({ entryId: KnowledgeEntryId, version: z.number().int().positive() });
export type KnowledgeRef = z.infer<typeof KnowledgeRef>;
