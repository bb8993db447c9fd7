import ExcelJS from 'exceljs';
import type { XlsxExportBody } from './exports.dto';

/**
 * One sheet with a bold header row. Cells are written as values: text that starts with `=` stays
 * text (exceljs writes a formula only when given one), so a table of posts cannot run anything.
 */
export async function xlsxTable(t: XlsxExportBody): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigil';
  const ws = wb.addWorksheet(t.sheet);
  ws.addRow(t.columns).font = { bold: true };
  for (const row of t.rows) ws.addRow(row.map((c) => (c === null ? '' : c)));
  ws.columns.forEach((col, i) => {
    const widest = Math.max(t.columns[i]?.length ?? 0, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, widest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
