import path from 'node:path';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { MAX_PLAN_TEXT, PlanVersionEntry, PublishedPlan, YamlIssue, type PlanSource } from '@vigil/contracts';
import { Plan } from '@vigil/plan';

/** What an admin sends: the whole YAML, and the hash of the published version the edit started from. */
export const PlanEditBody = z.object({
  text: z.string().min(1).max(MAX_PLAN_TEXT).describe('the whole plan, YAML'),
  baseHash: z.string().regex(/^[0-9a-f]{64}$/, 'the hash of the version the edit started from (GET /api/plan)'),
  requestId: z.string().min(8).max(128).optional(),
});
export type PlanEditBody = z.infer<typeof PlanEditBody>;
export class PlanEditBodyDto extends createZodDto(PlanEditBody) {}

export const PlanEditAnswer = z.object({
  status: z.enum(['sent', 'unchanged']).describe('sent: the responder decides, see GET /api/plan; unchanged: the text is the plan in force'),
  requestId: z.string().optional(),
});
export class PlanEditAnswerDto extends createZodDto(PlanEditAnswer) {}

/** A refused edit (400): every problem with its line and field, as `vigil plan validate` prints them. */
export const PlanInvalid = z.object({ statusCode: z.literal(400), error: z.string(), message: z.string(), errors: z.array(YamlIssue) });
export class PlanInvalidDto extends createZodDto(PlanInvalid) {}

/** An edit started from a version no longer in force (409): the version and hash to start again from. */
export const PlanChanged = z.object({ statusCode: z.literal(409), error: z.string(), message: z.string(), version: z.number().int(), hash: z.string() });
export class PlanChangedDto extends createZodDto(PlanChanged) {}

export const PlanVersionsQuery = z.object({ size: z.coerce.number().int().min(1).max(200).default(50).describe('1–200, default 50') });
export class PlanVersionsQueryDto extends createZodDto(PlanVersionsQuery) {}

/** The published plan as the api answers it: the plan typed, the file's hash kept inside. */
export const PlanAnswer = PublishedPlan.omit({ fileHash: true, plan: true }).extend({ plan: Plan });
export class PlanAnswerDto extends createZodDto(PlanAnswer) {}

export const PlanVersionList = z.object({ versions: z.array(PlanVersionEntry.omit({ text: true })) });
export class PlanVersionListDto extends createZodDto(PlanVersionList) {}

/** Server paths stay on the server: readers see the plan file's name only. */
const withFileName = (s: PlanSource): PlanSource => (s.file === undefined ? s : { ...s, file: path.basename(s.file) });
const issueWithFileName = (e: YamlIssue): YamlIssue => ({ ...e, file: path.basename(e.file) });

/** One line of the audit trail as the api answers it: no text, file names without their folders. */
export function versionView(entry: PlanVersionEntry): z.output<typeof PlanVersionList>['versions'][number] {
  const { text: _text, ...rest } = entry;
  return { ...rest, source: withFileName(entry.source), ...(entry.errors ? { errors: entry.errors.map(issueWithFileName) } : {}) };
}

export function planView(doc: PublishedPlan): z.output<typeof PlanAnswer> {
  const { fileHash: _fileHash, plan, ...rest } = doc;
  return {
    ...rest,
    // Validated against Plan by the responder before it was stored (contracts cannot name @vigil/plan's type).
    plan: plan as unknown as Plan,
    file: path.basename(doc.file),
    source: withFileName(doc.source),
    ...(doc.lastRefused ? { lastRefused: { ...doc.lastRefused, source: withFileName(doc.lastRefused.source), errors: doc.lastRefused.errors.map(issueWithFileName) } } : {}),
  };
}
