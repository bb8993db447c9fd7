import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ConfigChange, CoverageGap, SourceDoc, SourceHealth, SourceTestResult } from '@vigil/contracts';

const Instant = z.iso.datetime({ offset: true });

export const GapsQuery = z
  .object({ from: Instant.describe('e.g. 2026-11-23T08:00:00Z'), to: Instant.describe('e.g. 2026-11-23T20:00:00Z') })
  .refine((q) => Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['to'] });
export class GapsQueryDto extends createZodDto(GapsQuery) {}

/** A source as the sources page shows it: its health and, when managed in the product, its configuration. */
export const SourceRow = SourceHealth.extend({
  type: z.string().optional(),
  /** false: paused in the product (the collector does not poll it). */
  enabled: z.boolean().optional(),
  /** The configuration as written (placeholders kept), secrets masked. */
  config: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int().optional(),
  changedAt: z.string().optional(),
  changedBy: z.string().optional(),
  deleted: z.boolean().optional(),
});
export type SourceRow = z.infer<typeof SourceRow>;

export const SourceList = z.object({ sources: z.array(SourceRow) });
export class SourceListDto extends createZodDto(SourceList) {}

export const GapList = z.object({ gaps: z.array(CoverageGap.extend({ sourceId: z.string() })) });
export class GapListDto extends createZodDto(GapList) {}

export const SourceListQuery = z.object({ includeDeleted: z.enum(['true', 'false']).optional().describe('true: deleted sources too') });
export class SourceListQueryDto extends createZodDto(SourceListQuery) {}

export const SourceVersionQuery = z.object({ version: z.coerce.number().int().positive().optional().describe('the version you edited: a later change by someone else is a 409') });
export class SourceVersionQueryDto extends createZodDto(SourceVersionQuery) {}

/**
 * A source form, as in the sources YAML: id, type (rss, appstore, googleplay, mastodon, json) and
 * that type's fields; `${NAME}` placeholders are filled by the collector. Documentation only: the
 * use case checks it as the collector will read it.
 */
export const SourceForm = z.looseObject({ id: z.string(), type: z.enum(['rss', 'appstore', 'googleplay', 'mastodon', 'json']) });
export class SourceFormDto extends createZodDto(SourceForm) {}

export const SourceSaved = z.object({ source: SourceDoc });
export class SourceSavedDto extends createZodDto(SourceSaved) {}

export const SourceFormCheck = z.object({ ok: z.boolean(), issues: z.array(z.object({ field: z.string(), message: z.string() })) });
export class SourceFormCheckDto extends createZodDto(SourceFormCheck) {}

export class SourceTestResultDto extends createZodDto(SourceTestResult.partial({ requestId: true, ms: true, at: true })) {}

export const SourceHistory = z.object({ history: z.array(ConfigChange) });
export class SourceHistoryDto extends createZodDto(SourceHistory) {}
