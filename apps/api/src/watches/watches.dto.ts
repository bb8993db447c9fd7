import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CategoryName, ConfigChange, EnrichedMention, TaxonomyCategory, WatchConfig, WatchDoc } from '@vigil/contracts';

export const WatchListQuery = z.object({ includeDeleted: z.enum(['true', 'false']).optional().describe('true: deleted watches too (mentions keep their ids)') });
export class WatchListQueryDto extends createZodDto(WatchListQuery) {}

export const WatchVersionQuery = z.object({ version: z.coerce.number().int().positive().optional().describe('the version you edited: a later change by someone else is a 409') });
export class WatchVersionQueryDto extends createZodDto(WatchVersionQuery) {}

export class WatchDocDto extends createZodDto(WatchDoc) {}
/** What a form sends (documentation: the body is checked by the use case, so rule errors carry their position). */
export class WatchConfigDto extends createZodDto(WatchConfig) {}

export const WatchList = z.object({ watches: z.array(WatchDoc) });
export class WatchListDto extends createZodDto(WatchList) {}

/** A problem in a watch: the field (`rules.2`), what is wrong, and for a rule the 0-based character. */
export const WatchIssue = z.object({ field: z.string(), message: z.string(), position: z.number().int().nonnegative().optional() });

export const WatchSaved = z.object({ watch: WatchDoc, warnings: z.array(WatchIssue) });
export class WatchSavedDto extends createZodDto(WatchSaved) {}

export const WatchValidation = z.object({ ok: z.boolean(), errors: z.array(WatchIssue), warnings: z.array(WatchIssue) });
export class WatchValidationDto extends createZodDto(WatchValidation) {}

export const CheckRuleBody = z.object({ rule: z.string().max(1000) });
export class CheckRuleBodyDto extends createZodDto(CheckRuleBody) {}
export const RuleCheck = z.object({ ok: z.boolean(), error: z.string().optional(), reason: z.string().optional(), position: z.number().int().nonnegative().optional() });
export class RuleCheckDto extends createZodDto(RuleCheck) {}

export const WatchHistory = z.object({ history: z.array(ConfigChange) });
export class WatchHistoryDto extends createZodDto(WatchHistory) {}

export const TaxonomyPresets = z.object({ presets: z.array(z.object({ id: z.string(), name: CategoryName, categories: z.array(TaxonomyCategory) })) });
export class TaxonomyPresetsDto extends createZodDto(TaxonomyPresets) {}

export const PreviewWatchBody = z.object({
  /** The watch as being edited (its id and name may still be missing); checked by the preview, which names the field of a problem. */
  watch: z.record(z.string(), z.unknown()),
  days: z.number().int().min(1).max(90).default(7),
  examples: z.number().int().min(0).max(50).default(20),
});
export type PreviewWatchBody = z.infer<typeof PreviewWatchBody>;
export class PreviewWatchBodyDto extends createZodDto(PreviewWatchBody) {}

export const WatchPreview = z.object({
  from: z.string(),
  to: z.string(),
  /** Posts the Elasticsearch query selected (a superset: see candidateQuery in libs/watch). */
  candidates: z.number().int().nonnegative(),
  /** Of those, how many were matched again with the processor's matcher (newest first, up to the cap). */
  scanned: z.number().int().nonnegative(),
  /** Of the scanned, how many the watch matches. */
  matched: z.number().int().nonnegative(),
  /** `matched` when every candidate was scanned (exact), else scaled to all candidates. */
  total: z.number().int().nonnegative(),
  exact: z.boolean(),
  examples: z.array(
    z.object({
      mention: EnrichedMention.pick({ id: true, sourceId: true, channel: true, title: true, text: true, publishedAt: true, url: true }).extend({ sentiment: z.string().optional() }),
      rule: z.string(),
    }),
  ),
  warnings: z.array(WatchIssue),
});
export type WatchPreview = z.infer<typeof WatchPreview>;
export class WatchPreviewDto extends createZodDto(WatchPreview) {}

/** Optional: a POST without a body is the same as `{}`. */
export const ConfigNoteBody = z.preprocess((v) => v ?? {}, z.object({ note: z.string().max(500).optional().describe('why (kept in the history)') }));
export class ConfigNoteBodyDto extends createZodDto(ConfigNoteBody) {}
