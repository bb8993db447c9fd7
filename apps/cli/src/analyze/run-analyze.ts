import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { parse } from 'csv-parse/sync';
import { SingleBar, Presets } from 'cli-progress';
import { createAnalyzer, type AnalyzerConfig } from '@vigil/analysis';

export interface AnalyzeOptions {
  input: string;
  output?: string;
  format?: 'jsonl' | 'csv';
  /** Field holding the post text; default: text, then content, review, body. */
  textField?: string;
  config?: AnalyzerConfig;
}

const TEXT_FIELDS = ['text', 'content', 'review', 'body', 'sentence'];

/**
 * `vigil analyze <file>`: enriches each row with `analysis` (text replaced by the
 * masked text). Bad rows are reported with their line number and skipped.
 */
export async function runAnalyze(opts: AnalyzeOptions): Promise<{ ok: number; bad: number }> {
  const format = opts.format ?? (opts.input.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  const analyzer = createAnalyzer(opts.config);
  const out = opts.output ? fs.createWriteStream(opts.output) : process.stdout;
  const total = countLines(opts.input, format);
  const bar = new SingleBar({ stream: process.stderr, format: 'analyze [{bar}] {value}/{total} rows | {eta}s left', hideCursor: true }, Presets.shades_classic);
  if (process.stderr.isTTY) bar.start(total, 0);
  let ok = 0;
  let bad = 0;
  const badLines: string[] = [];

  const handle = async (row: unknown, line: number) => {
    try {
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw new Error('not an object');
      const rec = row as Record<string, unknown>;
      const field = opts.textField ?? TEXT_FIELDS.find((f) => typeof rec[f] === 'string');
      const text = field ? rec[field] : undefined;
      if (typeof text !== 'string') throw new Error(`no text field${opts.textField ? ` "${opts.textField}"` : ''}`);
      const rating = rec.rating === undefined || rec.rating === '' ? undefined : Number(rec.rating);
      const title = typeof rec.title === 'string' ? rec.title : undefined;
      const r = analyzer.analyze({ text, title, rating: Number.isFinite(rating) ? rating : undefined, langHint: typeof rec.lang === 'string' ? rec.lang : undefined });
      const enriched = { ...rec, [field!]: r.maskedText, ...(r.maskedTitle !== undefined ? { title: r.maskedTitle } : {}), analysis: r.analysis };
      if (!out.write(JSON.stringify(enriched) + '\n')) await new Promise<void>((res) => (out as NodeJS.WritableStream).once('drain', () => res()));
      ok++;
    } catch (e) {
      bad++;
      badLines.push(`line ${line}: ${(e as Error).message}`);
    }
    if (process.stderr.isTTY) bar.increment();
  };

  if (format === 'csv') {
    const records = parse(fs.readFileSync(opts.input), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
    for (const { record, info } of records) await handle(record, info.lines);
  } else {
    const rl = readline.createInterface({ input: fs.createReadStream(opts.input, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const raw of rl) {
      line++;
      if (!raw.trim()) continue;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch {
        bad++;
        badLines.push(`line ${line}: invalid JSON`);
        continue;
      }
      await handle(row, line);
    }
  }
  if (process.stderr.isTTY) bar.stop();
  if (opts.output) await new Promise<void>((res) => (out as fs.WriteStream).end(res));
  for (const b of badLines) process.stderr.write(`skipped ${b}\n`);
  process.stderr.write(`analyzed ${ok} rows, skipped ${bad} bad rows\n`);
  return { ok, bad };
}

function countLines(file: string, format: 'jsonl' | 'csv'): number {
  let n = 0;
  const buf = fs.readFileSync(file);
  for (const b of buf) if (b === 10) n++;
  return Math.max(0, format === 'csv' ? n - 1 : n);
}
