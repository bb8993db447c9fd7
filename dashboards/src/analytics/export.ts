import { api, ok } from '../api/http';

/** A table as shown: header and rows of plain values. */
export interface Table {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/**
 * RFC 4180 CSV with a BOM (spreadsheets read the Chinese as UTF-8). A text cell that starts
 * like a formula (= + - @, tab, CR) gets a leading apostrophe, so opening the file runs nothing;
 * numbers stay numbers.
 */
export function toCsv(t: Table): string {
  const cell = (v: string | number | boolean | null): string => {
    if (v === null) return '';
    if (typeof v !== 'string') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function download(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A file name from a title: letters (any script), digits and dashes, with the date. */
export function fileName(title: string, ext: string, now = new Date()): string {
  const base = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'vigil';
  return `${base}-${now.toISOString().slice(0, 10)}.${ext}`;
}

export function downloadCsv(t: Table, title: string): void {
  download(new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }), fileName(title, 'csv'));
}

/** The api writes the workbook (exceljs stays on the server). */
export async function downloadXlsx(t: Table, title: string): Promise<void> {
  const sheet = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Vigil';
  const blob = await ok(api.POST('/api/exports/xlsx', { body: { sheet, columns: t.columns, rows: t.rows.slice(0, 5000) }, parseAs: 'blob' }));
  download(blob, fileName(title, 'xlsx'));
}

/** A chart as the PNG ECharts draws (twice the screen size, white background). */
export function downloadPng(dataUrl: string, title: string): void {
  const [head, body] = dataUrl.split(',');
  const bytes = Uint8Array.from(atob(body ?? ''), (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: head?.includes('png') ? 'image/png' : 'application/octet-stream' }), fileName(title, 'png'));
}
