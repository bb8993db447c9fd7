import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ReportKind, ReportMeta, ReportStatus } from '@vigil/contracts';

const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(item).max(20))
    .describe('comma-separated, or the parameter repeated');

export const ReportListQuery = z.object({
  kind: csv(ReportKind),
  watch: csv(z.string().max(128)),
  status: csv(ReportStatus),
  page: z.coerce.number().int().min(1).max(500).default(1),
  size: z.coerce.number().int().min(1).max(100).default(30),
});
export class ReportListQueryDto extends createZodDto(ReportListQuery) {}
export const ReportList = z.object({ total: z.number().int().nonnegative(), reports: z.array(ReportMeta) });
export class ReportListDto extends createZodDto(ReportList) {}
export class ReportMetaDto extends createZodDto(ReportMeta) {}
export const ReportIdParam = z.string().regex(/^[\w:.-]{1,300}$/, 'a report id such as weekly:_all:2026-03-02:2026-03-08:zh-CN');
