import { describe, expect, it } from 'vitest';
import { fileName, toCsv } from './export';

describe('table exports', () => {
  it('writes CSV with a BOM, quotes where needed, defused formulas, numbers as numbers', () => {
    const csv = toCsv({ columns: ['词', 'count'], rows: [['退款, 超时', 3], ['=cmd|calc', -1], ['say "hi"', null], ['-5 stars', true]] });
    expect(csv).toBe('\uFEFF词,count\r\n"退款, 超时",3\r\n\'=cmd|calc,-1\r\n"say ""hi""",\r\n\'-5 stars,true\r\n');
  });

  it('names files after the title and the day', () => {
    expect(fileName('SLA attainment / 时效', 'xlsx', new Date('2026-03-04T10:00:00Z'))).toBe('SLA-attainment-时效-2026-03-04.xlsx');
  });
});
