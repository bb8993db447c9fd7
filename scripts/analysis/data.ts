/** Loaders for the shared labelled data and the deterministic held-out split. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fnv1a } from '../../libs/analysis/src/features';

export const repoRoot = path.resolve(__dirname, '../..');
export const dataDir = process.env.VIGIL_DATA_DIR ?? path.resolve(repoRoot, '../shared/data');

export interface Row { text: string; label: number }
export interface DataSet { name: string; lang: 'zh' | 'en'; rows: Row[]; classes: number }

/** 20 % of rows, chosen by hashing the text, are held out; training never sees them. */
export function isHeldOut(text: string): boolean {
  return fnv1a('split:' + text.trim()) % 100 < 20;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
}

export function loadWaimai(): DataSet {
  const rows = readCsv('zh/waimai_10k.csv').map((r) => ({ text: (r.review ?? '').replace(/^\uFEFF/, ''), label: Number(r.label) }));
  return { name: 'zh/waimai_10k', lang: 'zh', rows: rows.filter((r) => r.text), classes: 2 };
}

export function loadShopping(): DataSet {
  const rows = readCsv('zh/online_shopping_9_cats.csv').map((r) => ({ text: (r.review ?? '').replace(/^\uFEFF/, ''), label: Number(r.label) }));
  return { name: 'zh/online_shopping_9_cats', lang: 'zh', rows: rows.filter((r) => r.text), classes: 2 };
}

export function loadUci(which: 'amazon_cells' | 'yelp' | 'imdb'): DataSet {
  const lines = fs.readFileSync(path.join(dataDir, `en/uci_${which}_labelled.txt`), 'utf8').split('\n');
  const rows: Row[] = [];
  for (const line of lines) {
    const m = /^(.*)\t\s*([01])\s*$/.exec(line);
    if (m) rows.push({ text: m[1]!.trim(), label: Number(m[2]) });
  }
  return { name: `en/uci_${which}`, lang: 'en', rows, classes: 2 };
}

function readParallel(dir: string, split: string): Row[] {
  const t = fs.readFileSync(path.join(dataDir, dir, `${split}_text.txt`), 'utf8').split('\n');
  const l = fs.readFileSync(path.join(dataDir, dir, `${split}_labels.txt`), 'utf8').split('\n');
  const rows: Row[] = [];
  for (let i = 0; i < t.length; i++) if (t[i]!.trim() && l[i]!.trim()) rows.push({ text: t[i]!.trim(), label: Number(l[i]) });
  return rows;
}

/** TweetEval sentiment: 0 negative, 1 neutral, 2 positive. Its train split is not shipped. */
export function loadTweetSentiment(): DataSet {
  return { name: 'en/tweeteval_sentiment', lang: 'en', rows: [...readParallel('en/tweeteval/sentiment', 'val'), ...readParallel('en/tweeteval/sentiment', 'test')], classes: 3 };
}

/** TweetEval emotion: 0 anger, 1 joy, 2 optimism, 3 sadness. */
export function loadTweetEmotion(): DataSet {
  return { name: 'en/tweeteval_emotion', lang: 'en', rows: ['train', 'val', 'test'].flatMap((s) => readParallel('en/tweeteval/emotion', s)), classes: 4 };
}

export function loadCfpb(): { text: string; issue: string; product: string }[] {
  return readCsv('en/cfpb_complaints_sample.csv')
    .filter((r) => (r['Consumer complaint narrative'] ?? '').trim())
    .map((r) => ({ text: r['Consumer complaint narrative']!, issue: r.Issue ?? '', product: r.Product ?? '' }));
}
