import * as fs from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { createAnalyzer, type AnalyzerConfig } from '@vigil/analysis';
import type { WatchMatch } from '@vigil/contracts';
import { buildWatchRuntime, loadWatchesFile } from '@vigil/processor';
import { formatOf, readRows } from '../rows/read-rows';

export interface AnalyzeOptions {
  input: string;
  output?: string;
  format?: 'jsonl' | 'csv';
  /** Field holding the post text; default: text, then content, review, body. */
  textField?: string;
  config?: AnalyzerConfig;
  /** A watch file (one watch or `watches: [...]`): rows get `watches` and the watches' taxonomies, as the processor would give them. */
  watchFile?: string;
}

const TEXT_FIELDS = ['text', 'content', 'review', 'body', 'sentence'];

/**
 * `vigil analyze <file>`: enriches each row with `analysis` (text replaced by the
 * masked text). Bad rows are reported with their line number and skipped.
 */
export async function runAnalyze(opts: AnalyzeOptions): Promise<{ ok: number; bad: number }> {
  const format = formatOf(opts.input, opts.format);
  // A bad watch file stops here, naming its line, before any row is read.
  const runtime = opts.watchFile ? buildWatchRuntime(loadWatchesFile(opts.watchFile), { products: opts.config?.products ?? [] }, opts.watchFile) : undefined;
  const analyzer = runtime?.analyzer ?? createAnalyzer(opts.config);
  const out = opts.output ? fs.createWriteStream(opts.output) : process.stdout;
  const total = countLines(opts.input, format);
  const bar = new SingleBar({ stream: process.stderr, format: 'analyze [{bar}] {value}/{total} rows | {eta}s left', hideCursor: true }, Presets.shades_classic);
  if (process.stderr.isTTY) bar.start(total, 0);
  let ok = 0;
  let bad = 0;
  const badLines: string[] = [];

  const handle = async (rec: Record<string, unknown>, line: number) => {
    try {
      const field = opts.textField ?? TEXT_FIELDS.find((f) => typeof rec[f] === 'string');
      const text = field ? rec[field] : undefined;
      if (typeof text !== 'string') throw new Error(`no text field${opts.textField ? ` "${opts.textField}"` : ''}`);
      const rating = rec.rating === undefined || rec.rating === '' ? undefined : Number(rec.rating);
      const title = typeof rec.title === 'string' ? rec.title : undefined;
      let watches: WatchMatch[] | undefined;
      const matcher = runtime?.matcher;
      const r = analyzer.analyze(
        { text, title, rating: Number.isFinite(rating) ? rating : undefined, langHint: typeof rec.lang === 'string' ? rec.lang : undefined },
        matcher && {
          taxonomyFor: (view) => {
            const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
            watches = matcher.match({ ...view, sourceId: str(rec.sourceId) ?? str(rec.source) ?? 'file', channel: str(rec.channel), author: { name: str(rec.author) } });
            return runtime!.taxonomyFor(watches);
          },
        },
      );
      const enriched = { ...rec, [field!]: r.maskedText, ...(r.maskedTitle !== undefined ? { title: r.maskedTitle } : {}), analysis: r.analysis, ...(watches ? { watches } : {}) };
      if (!out.write(JSON.stringify(enriched) + '\n')) await new Promise<void>((res) => (out as NodeJS.WritableStream).once('drain', () => res()));
      ok++;
    } catch (e) {
      bad++;
      badLines.push(`line ${line}: ${(e as Error).message}`);
    }
    if (process.stderr.isTTY) bar.increment();
  };

  for await (const r of readRows(opts.input, format)) {
    if ('row' in r) await handle(r.row, r.line);
    else {
      bad++;
      badLines.push(`line ${r.line}: ${r.error}`);
      if (process.stderr.isTTY) bar.increment();
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
