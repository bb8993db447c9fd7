import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { isHeldOut, type AngerRow, type LabelledText } from '@vigil/analysis';

/**
 * The labelled public data the shipped models learnt from (../shared/data layout): its held-out
 * rows check an update, a sample of its training rows is replayed beside the corrections.
 */
export interface ReferenceData {
  heldOut: Record<'zh' | 'en', LabelledText[]>;
  replay: Record<'zh' | 'en', LabelledText[]>;
  /**
   * Held-out anger for an emotion update: TweetEval emotion's test tweets (anger or not) where the
   * directory has them, and held-out positive reviews as not angry (a sample: a few thousand rows in all).
   */
  heldOutAnger: AngerRow[];
  /** Rows nobody corrected, for the category and emotion update to leave as the rules answer them. */
  replayTexts: string[];
}

/** At most this many rows per language are replayed beside category and emotion corrections. */
const LABEL_REPLAY = 600;

const BIN = ['negative', 'positive'] as const;
const TRI = ['negative', 'neutral', 'positive'] as const;

function csv(dir: string, file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true });
}

function parallel(dir: string, split: string, task = 'sentiment'): { text: string; label: number }[] {
  const t = fs.readFileSync(path.join(dir, 'en/tweeteval', task, `${split}_text.txt`), 'utf8').split('\n');
  const l = fs.readFileSync(path.join(dir, 'en/tweeteval', task, `${split}_labels.txt`), 'utf8').split('\n');
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
  const every = (rows: readonly LabelledText[], n: number) => rows.filter((_, i) => i % Math.max(1, Math.ceil(rows.length / n)) === 0);
  // TweetEval emotion: 0 is anger (joy, optimism, sadness otherwise); nothing trains on it.
  const tweetAnger = fs.existsSync(path.join(dir, 'en/tweeteval/emotion/test_text.txt'))
    ? parallel(dir, 'test', 'emotion').map((r) => ({ text: r.text, angry: r.label === 0 })) : [];
  const praise = [...every(z.held.filter((r) => r.label === 'positive'), 1000), ...every(e.held.filter((r) => r.label === 'positive'), 300)].map((r) => ({ text: r.text, angry: false }));
  return {
    heldOut: { zh: z.held, en: e.held }, replay: { zh: z.replay, en: e.replay },
    heldOutAnger: [...tweetAnger, ...praise],
    replayTexts: [...every(z.replay, LABEL_REPLAY), ...every(e.replay, LABEL_REPLAY)].map((r) => r.text),
  };
}
