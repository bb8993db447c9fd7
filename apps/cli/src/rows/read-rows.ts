import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { parse } from 'csv-parse/sync';

export type RowFormat = 'jsonl' | 'csv';

/** One row of a history file, or why its line could not be read. */
export type RowResult = { line: number; row: Record<string, unknown> } | { line: number; error: string };

export const formatOf = (file: string, format?: RowFormat): RowFormat => format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');

/**
 * The rows of a JSONL or CSV file (CSV: a header line, then one record per row), each with
 * the line it starts on, so every command that reads posts from a file names bad lines the
 * same way. A CSV that cannot be parsed at all is an error for the whole file.
 */
export async function* readRows(file: string, format?: RowFormat): AsyncGenerator<RowResult> {
  if (formatOf(file, format) === 'csv') {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
    } catch (e) {
      throw new Error(`${file}: not a readable CSV: ${(e as Error).message}`, { cause: e });
    }
    for (const { record, info } of records) yield { line: info.lines, row: record };
    return;
  }
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    if (!raw.trim()) continue;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch {
      yield { line, error: 'invalid JSON' };
      continue;
    }
    yield row && typeof row === 'object' && !Array.isArray(row) ? { line, row: row as Record<string, unknown> } : { line, error: 'not an object' };
  }
}
