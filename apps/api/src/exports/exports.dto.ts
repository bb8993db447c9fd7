import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

const Cell = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** A table as the dashboard shows it: one header row, then the rows (at most 5,000). */
export const XlsxExportBody = z
  .object({
    /** The sheet's name (Excel allows 31 characters and no `[]:*?/\`). */
    sheet: z.string().trim().min(1).max(31).regex(/^[^[\]:*?/\\]+$/, 'no [ ] : * ? / \\ in a sheet name'),
    columns: z.array(z.string().max(200)).min(1).max(50),
    rows: z.array(z.array(Cell).max(50)).max(5000),
  })
  .refine((b) => b.rows.every((r) => r.length <= b.columns.length), { message: 'a row has more cells than there are columns', path: ['rows'] });
export type XlsxExportBody = z.infer<typeof XlsxExportBody>;
export class XlsxExportBodyDto extends createZodDto(XlsxExportBody) {}
