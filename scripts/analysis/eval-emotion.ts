/**
 * Anger detection on labelled data: TweetEval emotion (English tweets, anger vs joy/optimism/
 * sadness; nothing trains on it) and the labelled Chinese sample (data/emotion/). "Flagged" is
 * emotion.level ≠ calm, and separately level = angry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createAnalyzer } from '../../libs/analysis/src';
import { addedDataDir, loadTweetEmotion } from './data';
import { pct, table } from './metrics';

function prf(rows: { text: string; angry: boolean }[], flag: (level: string) => boolean): string[] {
  const analyzer = createAnalyzer();
  let tp = 0, fp = 0, fn = 0;
  for (const r of rows) {
    const hot = flag(analyzer.analyze({ text: r.text }).analysis.emotion.level);
    if (hot && r.angry) tp++; else if (hot) fp++; else if (r.angry) fn++;
  }
  const p = tp / (tp + fp || 1), rc = tp / (tp + fn || 1);
  return [pct(p), pct(rc), pct((2 * p * rc) / (p + rc || 1))];
}

export function printEmotion(): void {
  const en = loadTweetEmotion('test').rows.map((r) => ({ text: r.text, angry: r.label === 0 }));
  const zhFile = path.join(addedDataDir, 'emotion/zh-anger-sample.tsv');
  const zh = (parse(fs.readFileSync(zhFile), { columns: true, delimiter: '\t', quote: false }) as Record<string, string>[])
    .filter((r) => r.angry !== '').map((r) => ({ text: r.text!, angry: r.angry === '1' }));
  console.log('\n## Anger: emotion.level against labelled anger (precision, recall, F1)');
  const rows = [
    [`en TweetEval emotion test (n=${en.length}, anger ${pct(en.filter((r) => r.angry).length / en.length)})`, ...prf(en, (l) => l !== 'calm'), ...prf(en, (l) => l === 'angry')],
    [`zh labelled reviews (n=${zh.length}, anger ${pct(zh.filter((r) => r.angry).length / zh.length)})`, ...prf(zh, (l) => l !== 'calm'), ...prf(zh, (l) => l === 'angry')],
  ];
  console.log(table(['data', 'P ≠calm', 'R ≠calm', 'F1 ≠calm', 'P angry', 'R angry', 'F1 angry'], rows));
}

if (require.main === module) printEmotion();
