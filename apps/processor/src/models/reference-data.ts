import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { isHeldOut, type LabelledText } from '@vigil/analysis';

/**
 * The labelled public data the shipped models learnt from (../shared/data layout): its held-out
 * rows check an update, a sample of its training rows is replayed beside the corrections.
 */
export interface ReferenceData { heldOut: Record<'zh' | 'en', LabelledText[]>; replay: Record<'zh' | 'en', LabelledText[]> }

const BIN = ['negative', 'positive'] as const;
const TRI = ['negative', 'neutral', 'positive'] as const;

function csv(dir: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
}

function parallel(dir: string, split: string): { text: string; label: number }[] {
  const t = fs.readFileSync(path.join(dir, 'en/tweeteval/sentiment', `${split}_text.txt`), 'utf8').split('\n');
  const l = fs.readFileSync(path.join(dir, 'en/tweeteval/sentiment', `${split}_labels.txt`), 'utf8').split('\n');
  return t.map((text, i) => ({ text: text.trim(), label: Number(l[i]) })).filter((r) => r.text && Number.isInteger(r.label));
}

export function loadReferenceData(dir: string, replayEvery = 10): ReferenceData {
  const need = ['zh/waimai_10k.csv', 'zh/online_shopping_9_cats.csv', 'en/uci_yelp_labelled.txt', 'en/tweeteval/sentiment/test_text.txt'];
  const missing = need.filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length) throw new Error(`reference data not found in ${dir} (missing ${missing.join(', ')}): an update cannot be checked without its held-out sets; pass --data <dir>`);
  const zh = ['zh/waimai_10k.csv', 'zh/online_shopping_9_cats.csv'].flatMap((f) => csv(dir, f))
    .map((r) => ({ text: (r.review ?? '').replace(/^\uFEFF/, ''), label: BIN[Number(r.label)]! })).filter((r) => r.text && r.label);
  const uci = ['amazon_cells', 'yelp', 'imdb'].flatMap((w) => fs.readFileSync(path.join(dir, `en/uci_${w}_labelled.txt`), 'utf8').split('\n'))
    .map((line) => /^(.*)\t\s*([01])\s*$/.exec(line)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ text: m[1]!.trim(), label: BIN[Number(m[2])]! }));
  const tweets = ['val', 'test'].flatMap((s) => parallel(dir, s)).map((r) => ({ text: r.text, label: TRI[r.label]! })).filter((r) => r.label);
  const en = [...uci, ...tweets];
  const split = (rows: LabelledText[]) => ({ held: rows.filter((r) => isHeldOut(r.text)), replay: rows.filter((r, i) => !isHeldOut(r.text) && i % replayEvery === 0) });
  const z = split(zh);
  const e = split(en);
  return { heldOut: { zh: z.held, en: e.held }, replay: { zh: z.replay, en: e.replay } };
}
