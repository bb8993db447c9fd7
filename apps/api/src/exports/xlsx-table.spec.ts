import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XlsxExportBody } from './exports.dto';
import { xlsxTable } from './xlsx-table';

describe('xlsx export', () => {
  it('writes the header and the rows as values; text that looks like a formula stays text', async () => {
    const file = await xlsxTable({ sheet: '工单 SLA', columns: ['级别', 'met', 'rate'], rows: [['重要', 3, 0.75], ['=HYPERLINK("http://x")', null, true]] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('工单 SLA')!;
    expect(ws.getRow(1).values).toEqual([undefined, '级别', 'met', 'rate']);
    expect(ws.getRow(2).values).toEqual([undefined, '重要', 3, 0.75]);
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
  });

  it('refuses a bad sheet name and rows wider than the header', () => {
    const r = XlsxExportBody.safeParse({ sheet: 'a/b', columns: ['x'], rows: [[1, 2]] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('sheet');
    expect(XlsxExportBody.safeParse({ sheet: 'ok', columns: ['x'], rows: [[1, 2]] }).error!.issues[0].path).toEqual(['rows']);
  });
});
