import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ConfigChange, KnowledgeEntry, KnowledgeEntryInput, KnowledgeKind, SeverityLevel, TicketId } from '@vigil/contracts';

const Lang = z.enum(['zh', 'en']);

export const KnowledgeListQuery = z.object({
  q: z.string().trim().max(200).optional().describe('keywords, matched in the title, text and keywords (in `lang` when given)'),
  category: z.string().trim().min(1).max(100).optional().describe('a category id: its own entries and those for any category'),
  level: SeverityLevel.optional(),
  kind: KnowledgeKind.optional(),
  lang: Lang.optional(),
  includeRetired: z.enum(['true', 'false']).optional().describe('true: retired entries too'),
});
export type KnowledgeListQuery = z.infer<typeof KnowledgeListQuery>;
export class KnowledgeListQueryDto extends createZodDto(KnowledgeListQuery) {}

export const KnowledgeItem = z.object({ entry: KnowledgeEntry, usage: z.number().int().nonnegative() });
export const KnowledgeList = z.object({ entries: z.array(KnowledgeItem) });
export class KnowledgeListDto extends createZodDto(KnowledgeList) {}

export class KnowledgeEntryDto extends createZodDto(KnowledgeEntry) {}
/** What a form sends (documentation: the body is checked by the use case, so a bad placeholder is named with its field). */
export class KnowledgeEntryInputDto extends createZodDto(KnowledgeEntryInput) {}

export const KnowledgeSaved = z.object({ entry: KnowledgeEntry });
export class KnowledgeSavedDto extends createZodDto(KnowledgeSaved) {}

export const KnowledgeVersionQuery = z.object({ version: z.coerce.number().int().positive().optional().describe('the version you edited: a later change by someone else is a 409') });
export class KnowledgeVersionQueryDto extends createZodDto(KnowledgeVersionQuery) {}

export const KnowledgeHistory = z.object({ history: z.array(ConfigChange) });
export class KnowledgeHistoryDto extends createZodDto(KnowledgeHistory) {}

export const SuggestQuery = z.object({
  ticket: TicketId.describe('the ticket whose category, level and record fill the entries'),
  lang: Lang.default('zh'),
  kind: KnowledgeKind.optional(),
  q: z.string().trim().max(200).optional(),
});
export type SuggestQuery = z.infer<typeof SuggestQuery>;
export class SuggestQueryDto extends createZodDto(SuggestQuery) {}

const Filled = z.object({ title: z.string(), text: z.string(), missing: z.array(z.string()) });
export const Suggestions = z.object({
  ticketId: TicketId,
  categories: z.array(z.string()),
  level: SeverityLevel,
  suggestions: z.array(z.object({ entry: KnowledgeEntry, usage: z.number().int().nonnegative(), filled: Filled, needsApproval: z.boolean() })),
});
export type Suggestions = z.infer<typeof Suggestions>;
export class SuggestionsDto extends createZodDto(Suggestions) {}
