import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './mentions-csv';
import { mentionFactory } from '../../../../test/support/mention-factory';

describe('CSV export cells (issue 20, item 9)', () => {
  it('keeps negative and positive numbers as numbers', () => {
    expect(csvCell(-0.429)).toBe('-0.429');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('still defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('+1 rating')).toBe(`"'+1 rating"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('-0.429')).toBe(`"'-0.429"`);
  });

  it('writes a mention row whose sentiment score reads back as a number', () => {
    const row = csvRow(mentionFactory('n', { text: '=cmd|calc' }, { sentiment: { score: -0.429, label: 'negative', confidence: 0.8 }, riskScore: 40 }));
    const cells = row.split(',');
    expect(cells[6]).toBe('-0.429');
    expect(cells[8]).toBe('40');
    expect(row).toContain(`"'=cmd|calc"`);
  });
});
