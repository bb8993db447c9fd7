/** Loaders for the shared labelled data used by the detection evaluation. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

export const repoRoot = path.resolve(__dirname, '../..');
/** VIGIL_DATA_DIR, else ../shared/data beside the checkout (or beside the folder of worktrees). */
export const dataDir =
  process.env.VIGIL_DATA_DIR ?? [path.resolve(repoRoot, '../shared/data'), path.resolve(repoRoot, '../../shared/data')].find((d) => fs.existsSync(d)) ?? path.resolve(repoRoot, '../shared/data');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
}

export interface CfpbRow { id: string; date: string; product: string; issue: string; company: string; state: string; text: string }

export function loadCfpb(): CfpbRow[] {
  return readCsv('en/cfpb_complaints_sample.csv')
    .map((r) => ({
      id: r['Complaint ID'] ?? '',
      date: r['Date received'] ?? '',
      product: r['Product'] ?? '',
      issue: r['Issue'] ?? '',
      company: r['Company'] ?? '',
      state: r['State'] ?? '',
      text: (r['Consumer complaint narrative'] ?? '').trim(),
    }))
    .filter((r) => r.text && r.id);
}

export function loadWaimaiNegative(): string[] {
  return readCsv('zh/waimai_10k.csv')
    .filter((r) => r.label === '0')
    .map((r) => (r.review ?? '').trim())
    .filter(Boolean);
}

export function loadShoppingNegative(): Array<{ cat: string; text: string }> {
  return readCsv('zh/online_shopping_9_cats.csv')
    .filter((r) => r.label === '0')
    .map((r) => ({ cat: r.cat ?? '', text: (r.review ?? '').trim() }))
    .filter((r) => r.text);
}

export function loadUciNegative(): string[] {
  const out: string[] = [];
  for (const which of ['amazon_cells', 'yelp', 'imdb']) {
    for (const line of fs.readFileSync(path.join(dataDir, `en/uci_${which}_labelled.txt`), 'utf8').split('\n')) {
      const m = /^(.*)\t\s*([01])\s*$/.exec(line);
      if (m && m[2] === '0') out.push(m[1]!.trim());
    }
  }
  return out;
}

/** Every CFPB row with a company and a date, narrative or not: the per-company daily volumes are real. */
export interface CfpbAllRow { id: string; date: string; company: string; issue: string; subIssue: string; text: string; via: string }

export function loadCfpbAll(): CfpbAllRow[] {
  return readCsv('en/cfpb_complaints_sample.csv')
    .map((r) => ({
      id: r['Complaint ID'] ?? '',
      date: r['Date received'] ?? '',
      company: r['Company'] ?? '',
      issue: r['Issue'] ?? '',
      subIssue: r['Sub-issue'] ?? '',
      text: (r['Consumer complaint narrative'] ?? '').trim(),
      via: r['Submitted via'] ?? '',
    }))
    .filter((r) => r.id && r.company && /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(r.date));
}
